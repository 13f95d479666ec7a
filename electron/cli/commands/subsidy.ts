import '../../../shared/zod-locale';
import { computeSubsidy } from '../../../shared/domain/subsidy';
import { subsidyInput } from '../../../shared/schemas/policy';
import { DEV_RESOURCES_DIR } from '../../services/jobs/tsx-launch';
import { getPolicy } from '../../services/policies/load';
import { withJsonInput } from '../json-input';
import type { Command } from '../types';

export const subsidyCommand: Command = {
  name: 'subsidy',
  usage: 'subsidy <input.json>   按政策计算贴息：是否符合（逐条列出不符合的规则）与金额（逐行计算过程，精确到分）',
  run: ({ positionals }) =>
    withJsonInput(positionals[0], 'subsidy <input.json>', subsidyInput, (input) =>
      computeSubsidy(getPolicy(DEV_RESOURCES_DIR, input.policyId), input),
    ),
};
