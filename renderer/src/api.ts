/**
 * Typed access to the main process. In Electron the preload provides window.api; in the
 * browser harness the same calls go over HTTP to 127.0.0.1. Either way every call returns
 * the contract's result, and failures become an ApiError with a Chinese message.
 */
import { METHOD_NAMES, type InputOf, type MethodName, type OutputOf } from '../../shared/contract';
import type { ErrorCode, ErrorInfo, ErrorIssue, Result } from '../../shared/errors';

export type RawApi = { [M in MethodName]: (input: InputOf<M>) => Promise<Result<OutputOf<M>>> };
export type Api = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> };

declare global {
  interface Window {
    api?: RawApi;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.issues = info.issues ?? [];
  }
}

function httpTransport(): RawApi {
  const token = document.querySelector<HTMLMetaElement>('meta[name="ipf-harness-token"]')?.content ?? '';
  const post = async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`./rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ipf-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本地服务。' } };
    }
  };
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => post(m, input)])) as unknown as RawApi;
}

function rawApi(): RawApi {
  return window.api ?? httpTransport();
}

/** Built lazily so tests can install window.api first. */
export function createApi(raw: RawApi = rawApi()): Api {
  return Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      async (input: unknown) => {
        const result = await (raw[m] as (i: unknown) => Promise<Result<unknown>>)(input);
        if (!result.ok) throw new ApiError(result.error);
        return result.value;
      },
    ]),
  ) as unknown as Api;
}

let instance: Api | null = null;
export function api(): Api {
  instance ??= createApi();
  return instance;
}

/** For tests: forget the cached client after swapping window.api. */
export function resetApi(): void {
  instance = null;
}
