/**
 * The desktop's calls to the central service: sign-in, refresh, push and pull, with the
 * protocol headers on each. A 401 for an expired access token is refreshed once and retried;
 * any other failure becomes an AppError with a Chinese message (an unreachable server is
 * OFFLINE-like UNAVAILABLE, so the engine can retry later).
 */
import { AppError, type ErrorCode } from '../../../shared/errors';
import { tokenPairSchema, type TokenPair } from '../../../shared/sync/auth';
import type { SessionUser } from '../../../shared/sync/roles';
import type { StatsFilter } from '../../../shared/schemas/stats';
import type { DashboardView } from '../../../shared/types/stats';
import {
  COMPLETE_HEADER,
  CURSOR_HEADER,
  TOTAL_HEADER,
  SCHEMA_HEADER,
  VERSION_HEADERS,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../shared/sync/protocol';

/** The server could not be reached (network, DNS, refused, timed out). */
export class Unreachable extends AppError {
  /** What went wrong, in Chinese (连接超时, 连接被拒绝…), for a caller that words the rest itself. */
  readonly reason: string;
  constructor(
    readonly server: string,
    cause: unknown,
  ) {
    super('OFFLINE', `无法连接中心服务（${server}）：${why(cause)}。修改已保存在本机，联网后会自动同步。`);
    this.reason = why(cause);
  }
}

/** Node's fetch says "fetch failed" and keeps the reason in `cause`: said in Chinese for the user. */
function why(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } } | null;
  const code = e?.cause?.code;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT') return '连接超时';
  if (code === 'ECONNREFUSED') return '连接被拒绝（服务未启动或端口不对）';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '找不到该地址';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return '连接中断';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return '网络不可达';
  return '网络错误';
}

export interface Tokens {
  get(): TokenPair | null;
  set(pair: TokenPair | null): void;
}

const TIMEOUT_MS = 30_000;

/** An expired access token that this client was told not to refresh itself (another part of the app owns the refresh). */
export class AccessExpired extends AppError {
  constructor() {
    super('UNAUTHORIZED', '登录已过期，正在更新登录状态');
  }
}

export class CentralClient {
  constructor(
    readonly server: string,
    private readonly tokens: Tokens,
    /** False where another client (the sync worker's) may be refreshing the same tokens: a refresh token is spent once. */
    private readonly refreshes = true,
  ) {}

  /** The schema version the server's last answer named (null: none seen, or a server too old to name it). */
  serverSchema: number | null = null;

  private async send(path: string, init: RequestInit, auth: boolean): Promise<Response> {
    const headers: Record<string, string> = {
      ...VERSION_HEADERS,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    };
    const pair = this.tokens.get();
    if (auth && pair) headers.authorization = `Bearer ${pair.accessToken}`;
    let res: Response;
    try {
      res = await fetch(new URL(path, this.server), { ...init, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new Unreachable(this.server, err);
    }
    const schema = Number(res.headers.get(SCHEMA_HEADER));
    this.serverSchema = Number.isInteger(schema) && schema > 0 ? schema : null;
    return res;
  }

  /**
   * The answer's body. A connection cut while it arrives (a lost or half-delivered answer) is
   * the network's failure like a refused connection: the engine keeps the changes and retries.
   */
  private async body(res: Response): Promise<unknown> {
    try {
      return await res.json();
    } catch (err) {
      if (err instanceof SyntaxError) throw err;
      throw new Unreachable(this.server, err);
    }
  }

  private async fail(res: Response): Promise<never> {
    const body = (await res.json().catch(() => null)) as { error?: { code?: ErrorCode; message?: string } } | null;
    const code = body?.error?.code ?? (res.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL');
    throw new AppError(code, body?.error?.message ?? `中心服务返回错误（HTTP ${res.status}）`);
  }

  /** An authorised call; an expired access token is refreshed once. */
  private async call(path: string, init: RequestInit): Promise<Response> {
    let res = await this.send(path, init, true);
    if (res.status === 401 && this.tokens.get()) {
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { error?: { reason?: string } } | null;
      if (body?.error?.reason === 'expired') {
        if (!this.refreshes) throw new AccessExpired();
        await this.refresh();
        res = await this.send(path, init, true);
      }
    }
    if (!res.ok) await this.fail(res);
    return res;
  }

  async login(name: string, password: string, deviceId: string): Promise<TokenPair> {
    const res = await this.send('/auth/login', { method: 'POST', body: JSON.stringify({ name, password, deviceId }) }, false);
    if (!res.ok) await this.fail(res);
    const pair = tokenPairSchema.parse(await this.body(res));
    this.tokens.set(pair);
    return pair;
  }

  async refresh(): Promise<void> {
    const current = this.tokens.get();
    if (!current) throw new AppError('UNAUTHORIZED', '请先登录中心服务');
    // The id is kept with the tokens before asking: if the answer is lost (the server has then
    // spent the refresh token), the next refresh asks again with it instead of looking like theft.
    const requestId = current.refreshRequestId ?? crypto.randomUUID();
    if (!current.refreshRequestId) this.tokens.set({ ...current, refreshRequestId: requestId });
    const res = await this.send(
      '/auth/refresh',
      { method: 'POST', body: JSON.stringify({ refreshToken: current.refreshToken, requestId }) },
      false,
    );
    if (!res.ok) {
      if (res.status === 401) this.tokens.set(null);
      await this.fail(res);
    }
    this.tokens.set(tokenPairSchema.parse(await this.body(res)));
  }

  /** Who the server says is signed in now: districts changed by an administrator included. */
  async me(): Promise<SessionUser> {
    return (await this.body(await this.call('/auth/me', { method: 'GET' }))) as SessionUser;
  }

  async logout(): Promise<void> {
    await this.send('/auth/logout', { method: 'POST' }, true).catch(() => undefined);
    this.tokens.set(null);
  }

  /** 统计看板 for a filter, worked out by the central service over the user's districts. */
  async dashboard(filter: StatsFilter): Promise<DashboardView> {
    return (await this.body(await this.call('/stats/dashboard', { method: 'POST', body: JSON.stringify(filter) }))) as DashboardView;
  }

  async push(body: PushRequest): Promise<PushResponse> {
    return (await this.body(await this.call('/sync/push', { method: 'POST', body: JSON.stringify(body) }))) as PushResponse;
  }

  /**
   * Starts the request for the page after `cursor`: resolves with the next cursor as soon as
   * the headers arrive (so the following page can be asked for while this one is read), and
   * `page` with the whole page.
   */
  async pullStart(
    cursor: string | null,
    limit: number,
  ): Promise<{ cursor: string; complete: boolean; total: number | null; page: Promise<PullResponse> }> {
    const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await this.call(`/sync/pull?${q}`, { method: 'GET' });
    const page = this.body(res) as Promise<PullResponse>;
    // A page asked for ahead may fail while the one before it is applied: seen when awaited.
    page.catch(() => undefined);
    return {
      cursor: res.headers.get(CURSOR_HEADER) ?? '',
      complete: res.headers.get(COMPLETE_HEADER) === '1',
      total: res.headers.has(TOTAL_HEADER) ? Number(res.headers.get(TOTAL_HEADER)) : null,
      page,
    };
  }
}
