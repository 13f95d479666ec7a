/** The trainer's calls (培训): the sandbox, the case library, the exercises, the workshop records. */
import { z } from 'zod';
import { call } from './call-spec';
import type { ExerciseScore } from './domain/training/exercises';
import type { WorkshopView } from './domain/training/workshops';
import { exerciseAnswer, type DatasetCase, type Exercise, type TypicalCase } from './schemas/training';
import { workshopFilter, workshopInput } from './schemas/workshop';
import type { DbStatus } from './types/app';

const empty = z.object({}).strict();
const snapshotName = z.string().trim().min(1, '请填写快照名称').max(40, '快照名称不超过 40 个字');

export interface SnapshotView {
  name: string;
  savedAt: string;
  sizeBytes: number;
}

export interface SandboxView {
  active: boolean;
  /** The dataset shipped with the app, and whether the sandbox holds it. */
  dataset: { title: string; version: string; loaded: boolean };
  snapshots: SnapshotView[];
}

export interface CaseLibraryView {
  source: string;
  cases: (TypicalCase & { sandboxCase: DatasetCase | null })[];
  /** The case the guided walkthrough follows, and its enterprise. */
  tour: { caseId: string; enterpriseId: string; enterpriseName: string };
}

export const trainingContract = {
  sandboxStatus: call<SandboxView>()(empty),
  sandboxEnter: call<DbStatus>()(empty),
  sandboxLeave: call<DbStatus>()(empty),
  sandboxLoad: call<SandboxView>()(empty),
  sandboxReset: call<SandboxView>()(empty),
  snapshotSave: call<SnapshotView>()(z.object({ name: snapshotName, overwrite: z.boolean().default(false) }).strict()),
  snapshotRestore: call<SandboxView>()(z.object({ name: snapshotName }).strict()),
  snapshotDelete: call<SandboxView>()(z.object({ name: snapshotName }).strict()),
  caseLibrary: call<CaseLibraryView>()(empty),
  exercisesList: call<Exercise[]>()(empty),
  exerciseCheck: call<ExerciseScore>()(exerciseAnswer),
  workshopsList: call<WorkshopView[]>()(workshopFilter),
  workshopSave: call<WorkshopView>()(workshopInput),
  workshopDelete: call<{ deleted: true }>()(z.object({ id: z.string().min(1).max(64) }).strict()),
} as const;
