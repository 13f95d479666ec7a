/**
 * Issue 16's cost of encryption at rest: the same district (100,000 enterprises) as a plain
 * and as an encrypted store, the same list-query mix on each, alternated in one run; and the
 * same 50,000-row import into a new plain and a new encrypted store. Target: ≤ 15% slower.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../electron/services/db/connection';
import { listEnterprises } from '../electron/services/enterprises/repository';
import { readTable } from '../electron/services/importers/read-table';
import { runImport } from '../electron/services/importers/run-import';
import { cachedDb } from './cached-db';
import { ctx, districtDb, importWorkbook, IMPORT_ROWS, QUERIES, TODAY } from './district-scale';
import { percentile, timeEach, type Figure } from './stats';

// A fixed key: the cached encrypted copy must open again in the next run.
const KEY = 'b3'.repeat(32);
const ROUNDS = 6;

function encryptedDistrictDb(): string {
  const plain = districtDb();
  return cachedDb(
    'ipf-bench-100k-encrypted',
    (file) => {
      fs.copyFileSync(plain, file);
      // The app's own path: a plain store opened with a key is encrypted in place.
      openDatabase({ file, key: KEY }).db.close();
      for (const f of fs.readdirSync(path.dirname(file)))
        if (f.startsWith(path.basename(file)) && f.endsWith('.bak')) fs.rmSync(path.join(path.dirname(file), f));
    },
    KEY,
  );
}

const listPages = (db: Database) => () => QUERIES.forEach((q) => listEnterprises(db, { ...q, limit: 100 }, TODAY));

export async function benchEncryption(): Promise<Figure[]> {
  const plain = openDatabase({ file: districtDb() }).db;
  const encrypted = openDatabase({ file: encryptedDistrictDb(), key: KEY }).db;
  const runPlain = listPages(plain);
  const runEncrypted = listPages(encrypted);
  runPlain();
  runEncrypted();
  // A shared VM: rounds alternate between the two stores, each query timed on its own.
  const plainSamples: number[] = [];
  const encryptedSamples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      plainSamples.push(...timeEach(5, () => listEnterprises(plain, { ...q, limit: 100 }, TODAY)));
      encryptedSamples.push(...timeEach(5, () => listEnterprises(encrypted, { ...q, limit: 100 }, TODAY)));
    }
  }
  plain.close();
  encrypted.close();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-enc-import-'));
  const table = await readTable(await importWorkbook(), 'bench.xlsx');
  const importInto = (name: string, key?: string) => {
    const { db } = openDatabase({ file: path.join(dir, name), key });
    const t = performance.now();
    const report = runImport(db, table, { kind: 'enterprises', ctx, today: TODAY });
    const ms = performance.now() - t;
    db.close();
    if (report.created !== IMPORT_ROWS) throw new Error(`bench import created ${report.created}`);
    return ms;
  };
  const plainImports: number[] = [];
  const encryptedImports: number[] = [];
  for (let r = 0; r < 2; r++) {
    plainImports.push(importInto(`plain-${r}.sqlite`));
    encryptedImports.push(importInto(`encrypted-${r}.sqlite`, KEY));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const best = (xs: number[]) => Math.min(...xs) / 1000;

  return [
    {
      name: 'enterprise list page on the encrypted store, p95 over every query shape (100,000 enterprises)',
      value: percentile(encryptedSamples, 95),
      baseline: percentile(plainSamples, 95),
      unit: 'ms',
      note: `target ≤ 1.15×; baseline: the same queries on the plain store, alternated; medians ${percentile(encryptedSamples, 50).toFixed(2)} vs ${percentile(plainSamples, 50).toFixed(2)} ms`,
    },
    {
      name: `import ${IMPORT_ROWS} rows into a new encrypted store, validate + write (best of 2)`,
      value: best(encryptedImports),
      baseline: best(plainImports),
      unit: 's',
      note: 'target ≤ 1.15×; baseline: the same parsed rows into a new plain store',
    },
  ];
}
