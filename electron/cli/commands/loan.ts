import '../../../shared/zod-locale';
import { addMonths } from '../../../shared/domain/dates';
import { computeCompensation } from '../../../shared/domain/loan/compensation';
import { buildSchedule, planProblems, REPAYMENT_METHOD_LABELS } from '../../../shared/domain/loan/schedule';
import { AppError } from '../../../shared/errors';
import { compensationInput, scheduleInput } from '../../../shared/schemas/loan';
import { DEV_RESOURCES_DIR } from '../../services/jobs/tsx-launch';
import { getPool } from '../../services/loans/pools';
import { withJsonInput } from '../json-input';
import type { Command } from '../types';

export const scheduleCommand: Command = {
  name: 'schedule',
  usage: 'schedule <input.json>   还款计划：每期还款日、本金、利息、剩余本金（单位：分）',
  run: ({ positionals }) =>
    withJsonInput(positionals[0], 'schedule <input.json>', scheduleInput, (input) => {
      const endOn = input.method === 'custom' ? input.plan!.at(-1)!.dueOn : addMonths(input.startOn, input.months);
      if (input.method === 'custom') {
        const problems = planProblems(input.principalFen, input.startOn, endOn, input.plan!);
        if (problems.length) throw new AppError('INVALID_INPUT', `自定义计划不正确：${problems.join('；')}`);
      }
      const instalments = buildSchedule({ ...input, endOn });
      return {
        method: input.method,
        methodLabel: REPAYMENT_METHOD_LABELS[input.method],
        endOn,
        instalments,
        totalPrincipalFen: instalments.reduce((s, r) => s + r.principalFen, 0),
        totalInterestFen: instalments.reduce((s, r) => s + r.interestFen, 0),
      };
    }),
};

export const compensationCommand: Command = {
  name: 'compensation',
  usage: 'compensation <input.json>   风险补偿：按资金池计算可获补偿（逐行计算过程与上限，单位：分）',
  run: ({ positionals }) =>
    withJsonInput(positionals[0], 'compensation <input.json>', compensationInput, (input) =>
      computeCompensation(getPool(DEV_RESOURCES_DIR, input.poolId), input),
    ),
};
