/**
 * The first pull into an empty database loads in bulk (bulk-load.ts): real SQLite files against
 * the real central service on 127.0.0.1. Afterwards the schema is exactly a fresh database's
 * and every enterprise's IP count and whitelist state is what its children say — after a pull
 * that completed, one cut off by the server going away, and one cut off by a crash.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../../test/support/central';
import { usePglite } from '../../../test/support/postgres';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { getEnterprise, saveEnterprise } from '../enterprises/repository';
import { saveIpAsset } from '../ip/repository';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime } from '../runtime';
import { fileKeyKeeper } from '../db/store-key';
import { changeStatus, createBatch, saveEntry } from '../whitelist/repository';
import { beginBulkLoad } from './bulk-load';
import { CentralClient } from './client';
import { pullAll, syncOnce } from './engine';
import { applyPage } from './apply-pull';
import { clientFor, vaultTokens } from './session';
import { editedEnterprise, signedInDesk } from './test-desk';
import { readState } from './state';

const tmp = tempDir();
const pglite = usePglite();
const PASSWORD = 'bulk-密码-2026';
let central: Central;
let url: string;
afterAll(() => tmp.cleanup());
beforeEach(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  await central.account('光明专员', 'officer', ['光明'], PASSWORD);
  await central.account('王管家', 'steward', ['光明'], PASSWORD);
}, 60_000);
afterEach(async () => {
  await central?.app.close();
});

const who = (actor: string) => ({ actor, now: new Date().toISOString() });
const today = new Date().toISOString().slice(0, 10);

const desk = (name: string, user: string) => signedInDesk(tmp.dir, name, url, user, PASSWORD);

/** The schema's indexes and triggers, by name. */
const schema = (db: Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
const FRESH = () => schema(openDatabase({ file: path.join(tmp.dir, `fresh-${Math.random()}.sqlite`) }).db);

/** Each enterprise's counts as kept in its row, against what its children say. */
function aggregates(db: Database) {
  return db
    .prepare(
      `SELECT name, ip_count AS kept, (SELECT count(*) FROM ip_assets WHERE enterprise_id = e.id) AS counted, wl_status
         FROM enterprises e ORDER BY name`,
    )
    .all();
}

/** Three enterprises, four IP items, a whitelist entry moved on once: synced from desk A. */
async function seedFromA() {
  const a = await desk(`a-${Math.random()}`, '光明专员');
  const made = [1, 2, 3].map((n) =>
    saveEnterprise(a.db, { name: `深圳市批量${n}号科技有限公司`, uscc: usccFor(400 + n), district: '光明' }, who('光明专员')),
  );
  for (const [n, e] of [made[0], made[0], made[1], made[2]].entries())
    saveIpAsset(
      a.db,
      { enterpriseId: e!.id, kind: 'trademark', number: `TM4000${n}`, title: `商标${n}`, registrationDate: '2020-01-01' },
      who('光明专员'),
      today,
    );
  const batch = createBatch(a.db, { name: '批量测试批次', district: '光明', surveyedOn: '2026-01-05' }, who('光明专员'));
  const entry = saveEntry(a.db, { batchId: batch.id, enterpriseId: made[1]!.id }, who('光明专员'));
  changeStatus(a.db, { entryId: entry.id, status: '已走访', reason: '上门走访' }, who('光明专员'));
  // Edited after its IP items: a pull from scratch sends the items first.
  saveEnterprise(a.db, editedEnterprise(a.db, made[0]!.id, { notes: '后改' }), who('光明专员'));
  await syncOnce(a.db, clientFor(a.db, a.vault));
  return aggregates(a.db);
}

describe('the first pull in bulk', () => {
  it('ends with a fresh database’s indexes and triggers and the counts its children say', async () => {
    const expected = await seedFromA();
    expect(expected).toContainEqual(expect.objectContaining({ kept: 2, counted: 2 }));
    const b = await desk('b', '王管家');
    const seen: string[] = [];
    await syncOnce(b.db, clientFor(b.db, b.vault), { pageSize: 2, onProgress: (p) => seen.push(p.phase) });
    expect(seen).toContain('index');
    expect(aggregates(b.db)).toEqual(expected);
    expect(schema(b.db)).toEqual(FRESH());
    expect(readState(b.db, 'bulkLoad')).toBeNull();
    // Later local writes keep the counts again (the triggers are back).
    const e = b.db.prepare('SELECT id FROM enterprises ORDER BY name LIMIT 1').pluck().get() as string;
    saveIpAsset(
      b.db,
      { enterpriseId: e, kind: 'trademark', number: 'TM49999', title: '后加商标', registrationDate: '2021-01-01' },
      who('王管家'),
      today,
    );
    expect(getEnterprise(b.db, e).ipCount).toBe(3);
  }, 60_000);

  it('puts everything back when the server goes away mid-pull, and the next pull completes normally', async () => {
    const expected = await seedFromA();
    const b = await desk('b-cut', '王管家');
    // A client whose third page request finds the server gone.
    let calls = 0;
    const client = new CentralClient(url, vaultTokens(b.vault));
    const start = client.pullStart.bind(client);
    client.pullStart = (cursor, limit) => (++calls === 3 ? Promise.reject(new Error('connection lost')) : start(cursor, limit));
    await expect(pullAll(b.db, client, { pushed: 0, pulled: 0, applied: 0, rejected: 0, conflicts: 0 }, { pageSize: 2 })).rejects.toThrow(
      'connection lost',
    );
    expect(readState(b.db, 'cursor')).not.toBeNull();
    expect(schema(b.db)).toEqual(FRESH());
    for (const row of aggregates(b.db) as { kept: number; counted: number }[]) expect(row.kept).toBe(row.counted);
    await syncOnce(b.db, clientFor(b.db, b.vault), { pageSize: 2 });
    expect(aggregates(b.db)).toEqual(expected);
  }, 60_000);

  it('puts everything back when the app next opens a database whose first pull a crash cut off', async () => {
    const expected = await seedFromA();
    const b = await desk('b-crash', '王管家');
    // The pull as far as its first page, then the process dies (the connection just closes).
    const first = await new CentralClient(url, vaultTokens(b.vault)).pullStart(null, 3);
    beginBulkLoad(b.db);
    applyPage(b.db, await first.page, new Date().toISOString());
    expect(schema(b.db)).not.toEqual(FRESH());
    b.db.close();

    const rt = createRuntime({
      dataDir: path.join(tmp.dir, 'rt'),
      dbFile: b.file,
      // The desk's file is keyed with its own folder's key.
      keyKeeper: fileKeyKeeper(path.join(tmp.dir, 'db.key')),
      version: 't',
      shell: 'harness',
      worker: TSX_WORKER,
      resourcesDir: DEV_RESOURCES_DIR,
    });
    try {
      expect(schema(rt.db!)).toEqual(FRESH());
      for (const row of aggregates(rt.db!) as { kept: number; counted: number }[]) expect(row.kept).toBe(row.counted);
      await syncOnce(rt.db!, clientFor(rt.db!, b.vault), { pageSize: 2 });
      expect(aggregates(rt.db!)).toEqual(expected);
    } finally {
      await rt.close();
    }
  }, 60_000);
});
