import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { value } from '../../services/valuation/engine';
import { usageError, type Command } from '../types';

export const valueCommand: Command = {
  name: 'value',
  usage: 'value <input.json>   估值（收益法、成本法、市场法；可含不确定性与贷款额度），输出 JSON',
  run({ positionals }) {
    const [file] = positionals;
    if (!file) return usageError('用法：value <input.json>');
    let input: unknown;
    try {
      input = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      return usageError(`无法读取 ${file}：${e instanceof SyntaxError ? '不是有效的 JSON' : '文件不存在或无法打开'}`);
    }
    try {
      return { exitCode: 0, output: value(input as never) };
    } catch (e) {
      if (e instanceof AppError) return { exitCode: 1, output: { error: e.message, issues: e.issues ?? [] } };
      throw e;
    }
  },
};
