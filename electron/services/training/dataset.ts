/**
 * The sandbox's training dataset (resources/training/dataset.json): a dated script of the
 * app's own mutations, run here one by one through localMutate exactly as a steward's clicks
 * would be, so every record is one the rules allow. All or nothing: one refused step stops the
 * load and nothing of it is kept.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { addDays, daysBetween, todayIso } from '../../../shared/domain/dates';
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

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every date of a step's arguments moved on by `days` (amounts, names and numbers untouched). */
function shifted(value: unknown, days: number): unknown {
  if (days === 0) return value;
  if (typeof value === 'string') return DAY.test(value) ? addDays(value, days) : value;
  if (Array.isArray(value)) return value.map((v) => shifted(v, days));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, days)]));
  return value;
}

/** Runs the whole script on `db` (an empty sandbox) in one transaction; reports progress per step. */
export function writeDataset(
  db: Database,
  resourcesDir: string,
  today = todayIso(),
  onProgress?: (done: number, total: number) => void,
): { steps: number; shiftedDays: number } {
  const data = loadDataset(resourcesDir);
  const days = Math.max(0, daysBetween(data.asOf, today));
  const resources = trainingResources(resourcesDir);
  db.transaction(() => {
    let day = '';
    let n = 0;
    data.steps.forEach((step, i) => {
      const on = addDays(step.on, days);
      n = on === day ? n + 1 : 0;
      day = on;
      try {
        localMutate(db, step.name, shifted(step.args, days), { actor: step.by ?? data.actor, now: instant(on, n) }, resources);
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
  return { steps: data.steps.length, shiftedDays: days };
}
