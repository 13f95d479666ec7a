import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { policySchema, type Policy } from '../../../shared/schemas/policy';
import { readDataDir } from '../resources';

/**
 * Subsidy policies: one JSON file per district and version in resources/policies/, each
 * checked on load, so a bad edit gives a clear message instead of a wrong amount.
 */
export function loadPolicies(resourcesDir: string): Policy[] {
  return readDataDir(path.join(resourcesDir, 'policies'), policySchema, '贴息政策');
}

export function getPolicy(resourcesDir: string, id: string): Policy {
  const policy = loadPolicies(resourcesDir).find((p) => p.id === id);
  if (!policy) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的贴息政策`);
  return policy;
}
