/**
 * Issue 10's figures for the central service, on PGlite and on PostgreSQL, with the server a
 * real `npm run central` process and the client this one, over loopback:
 * - a first pull of 100,000 enterprises and 300,000 patents by an empty client, in records/s,
 *   against a plain HTTP transfer of the same bytes in the same pages by a bare Node server
 *   in its own process, read by the same client (which asks for the next page as soon as a
 *   page's headers arrive, and parses each page);
 * - a push of 10,000 mutations (1,000 per batch), against raw INSERTs of the same records;
 * - 20 clients pushing and pulling at once: errors and wall time.
 * The records are seeded with SQL (generate_series) in the shape the desktop sends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DISTRICTS } from '../shared/domain/districts';
import { usccCheckChar } from '../shared/validators/uscc';
import { addUser } from '../server/accounts';
import { openDb } from '../server/db/connect';
import { migrate } from '../server/db/migrate';
import type { Db } from '../server/db/types';
import { startPostgres } from '../test/support/postgres';
import { spawnCentral, stopCentral } from '../test/support/spawn-central';
import { ENTERPRISES, HEADERS, PATENTS, plainTransfer, pullFrom, seed, signIn } from './central-seed';
import type { Figure } from './stats';

const PAGE = 5000;

const uscc = (n: number) => {
  const body = `92440300${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
};

async function pushMany(
  url: string,
  token: string,
  device: string,
  from: number,
  count: number,
  batch = 1000,
): Promise<{ ms: number; errors: number }> {
  let seq = 0;
  let errors = 0;
  const t = performance.now();
  for (let i = 0; i < count; i += batch) {
    const mutations = Array.from({ length: Math.min(batch, count - i) }, (_, k) => {
      const n = from + i + k;
      seq++;
      return {
        seq,
        id: `m-${device}-${seq}`,
        name: 'enterprise.save',
        args: { id: `x${n}`, name: `深圳市推送${n}科技有限公司`, uscc: uscc(n), district: '南山' },
        base: {},
        at: new Date().toISOString(),
        today: '2026-12-01',
      };
    });
    const res = await fetch(`${url}/sync/push`, {
      method: 'POST',
      headers: { ...HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify({ deviceId: device, mutations }),
    });
    const out = (await res.json()) as { results?: { status: string }[] };
    if (!res.ok) errors += mutations.length;
    else errors += out.results!.filter((r) => r.status !== 'applied').length;
  }
  return { ms: performance.now() - t, errors };
}

async function rawInserts(db: Db, count: number): Promise<number> {
  const rows = Array.from({ length: count }, (_, n) => ({
    id: `raw${n}`,
    data: { id: `raw${n}`, name: `深圳市推送${n}科技有限公司`, uscc: uscc(900_000 + n), district: '南山' },
  }));
  const t = performance.now();
  for (let i = 0; i < rows.length; i += 1000) {
    await db.transaction((tx) =>
      tx.query(
        `INSERT INTO records (entity, id, district, root_id, lookup_key, data, wire, updated_at, updated_by)
         SELECT 'enterprise', t.id, '南山', t.id, t.data ->> 'uscc', t.data, t.data::text, now(), 'raw' FROM json_to_recordset($1::json) AS t(id text, data json)`,
        [JSON.stringify(rows.slice(i, i + 1000))],
      ),
    );
  }
  return performance.now() - t;
}

interface Target {
  kind: 'PGlite' | 'PostgreSQL';
  /** The database, open in this process to seed it (closed before the server starts, for PGlite). */
  db: Db;
  /** How `npm run central` finds the same database. */
  args: string[];
  env: Record<string, string>;
  /** Closes this process's connection when the server must hold the database alone. */
  release: () => Promise<void>;
}

