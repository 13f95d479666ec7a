import fs from 'node:fs';
import '../../../shared/zod-locale';
import { computeSubsidy } from '../../../shared/domain/subsidy';
import { AppError } from '../../../shared/errors';
import { subsidyInput } from '../../../shared/schemas/policy';
import { DEV_RESOURCES_DIR } from '../../services/jobs/tsx-launch';
import { getPolicy } from '../../services/policies/load';
import { usageError, type Command } from '../types';

export const subsidyCommand: Command = {
  name: 'subsidy',
  usage: 'subsidy <input.json>   按政策计算贴息：是否符合（逐条列出不符合的规则）与金额（逐行计算过程，精确到分）',
  run({ positionals }) {
    const [file] = positionals;
    if (!file) return usageError('用法：subsidy <input.json>');
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      return usageError(`无法读取 ${file}：${e instanceof SyntaxError ? '不是有效的 JSON' : '文件不存在或无法打开'}`);
    }
    const parsed = subsidyInput.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return { exitCode: 1, output: { error: `输入不正确：${issues.map((i) => `${i.path}：${i.message}`).join('；')}`, issues } };
    }
    try {
      return { exitCode: 0, output: computeSubsidy(getPolicy(DEV_RESOURCES_DIR, parsed.data.policyId), parsed.data) };
    } catch (e) {
      if (e instanceof AppError) return { exitCode: 1, output: { error: e.message } };
      throw e;
    }
  },
};
