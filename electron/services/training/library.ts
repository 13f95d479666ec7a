/** The case library (典型案例): the ten typical cases of 2023, as data in resources/training/. */
import path from 'node:path';
import { exerciseSet, typicalCases } from '../../../shared/schemas/training';
import { readJson } from '../resources';

export const loadTypicalCases = (resourcesDir: string) => readJson(path.join(resourcesDir, 'training', 'typical-cases.json'), typicalCases);

export const loadExercises = (resourcesDir: string) => readJson(path.join(resourcesDir, 'training', 'exercises.json'), exerciseSet);
