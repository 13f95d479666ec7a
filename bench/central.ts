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
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DISTRICTS } from '../shared/domain/districts';
import { COMPLETE_HEADER, CURSOR_HEADER, VERSION_HEADERS, type PullResponse } from '../shared/sync/protocol';
import { usccCheckChar } from '../shared/validators/uscc';
import { addUser } from '../server/accounts';
import { openDb } from '../server/db/connect';
import { migrate } from '../server/db/migrate';
import type { Db } from '../server/db/types';
import { startPostgres } from '../test/support/postgres';
import { spawnCentral, stopCentral } from '../test/support/spawn-central';
import type { Figure } from './stats';

const ENTERPRISES = 100_000;
const PATENTS = 300_000;
const PAGE = 5000;
const HEADERS = {
  ...VERSION_HEADERS,
  'content-type': 'application/json',
};

async function seed(db: Db): Promise<void> {
  const districts = `ARRAY[${DISTRICTS.map((d) => `'${d}'`).join(',')}]`;
  await db.exec(`
    INSERT INTO records (entity, id, district, root_id, parent_id, lookup_key, data, versions, origins, wire, updated_at, updated_by)
    SELECT entity, id, district, root_id, NULL, data ->> 'uscc', data, versions, origins, json_build_object('e', entity, 'id', id, 'op', 'upsert', 'd', data, 'v', versions)::text, now(), 'bench' FROM (
    SELECT 'enterprise' AS entity, 'e' || g AS id, d AS district, 'e' || g AS root_id,
      jsonb_build_object('name', '深圳市基准' || g || '科技有限公司', 'uscc', '91440300' || lpad(g::text, 9, '0') || 'X', 'district', d, 'street', '粤海街道',
        'address', '深圳市' || d || '区科技园' || g || '号', 'industry', '电子信息', 'foundedOn', '2015-06-01', 'registeredCapitalFen', 100000000,
        'employees', 50 + g % 400, 'revenueFen', 1000000::bigint * (200 + g % 5000), 'rdFen', 100000::bigint * (200 + g % 5000), 'qualifications', '["高新技术企业"]'::jsonb,
        'contacts', jsonb_build_array(jsonb_build_object('name', '王晓明', 'role', '财务总监', 'phone', '13800000000')), 'notes', '')::json AS data,
      '{"*": 1}'::json AS versions, '{"*": "seed"}'::json AS origins
    FROM generate_series(1, ${ENTERPRISES}) g, LATERAL (SELECT (${districts})[1 + g % 11] AS d) x) s;
    INSERT INTO records (entity, id, district, root_id, parent_id, lookup_key, data, versions, origins, wire, updated_at, updated_by)
    SELECT entity, id, district, root_id, root_id, data ->> 'number', data, versions, origins, json_build_object('e', entity, 'id', id, 'op', 'upsert', 'd', data, 'v', versions)::text, now(), 'bench' FROM (
    SELECT 'ip_asset' AS entity, 'p' || g AS id, d AS district, 'e' || e AS root_id, jsonb_build_object('enterpriseId', 'e' || e, 'kind', 'invention', 'number', '2019' || '1' || lpad(g::text, 7, '0') || '3',
        'title', '一种基于深度学习的图像识别方法' || g, 'filingDate', '2019-03-01', 'grantDate', '2021-05-01', 'registrationDate', null, 'validUntil', null,
        'publishedOn', null, 'legalStatus', 'granted', 'feePaidThrough', '2027-03-01', 'owners', jsonb_build_array('深圳市基准' || e || '科技有限公司'),
        'claimsCount', 10, 'ipcClass', 'G06F', 'pledged', false, 'suspended', false, 'underInvalidation', false, 'sameDayInvention', false)::json AS data,
      '{"*": 1}'::json AS versions, '{"*": "seed"}'::json AS origins
    FROM generate_series(1, ${PATENTS}) g, LATERAL (SELECT 1 + (g % ${ENTERPRISES}) AS e) y, LATERAL (SELECT (${districts})[1 + e % 11] AS d) x) s;
    ANALYZE records;
  `);
}

async function signIn(url: string, name: string): Promise<string> {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `${name}-bench-password` }),
  });
  if (!res.ok) throw new Error(`login ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

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

/**
 * Reads every page as a syncing client does: the next request goes out when a page's headers
 * arrive (they carry its cursor), so the server prepares it while this page is parsed.
 */
async function pullPipelined(
  get: (cursor: string | undefined) => Promise<Response>,
): Promise<{ ms: number; records: number; bytes: number; pages: string[] }> {
  const t = performance.now();
  const pages: string[] = [];
  let records = 0;
  let next = get(undefined);
  for (;;) {
    const res = await next;
    if (!res.ok) throw new Error(`pull ${res.status} ${(await res.text()).slice(0, 200)}`);
    const complete = res.headers.get(COMPLETE_HEADER) === '1';
    if (!complete) next = get(res.headers.get(CURSOR_HEADER)!);
    const text = await res.text();
    pages.push(text);
    records += (JSON.parse(text) as PullResponse).changes.length;
    if (complete) return { ms: performance.now() - t, records, bytes: pages.reduce((n, p) => n + Buffer.byteLength(p), 0), pages };
  }
}

/** The same pages from a bare Node HTTP server in its own process, with the same headers. */
async function plainTransfer(pages: string[]): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-pages-'));
  pages.forEach((p, n) => fs.writeFileSync(path.join(dir, `${n}.json`), p));
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'plain-server.mjs'), dir, String(pages.length)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(Number(b.toString().trim()))));
    const { ms } = await pullPipelined((cursor) => fetch(`http://127.0.0.1:${port}/?n=${cursor ?? 0}`));
    return ms;
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
    const pulled = await pullPipelined((cursor) => {
      const q = new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}) });
      return fetch(`${url}/sync/pull?${q}`, { headers: { ...HEADERS, authorization: `Bearer ${token}` } });
    });
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
