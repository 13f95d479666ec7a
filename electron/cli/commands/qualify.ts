import '../../../shared/zod-locale';
import { todayIso } from '../../../shared/domain/dates';
import { evaluate } from '../../../shared/domain/qualification';
import { qualificationInput } from '../../../shared/schemas/criteria';
import { DEV_RESOURCES_DIR } from '../../services/jobs/tsx-launch';
import { criteriaInForce, getCriteriaSet } from '../../services/qualification/load';
import { withJsonInput } from '../json-input';
import { usageError, type Command } from '../types';

const USAGE = 'qualify <input.json> [--set <编号>]';

export const qualifyCommand: Command = {
  name: 'qualify',
  usage: `${USAGE}   资质自评：高新技术企业、科技型中小企业、创新型/专精特新中小企业、科创属性，逐项列出指标、得分与所缺数据`,
  run: ({ positionals, options }) => {
    const setId = options.set;
    if (setId !== undefined && (typeof setId !== 'string' || !setId.trim()))
      return usageError(`用法：${USAGE}（--set 后应为标准编号，如 gaoqi-2016）`);
    return withJsonInput(positionals[0], USAGE, qualificationInput, (input) => {
      const asOf = input.asOf ?? todayIso();
      // Without --set: every set in force on the date; with it, that set (an earlier version too).
      const sets = typeof setId === 'string' ? [getCriteriaSet(DEV_RESOURCES_DIR, setId.trim())] : criteriaInForce(DEV_RESOURCES_DIR, asOf);
      return { asOf, results: sets.map((s) => evaluate(s, input, asOf)) };
    });
  },
};
