/**
 * The central service in a test: the real Fastify app over a real database, users signed in
 * through /auth/login, and small clients that push and pull over the real routes.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { District } from '../../shared/domain/districts';
import {
  COMPLETE_HEADER,
  CURSOR_HEADER,
  VERSION_HEADERS,
  type MutationEnvelope,
  type MutationResult,
  type PullChange,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { Role } from '../../shared/sync/roles';
import { addUser, setDistricts } from '../../server/accounts';
import { buildServer } from '../../server/app';
import type { Db } from '../../server/db/types';
import { createLogger } from '../../server/logger';

export const T0 = new Date('2026-11-20T02:00:00Z');
export const TODAY = '2026-11-20';

export interface Central {
  app: FastifyInstance;
  db: Db;
  now: () => Date;
  advance(ms: number): void;
  user(name: string, role: Role, districts: District[]): Promise<TestClient>;
  /** An account with this password, not signed in (a desktop signs in over HTTP). */
  account(name: string, role: Role, districts: District[], password: string): Promise<void>;
  /** The administrator's change of a user's districts. */
  setDistricts(name: string, districts: District[]): Promise<void>;
}

export async function startCentral(db: Db): Promise<Central> {
  let t = T0.getTime();
  const app = await buildServer({
    db,
    clock: () => new Date(t),
    logger: createLogger({ level: (process.env.CENTRAL_LOG as 'silent') ?? 'silent' }),
    resourcesDir: path.resolve('resources'),
  });
  const central: Central = {
    app,
    db,
    now: () => new Date(t),
    advance: (ms) => void (t += ms),
    user: async (name, role, districts) => {
      await addUser(db, { name, role, districts, password: `${name}-密码-2026` }, new Date(t));
      return signIn(app, name, `${name}-密码-2026`);
    },
    account: async (name, role, districts, password) => {
      await addUser(db, { name, role, districts, password }, new Date(t));
    },
    setDistricts: async (name, districts) => {
      await setDistricts(db, name, districts, new Date(t));
    },
  };
  return central;
}

/** Empties a central database between runs of a property test (a fresh PGlite takes seconds). */
export async function resetCentral(db: Db): Promise<void> {
  await db.exec(`TRUNCATE records, scope_exits, mutation_results, audit, devices, sync_meta, sessions, login_attempts, users RESTART IDENTITY CASCADE;
    ALTER SEQUENCE change_seq RESTART;`);
}

let devices = 0;

export async function signIn(app: FastifyInstance, name: string, password: string): Promise<TestClient> {
  const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { name, password } });
  expect(res.statusCode, res.body).toBe(200);
  return new TestClient(app, (res.json() as { accessToken: string }).accessToken, `device-${process.pid}-${++devices}`);
}

const VERSIONS = VERSION_HEADERS;

/** One device of one user: numbers its mutations, remembers its cursor. */
export class TestClient {
  seq = 0;
  cursor: string | undefined;
  constructor(
    readonly app: FastifyInstance,
    readonly token: string,
    readonly deviceId: string,
  ) {}

  /** A mutation with the next number (not sent). */
  mutation(name: string, args: unknown, base: MutationEnvelope['base'] = {}): MutationEnvelope {
    this.seq++;
    return {
      seq: this.seq,
      id: `0193${String(this.seq).padStart(4, '0')}-${this.deviceId}`.slice(0, 64),
      name,
      args,
      base,
      at: T0.toISOString(),
      today: TODAY,
    };
  }

  async pushRaw(mutations: MutationEnvelope[], deviceId = this.deviceId) {
    return this.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${this.token}`, ...VERSIONS },
      payload: { deviceId, mutations },
    });
  }

  async push(...mutations: MutationEnvelope[]): Promise<PushResponse> {
    const res = await this.pushRaw(mutations);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PushResponse;
  }

  /** Sends one mutation and returns its result. */
  async run(name: string, args: unknown, base: MutationEnvelope['base'] = {}): Promise<Exclude<MutationResult, { status: 'gap' }>> {
    const { results } = await this.push(this.mutation(name, args, base));
    const r = results[0]!;
    if (r.status === 'gap') throw new Error(`unexpected gap: ${JSON.stringify(r)}`);
    return r;
  }

  async pullPage(limit?: number): Promise<PullResponse> {
    const query = new URLSearchParams({ ...(this.cursor ? { cursor: this.cursor } : {}), ...(limit ? { limit: String(limit) } : {}) });
    const res = await this.app.inject({
      method: 'GET',
      url: `/sync/pull?${query}`,
      headers: { authorization: `Bearer ${this.token}`, ...VERSIONS },
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as PullResponse;
    // The headers a pipelining client reads say the same as the body, on every page.
    expect([res.headers[CURSOR_HEADER], res.headers[COMPLETE_HEADER]]).toEqual([page.cursor, page.complete ? '1' : '0']);
    this.cursor = page.cursor;
    return page;
  }

  /** Pulls until complete; every change seen, in order. */
  async pullAll(limit?: number): Promise<PullChange[]> {
    const seen: PullChange[] = [];
    for (;;) {
      const page = await this.pullPage(limit);
      seen.push(...page.changes);
      if (page.complete) return seen;
    }
  }
}
export { ACCESS_TTL_MS } from '../../server/accounts/policy';
