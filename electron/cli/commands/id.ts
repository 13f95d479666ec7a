import { identify } from '../../../shared/validators/identify';
import type { Command } from '../types';

export const idCommand: Command = {
  name: 'id',
  usage: 'id <value>   识别并校验统一社会信用代码或专利号',
  run({ positionals }) {
    if (positionals.length === 0) return { exitCode: 2, output: { error: '用法：id <统一社会信用代码或专利号>' } };
    const result = identify(positionals.join(' '));
    return { exitCode: result.valid ? 0 : 1, output: result };
  },
};
