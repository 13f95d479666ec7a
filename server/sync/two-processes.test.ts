import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SCHEMA_HEADER,
  SCHEMA_VERSION,
  type MutationEnvelope,
  type PullChange,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync/protocol';
import { spawnCentral } from '../../test/support/central-process';
import { usePostgres } from '../../test/support/postgres';
import { inventionNumber, usccFor } from '../../test/support/sheets';
import { addUser } from '../accounts';
import { openDb } from '../db/connect';
import { migrate } from '../db/migrate';

const HEADERS = {
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  [SCHEMA_HEADER]: String(SCHEMA_VERSION),
  'content-type': 'application/json',
};

/** A device that sends each request to the next server in turn, as a load balancer would. */
class Alternating {
  private n = 0;
  seq = 0;
  cursor: string | undefined;
  /** What this device holds: every record as last pulled. */
  readonly replica = new Map<string, unknown>();
  constructor(
    private readonly urls: string[],
    readonly token: string,
    readonly deviceId: string,
  ) {}

  private next(): string {
    return this.urls[this.n++ % this.urls.length]!;
  }

  async push(name: string, args: unknown): Promise<PushResponse> {
    const m: MutationEnvelope = {
      seq: ++this.seq,
      id: `${this.deviceId}-${this.seq}`,
      name,
      args,
      base: {},
      at: new Date().toISOString(),
      today: '2026-12-01',
    };
    // Each mutation is delivered twice, once to each server: the second gets the stored answer.
    const first = await fetch(new URL('sync/push', this.next()), {
      method: 'POST',
      headers: { ...HEADERS, authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ deviceId: this.deviceId, mutations: [m] }),
    });
    const again = await fetch(new URL('sync/push', this.next()), {
      method: 'POST',
      headers: { ...HEADERS, authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ deviceId: this.deviceId, mutations: [m] }),
    });
    expect(first.status).toBe(200);
    const answer = (await first.json()) as PushResponse;
    expect(((await again.json()) as PushResponse).results[0]).toEqual({ ...answer.results[0], duplicate: true });
    return answer;
  }

  async pullAll(): Promise<PullChange[]> {
    const seen: PullChange[] = [];
    for (;;) {
      const q = new URLSearchParams({ limit: '3', ...(this.cursor ? { cursor: this.cursor } : {}) });
      const res = await fetch(new URL(`sync/pull?${q}`, this.next()), { headers: { ...HEADERS, authorization: `Bearer ${this.token}` } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as PullResponse;
      seen.push(...page.changes);
      for (const c of page.changes) {
        if (c.op === 'upsert') this.replica.set(`${c.e}/${c.id}`, c.d);
        else this.replica.delete(`${c.e}/${c.id}`);
      }
      this.cursor = page.cursor;
      if (page.complete) return seen;
    }
  }
}

async function signIn(url: string, name: string): Promise<string> {
  const res = await fetch(new URL('auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `${name}-两个进程` }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('two server processes on one PostgreSQL', () => {
  const postgres = usePostgres();

  it('serve clients that alternate between them, and end in one state', async () => {
    const databaseUrl = await postgres.createDatabase();
    const db = await openDb({ databaseUrl, dataDir: null });
    try {
      await migrate(db);
      for (const name of ['管家甲', '管家乙'])
        await addUser(db, { name, role: 'steward', districts: ['光明'], password: `${name}-两个进程` }, new Date());
    } finally {
      await db.close();
    }
    const a = spawnCentral(['--port', '0'], { DATABASE_URL: databaseUrl });
    const b = spawnCentral(['--port', '0'], { DATABASE_URL: databaseUrl });
    const urls = [await a.url, await b.url];
    // Signed in on one, the session works on the other: it lives in the database.
    const x = new Alternating(urls, await signIn(urls[0]!, '管家甲'), 'laptop-x');
    const y = new Alternating(urls.slice().reverse(), await signIn(urls[1]!, '管家乙'), 'laptop-y');

    const name = '深圳市双进程科技有限公司';
    expect((await x.push('enterprise.save', { id: 'e1', name, uscc: usccFor(8801), district: '光明' })).results[0]!.status).toBe('applied');
    const base = (await y.pullAll())[0]!.v!;
    await x.pullAll();
    for (let n = 1; n <= 3; n++) {
      await x.push('ip.save', {
        id: `px${n}`,
        enterpriseId: 'e1',
        kind: 'invention',
        number: inventionNumber(2021, n),
        title: `甲的专利${n}`,
        filingDate: '2021-01-01',
        grantDate: '2023-01-01',
        owners: [name],
      });
      await y.push('ip.save', {
        id: `py${n}`,
        enterpriseId: 'e1',
        kind: 'invention',
        number: inventionNumber(2021, 10 + n),
        title: `乙的专利${n}`,
        filingDate: '2021-01-01',
        grantDate: '2023-01-01',
        owners: [name],
      });
    }
    // The same field from both, through different processes: one conflict, wherever it lands.
    const push = async (who: Alternating, street: string) => {
      const m = { id: 'e1', name, uscc: usccFor(8801), district: '光明', street };
      const body = {
        deviceId: who.deviceId,
        mutations: [
          {
            seq: ++who.seq,
            id: `${who.deviceId}-${who.seq}`,
            name: 'enterprise.save',
            args: m,
            base: { 'enterprise/e1': { street: base.street ?? base['*'] ?? 0 } },
            at: new Date().toISOString(),
            today: '2026-12-01',
          },
        ],
      };
      return fetch(new URL('sync/push', urls[who === x ? 0 : 1]!), {
        method: 'POST',
        headers: { ...HEADERS, authorization: `Bearer ${who.token}` },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<PushResponse>);
    };
    const [rx, ry] = await Promise.all([push(x, '光明街道'), push(y, '凤凰街道')]);
    expect([rx.results[0]!.status, ry.results[0]!.status].sort()).toEqual(['applied', 'conflict']);

    await x.pullAll();
    await y.pullAll();
    const fresh = new Alternating(urls, await signIn(urls[1]!, '管家甲'), 'laptop-z');
    await fresh.pullAll();
    const sorted = (m: Map<string, unknown>) => [...m.entries()].sort(([p], [q]) => p.localeCompare(q));
    // Both devices, built page by page from both processes, equal a replica pulled from scratch.
    expect(sorted(x.replica)).toEqual(sorted(fresh.replica));
    expect(sorted(y.replica)).toEqual(sorted(fresh.replica));
    const keys = [...fresh.replica.keys()];
    expect(keys.filter((k) => k.startsWith('ip_asset/'))).toHaveLength(6);
    expect(keys.filter((k) => k.startsWith('conflict/'))).toHaveLength(1);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect((await a.exited).code).toBe(0);
    expect((await b.exited).code).toBe(0);
  }, 180_000);
});
