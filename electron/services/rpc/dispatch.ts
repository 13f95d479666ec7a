import { contract, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { AppError, type Result } from '../../../shared/errors';
import '../../../shared/zod-locale';
import type { Logger } from '../logger';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;
/** Recognises a failure that is not a bug (e.g. a locked database file) and says it in Chinese. */
export type TranslateError = (err: unknown) => AppError | null;

/**
 * The single entry every transport goes through: unknown names and malformed input are
 * rejected here, before any service code runs, so a bad call can never write anything.
 */
export function createDispatcher(handlers: Handlers, logger?: Logger, translateError: TranslateError = () => null): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的调用：${String(method).slice(0, 80)}` } };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `输入不正确：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`,
          issues,
        },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toInfo() };
      const known = translateError(err);
      if (known) {
        logger?.warn(`call ${method}: ${known.code}`, err);
        return { ok: false, error: known.toInfo() };
      }
      logger?.error(`call ${method} failed`, err);
      return { ok: false, error: { code: 'INTERNAL', message: '发生了意外错误，操作未完成。详情已写入日志。' } };
    }
  };
}
