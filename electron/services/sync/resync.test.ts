/**
 * A desktop whose cursor predates deletions the server has since purged (410 RESYNC_REQUIRED)
 * starts again from nothing, drops what the server no longer holds, keeps and sends what it
 * had not sent: real SQLite files against the real central service on 127.0.0.1.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../../test/support/central';
import { usePglite } from '../../../test/support/postgres';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { deleteEnterprise, getEnterprise, saveEnterprise } from '../enterprises/repository';
import { syncOnce } from './engine';
import { clientFor } from './session';
import { editedEnterprise, signedInDesk } from './test-desk';
import { readState } from './state';

const tmp = tempDir();
const pglite = usePglite();
const PASSWORD = 'resync-密码-2026';
let central: Central;
let url: string;
afterAll(() => tmp.cleanup());
beforeEach(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  for (const name of ['李管家', '王管家']) await central.account(name, 'steward', ['光明'], PASSWORD);
}, 60_000);
afterEach(async () => {
  await central?.app.close();
});

const who = (actor: string) => ({ actor, now: new Date().toISOString() });

async function desk(name: string, user: string) {
  const { db, vault } = await signedInDesk(tmp.dir, name, url, user, PASSWORD);
  return { db, sync: (allowMassRemoval = false) => syncOnce(db, clientFor(db, vault), { pageSize: 2, allowMassRemoval }) };
}

const names = (db: Database) => db.prepare('SELECT name FROM enterprises ORDER BY name').pluck().all();

/** The server purges its tombstones (as after 180 days) and records the purge horizon. */
async function purgeTombstones() {
  await central.db.query(
    `WITH r AS (DELETE FROM records WHERE deleted RETURNING xid, seq)
     INSERT INTO sync_meta (key, value)
       SELECT 'purge_horizon', jsonb_build_object('xid', xid::text, 'seq', seq) FROM r ORDER BY xid DESC, seq DESC LIMIT 1`,
  );
}

describe('a resync after the server purged deletions', () => {
  it('starts from nothing, drops what the server no longer holds and keeps and sends unsent edits', async () => {
    const a = await desk('a', '李管家');
    const made = [1, 2, 3].map((n) =>
      saveEnterprise(a.db, { name: `深圳市重同步${n}号科技有限公司`, uscc: usccFor(500 + n), district: '光明' }, who('李管家')),
    );
    await a.sync();
    const b = await desk('b', '王管家');
    await b.sync();
    expect(names(b.db)).toHaveLength(3);
    // B goes offline with an edit; A deletes another; the server later purges that deletion.
    saveEnterprise(b.db, editedEnterprise(b.db, made[1]!.id, { notes: '王管家离线时写的' }), who('王管家'));
    deleteEnterprise(a.db, made[0]!.id, who('李管家'));
    await a.sync();
    await purgeTombstones();

    const report = await b.sync();
    expect(report).toMatchObject({ applied: 1, rejected: 0 });
    expect(report.held).toBeUndefined();
    expect(names(b.db)).toEqual(['深圳市重同步2号科技有限公司', '深圳市重同步3号科技有限公司']);
    expect(b.db.prepare("SELECT count(*) FROM sync_records WHERE entity = 'enterprise'").pluck().get()).toBe(2);
    expect(readState(b.db, 'resync')).toBeNull();
    expect(b.db.prepare("SELECT name FROM sqlite_master WHERE name = 'sync_resync'").get()).toBeUndefined();
    await a.sync();
    expect(getEnterprise(a.db, made[1]!.id).notes).toBe('王管家离线时写的');
    // The next sync is an ordinary one from the new cursor.
    expect(await b.sync()).toMatchObject({ pulled: 0 });
  }, 60_000);

  it('asks first when what the resync did not bring is most of what is here', async () => {
    const a = await desk('a2', '李管家');
    const made = Array.from({ length: 24 }, (_, n) =>
      saveEnterprise(a.db, { name: `深圳市大批${n}号科技有限公司`, uscc: usccFor(600 + n), district: '光明' }, who('李管家')),
    );
    await a.sync();
    const b = await desk('b2', '王管家');
    await b.sync();
    for (const e of made.slice(0, 20)) deleteEnterprise(a.db, e.id, who('李管家'));
    await a.sync();
    await purgeTombstones();
    const held = await b.sync();
    expect(held.held).toEqual({ removals: 20, local: 24 });
    expect(names(b.db)).toHaveLength(24);
    // Confirmed: they go.
    expect((await b.sync(true)).held).toBeUndefined();
    expect(names(b.db)).toHaveLength(4);
  }, 60_000);
});
