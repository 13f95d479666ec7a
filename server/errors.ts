import type { ErrorCode } from '../shared/errors';

/** An expected refusal: answered as JSON {error: {code, message}} with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (message = '请先登录（登录已失效或令牌无效）') => new HttpError(401, 'UNAUTHORIZED', message);
export const forbidden = (message: string) => new HttpError(403, 'FORBIDDEN', message);
export const invalid = (message: string, issues?: { path: string; message: string }[]) =>
  new HttpError(400, 'INVALID_INPUT', message, issues ? { issues } : {});
