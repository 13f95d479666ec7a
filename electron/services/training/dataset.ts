/**
 * The sandbox's training dataset (resources/training/dataset.json): a dated script of the
 * app's own mutations, run here one by one through localMutate exactly as a steward's clicks
 * would be, so every record is one the rules allow. All or nothing: one refused step stops the
 * load and nothing of it is kept.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { trainingDataset, type TrainingDataset } from '../../../shared/schemas/training';
import { instant } from '../demo/cases';
import { getPool } from '../loans/pools';
import { getPolicy } from '../policies/load';
import { loadBankProducts, readJson } from '../resources';
import { localMutate, type LocalResources } from '../sync/local';
import { getRecord } from '../sync/store';

export const datasetFile = (resourcesDir: string) => path.join(resourcesDir, 'training', 'dataset.json');

export function loadDataset(resourcesDir: string): TrainingDataset {
  return readJson(datasetFile(resourcesDir), trainingDataset);
}

export function trainingResources(resourcesDir: string): LocalResources {
  return {
    products: loadBankProducts(resourcesDir),
    policy: (id) => getPolicy(resourcesDir, id),
    pool: (id) => getPool(resourcesDir, id),
  };
}

/** Runs the whole script on `db` (an empty sandbox) in one transaction; reports progress per step. */
export function writeDataset(db: Database, resourcesDir: string, onProgress?: (done: number, total: number) => void): { steps: number } {
  const data = loadDataset(resourcesDir);
  const resources = trainingResources(resourcesDir);
  db.transaction(() => {
    let day = '';
    let n = 0;
    data.steps.forEach((step, i) => {
      n = step.on === day ? n + 1 : 0;
      day = step.on;
      try {
        localMutate(db, step.name, step.args, { actor: step.by ?? data.actor, now: instant(step.on, n) }, resources);
      } catch (err) {
        const why = err instanceof AppError ? err.message : String(err);
        throw new AppError('INTERNAL', `培训数据第 ${i + 1} 步（${step.name}，${step.on}）未能写入：${why}`);
      }
      if (i % 20 === 0) onProgress?.(i, data.steps.length);
    });
    const wrong = data.cases.filter((c) => getRecord(db, 'case', c.id)?.data.stage !== c.stage);
    if (wrong.length) throw new AppError('INTERNAL', `培训数据的案件阶段与说明不符：${wrong.map((c) => c.title).join('、')}`);
  }).immediate();
  onProgress?.(data.steps.length, data.steps.length);
  return { steps: data.steps.length };
}
