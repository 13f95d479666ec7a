import fs from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { usageError, type CommandOutcome } from './types';

/**
 * Runs a command on a JSON input file checked by `schema`: an unreadable file is a usage error
 * (exit 2), an invalid input lists each field's problem (exit 1), an AppError is its message.
 */
export function withJsonInput<T>(
  file: string | undefined,
  usage: string,
  schema: z.ZodType<T>,
  run: (input: T) => unknown,
): CommandOutcome {
  if (!file) return usageError(`用法：${usage}`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return usageError(`无法读取 ${file}：${e instanceof SyntaxError ? '不是有效的 JSON' : '文件不存在或无法打开'}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { exitCode: 1, output: { error: `输入不正确：${issues.map((i) => `${i.path}：${i.message}`).join('；')}`, issues } };
  }
  try {
    return { exitCode: 0, output: run(parsed.data) };
  } catch (e) {
    if (e instanceof AppError) return { exitCode: 1, output: { error: e.message } };
    throw e;
  }
}
