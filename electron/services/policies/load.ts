import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { policySchema, type Policy } from '../../../shared/schemas/policy';
import { readJson } from '../resources';

/**
 * Subsidy policies: one JSON file per district and version in resources/policies/, each
 * checked on load, so a bad edit gives a clear message instead of a wrong amount.
 */
export function loadPolicies(resourcesDir: string): Policy[] {
  const dir = path.join(resourcesDir, 'policies');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const policies = files.map((f) => readJson(path.join(dir, f), policySchema));
  const seen = new Set<string>();
  for (const p of policies) {
    if (seen.has(p.id)) throw new AppError('INTERNAL', `贴息政策编号重复：${p.id}`);
    seen.add(p.id);
  }
  return policies;
}

export function getPolicy(resourcesDir: string, id: string): Policy {
  const policy = loadPolicies(resourcesDir).find((p) => p.id === id);
  if (!policy) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的贴息政策`);
  return policy;
}