async function benchOne(target: Target): Promise<Figure[]> {
  const { kind, db } = target;
  await migrate(db);
  let t = performance.now();
  await seed(db);
  console.error(`${kind}: seeded ${ENTERPRISES + PATENTS} records in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // The raw INSERTs come first and are taken out again, so the pull sees only the seed.
  const rawMs = await rawInserts(db, 10_000);
  await db.exec("DELETE FROM records WHERE updated_by = 'raw'");
  await db.exec('VACUUM ANALYZE records');
  await addUser(db, { name: 'admin', role: 'admin', districts: [...DISTRICTS], password: 'admin-bench-password' }, new Date());
  for (let i = 0; i < 20; i++)
    await addUser(db, { name: `steward${i}`, role: 'steward', districts: ['南山'], password: `steward${i}-bench-password` }, new Date());
  await target.release();
  const central = spawnCentral(['--port', '0', ...target.args], target.env);
  try {
    const url = (await central.url).replace(/\/$/, '');
    const token = await signIn(url, 'admin');
    const pulled = await pullFrom(url, token, PAGE);
    const plainMs = await plainTransfer(pulled.pages);
    const rate = pulled.records / (pulled.ms / 1000);

    const pusher = await signIn(url, 'steward0');
    const pushed = await pushMany(url, pusher, 'bench-device-0', 0, 10_000);

    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(url, `steward${i}`)));
    t = performance.now();
    const together = await Promise.all(
      tokens.map(async (tk, i) => {
        const p = await pushMany(url, tk, `bench-device-c${i}`, 100_000 + i * 1000, 200, 50);
        const q = new URLSearchParams({ limit: '2000' });
        const res = await fetch(`${url}/sync/pull?${q}`, { headers: { ...HEADERS, authorization: `Bearer ${tk}` } });
        return p.errors + (res.ok ? 0 : 1);
      }),
    );
    const concurrentMs = performance.now() - t;
    const errors = together.reduce((s, e) => s + e, 0);
    return [
      {
        name: `${kind} first pull, ${pulled.records} records (${(pulled.bytes / 1e6).toFixed(0)} MB, ${pulled.pages.length} pages)`,
        value: rate,
        baseline: pulled.records / (plainMs / 1000),
        unit: 'records/s',
        note: `target ≥ 30,000 records/s and ≥ 0.5× the plain transfer; ${(pulled.ms / 1000).toFixed(1)} s against ${(plainMs / 1000).toFixed(1)} s`,
      },
      {
        name: `${kind} push of 10,000 mutations (1,000 per batch)`,
        value: pushed.ms,
        baseline: rawMs,
        unit: 'ms',
        note: `target < 2,000 ms; ${pushed.errors} not applied; baseline: raw INSERTs of the same records`,
      },
      {
        name: `${kind} 20 clients pushing 200 mutations and pulling at once`,
        value: concurrentMs,
        baseline: (pushed.ms / 10_000) * 4000,
        unit: 'ms',
        note: `${errors} errors (target 0); baseline: one client pushing the same 4,000 mutations alone, pro rata`,
      },
    ];
  } finally {
    await stopCentral(central);
  }
}

export async function benchCentral(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-central-'));
  try {
    // The layout `npm run central -- --data` uses: the database in pglite/ under the folder.
    const lite = await openDb({ dataDir: path.join(dataDir, 'pglite') });
    let open = true;
    const release = async () => {
      if (open) await lite.close();
      open = false;
    };
    try {
      figures.push(...(await benchOne({ kind: 'PGlite', db: lite, args: ['--data', dataDir], env: {}, release })));
    } finally {
      await release();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const cluster = await startPostgres();
  try {
    const pg = await openDb({ databaseUrl: cluster.url, dataDir: null });
    try {
      figures.push(
        ...(await benchOne({ kind: 'PostgreSQL', db: pg, args: [], env: { DATABASE_URL: cluster.url }, release: async () => undefined })),
      );
    } finally {
      await pg.close();
    }
  } finally {
    await cluster.stop();
  }
  return figures;
}
