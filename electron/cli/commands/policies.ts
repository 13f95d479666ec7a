import { DEV_RESOURCES_DIR } from '../../services/jobs/tsx-launch';
import { loadPolicies } from '../../services/policies/load';
import type { Command } from '../types';

export const policiesCommand: Command = {
  name: 'policies',
  usage: 'policies   列出贴息政策（编号、区、标题、版本、有效期）',
  run() {
    return {
      exitCode: 0,
      output: loadPolicies(DEV_RESOURCES_DIR).map((p) => ({
        id: p.id,
        district: p.district ?? '深圳市',
        title: p.title,
        version: p.version,
        effectiveFrom: p.effectiveFrom,
        effectiveTo: p.effectiveTo,
        weak: p.weak,
      })),
    };
  },
};
