import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { compensationPoolSchema, type CompensationPool } from '../../../shared/schemas/loan';
import { readDataDir } from '../resources';

/** Risk-compensation pools: one JSON file each in resources/compensation/, checked on load. */
export const loadPools = (resourcesDir: string): CompensationPool[] =>
  readDataDir(path.join(resourcesDir, 'compensation'), compensationPoolSchema, '风险补偿资金池');

export function getPool(resourcesDir: string, id: string): CompensationPool {
  const pool = loadPools(resourcesDir).find((p) => p.id === id);
  if (!pool) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的风险补偿资金池`);
  return pool;
}
