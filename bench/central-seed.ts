/**
 * What the central service benches share: a seed of 100,000 enterprises and 300,000 patents
 * written with SQL (generate_series) in the shape the desktop sends, sign-in over HTTP, a
 * pipelined pull of every page by a bare client, and the same pages served by a bare Node
 * HTTP server in its own process (bench/plain-server.mjs) for the plain-transfer baseline.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DISTRICTS } from '../shared/domain/districts';
import { COMPLETE_HEADER, CURSOR_HEADER, VERSION_HEADERS, type PullResponse } from '../shared/sync/protocol';
import { USCC_ALPHABET } from '../shared/validators/uscc';
import type { Db } from '../server/db/types';

export const ENTERPRISES = 100_000;
export const PATENTS = 300_000;
export const HEADERS = {
  ...VERSION_HEADERS,
  'content-type': 'application/json',
};

/** The check character of a 17-digit credit code body, in SQL (weights 3^k mod 31, GB 32100). */
function usccCheckSql(body: string): string {
  const weights = Array.from({ length: 17 }, (_, k) => 3 ** k % 31);
  const sum = `(SELECT sum(substr(${body}, i, 1)::int * (ARRAY[${weights.join(',')}])[i]) FROM generate_series(1, 17) i)`;
  return `substr('${USCC_ALPHABET}', 1 + (31 - ${sum}::int % 31) % 31, 1)`;
}

/**
 * Enterprises e1…e100000 (valid credit codes, so the app's own forms accept them) in the 11
 * districts in turn, and patents p1…p300000, three to an enterprise; every record at version 1.
 */
export async function seed(db: Db): Promise<void> {
  const districts = `ARRAY[${DISTRICTS.map((d) => `'${d}'`).join(',')}]`;
  await db.exec(`
    INSERT INTO records (entity, id, district, root_id, parent_id, lookup_key, data, versions, origins, wire, updated_at, updated_by)
    SELECT entity, id, district, root_id, NULL, data ->> 'uscc', data, versions, origins, json_build_object('e', entity, 'id', id, 'op', 'upsert', 'd', data, 'v', versions)::text, now(), 'bench' FROM (
    SELECT 'enterprise' AS entity, 'e' || g AS id, d AS district, 'e' || g AS root_id,
      jsonb_build_object('name', '深圳市基准' || g || '科技有限公司', 'uscc', body || ${usccCheckSql('body')}, 'district', d, 'street', '粤海街道',
        'address', '深圳市' || d || '区科技园' || g || '号', 'industry', '电子信息', 'foundedOn', '2015-06-01', 'registeredCapitalFen', 100000000,
        'employees', 50 + g % 400, 'revenueFen', 1000000::bigint * (200 + g % 5000), 'rdFen', 100000::bigint * (200 + g % 5000), 'qualifications', '["高新技术企业"]'::jsonb,
        'contacts', jsonb_build_array(jsonb_build_object('name', '王晓明', 'role', '财务总监', 'phone', '13800000000')), 'notes', '')::json AS data,
      '{"*": 1}'::json AS versions, '{"*": "seed"}'::json AS origins
    FROM generate_series(1, ${ENTERPRISES}) g, LATERAL (SELECT (${districts})[1 + g % 11] AS d, '91440300' || lpad(g::text, 9, '0') AS body) x) s;
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

export async function signIn(url: string, name: string, password = `${name}-bench-password`): Promise<string> {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!res.ok) throw new Error(`login ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export interface Pulled {
  ms: number;
  records: number;
  bytes: number;
  pages: string[];
}

/**
 * Reads every page as a syncing client does: the next request goes out when a page's headers
 * arrive (they carry its cursor), so the server prepares it while this page is parsed.
 */
export async function pullPipelined(get: (cursor: string | undefined) => Promise<Response>, from?: string): Promise<Pulled> {
  const t = performance.now();
  const pages: string[] = [];
  let records = 0;
  let next = get(from);
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

/** Every page after `cursor` from the central service at `url`, `limit` at a time, read by a bare client. */
export function pullFrom(url: string, token: string, limit: number, cursor?: string): Promise<Pulled> {
  return pullPipelined((c) => {
    const q = new URLSearchParams({ limit: String(limit), ...(c ? { cursor: c } : {}) });
    return fetch(`${url}/sync/pull?${q}`, { headers: { ...HEADERS, authorization: `Bearer ${token}` } });
  }, cursor);
}

/** The same pages from a bare Node HTTP server in its own process, with the same headers: ms to read them all. */
export async function plainTransfer(pages: string[]): Promise<number> {
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
