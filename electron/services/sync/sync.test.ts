/**
 * Two desktops (real SQLite files, the app's own services) against the real central service
 * listening on 127.0.0.1 (over a fresh PGlite): edits made offline reach the other side,
 * concurrent edits of one field become a conflict both see, a refused change is undone locally
 * and kept to show, and a pull never overwrites a field with an unsent change.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTITIES } from '../../../shared/sync/entities';
import { usePglite } from '../../../test/support/postgres';
import { startCentral, type Central } from '../../../test/support/central';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { getEnterprise, saveEnterprise } from '../enterprises/repository';
import { pullAll, syncOnce, type SyncReport } from './engine';
import { clientFor, fileVault, login, logout } from './session';

const tmp = tempDir();
const pglite = usePglite();
let central: Central;
let url: string;
const PASSWORD = 'desk-密码-2026';

interface Desk {
  db: Database;
  vault: ReturnType<typeof fileVault>;
  sync(): Promise<SyncReport>;
}

async function desk(name: string, user: string): Promise<Desk> {
  const file = path.join(tmp.dir, `${name}.sqlite`);
  const db = openDatabase({ file }).db;
  const vault = fileVault(`${file}.session`);
  await login(db, vault, url, user, PASSWORD);
  return { db, vault, sync: () => syncOnce(db, clientFor(db, vault)) };
}

const who = (actor: string) => ({ actor, now: new Date().toISOString() });
/** The enterprise as its form would send it back, with `patch` typed over it. */
function edited(db: Database, id: string, patch: Record<string, unknown>) {
  const e = getEnterprise(db, id) as unknown as Record<string, unknown>;
  return { id, ...Object.fromEntries(ENTITIES.enterprise.fields.map((f) => [f, e[f]])), ...patch } as Parameters<typeof saveEnterprise>[1];
}

// A fresh central database per test (usePglite closes each after its test).
beforeEach(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  for (const name of ['李管家', '王管家']) await central.account(name, 'steward', ['光明'], PASSWORD);
  await central.account('南山管家', 'steward', ['南山'], PASSWORD);
}, 60_000);
afterEach(async () => {
  await central?.app.close();
});
afterAll(() => tmp.cleanup());

describe('desktop sync with the central service', () => {
  it('carries offline edits both ways, records a concurrent edit of one field as a conflict, and converges', async () => {
    const a = await desk('a', '李管家');
    const b = await desk('b', '王管家');
    const created = saveEnterprise(
      a.db,
      { name: '深圳市同步一号科技有限公司', uscc: usccFor(11), district: '光明', notes: '初稿' },
      who('李管家'),
    );
    expect(a.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
    expect(await a.sync()).toMatchObject({ pushed: 1, applied: 1, rejected: 0 });
    expect(a.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    // B's first pull says how much the whole pull holds, for the progress bar.
    const totals: (number | null)[] = [];
    await syncOnce(b.db, clientFor(b.db, b.vault), { onProgress: (p) => p.phase === 'pull' && totals.push(p.total) });
    expect(totals).toEqual([1]);
    expect(getEnterprise(b.db, created.id)).toMatchObject({ name: '深圳市同步一号科技有限公司', notes: '初稿' });

    // Both edit 备注 offline; A also changes 街道, B 行业.
    saveEnterprise(a.db, edited(a.db, created.id, { notes: '李的备注', street: '光明街道' }), who('李管家'));
    saveEnterprise(b.db, edited(b.db, created.id, { notes: '王的备注', industry: '新材料' }), who('王管家'));
    expect(await a.sync()).toMatchObject({ applied: 1, conflicts: 0 });
    expect(await b.sync()).toMatchObject({ conflicts: 1 });
    await a.sync();
    for (const d of [a, b]) {
      // The value first applied stands everywhere, each other field took its edit, and both see the conflict.
      expect(getEnterprise(d.db, created.id)).toMatchObject({ notes: '李的备注', street: '光明街道', industry: '新材料' });
      const conflicts = d.db.prepare("SELECT data FROM sync_records WHERE entity = 'conflict'").pluck().all() as string[];
      expect(conflicts.map((c) => JSON.parse(c) as object)).toEqual([
        expect.objectContaining({
          recordId: created.id,
          field: 'notes',
          serverValue: '李的备注',
          clientValue: '王的备注',
          clientBy: '王管家',
          // Who wrote the kept value is named, with when: not the device it came from.
          serverBy: '李管家',
          serverAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        }),
      ]);
    }
  }, 60_000);

  it('undoes a refused change, keeps the refusal, and removes a record it had created', async () => {
    const a = await desk('c', '李管家');
    const b = await desk('d', '王管家');
    await Promise.all([a.sync(), b.sync()]);
    // The same credit code registered offline on both: the second to arrive is refused.
    saveEnterprise(a.db, { name: '深圳市先到科技有限公司', uscc: usccFor(21), district: '光明' }, who('李管家'));
    const late = saveEnterprise(b.db, { name: '深圳市后到科技有限公司', uscc: usccFor(21), district: '光明' }, who('王管家'));
    await a.sync();
    expect(await b.sync()).toMatchObject({ rejected: 1 });
    const refusal = b.db.prepare('SELECT name, reasons FROM sync_rejections').get() as { name: string; reasons: string };
    expect(refusal.name).toBe('enterprise.save');
    expect(JSON.parse(refusal.reasons)).toEqual([expect.stringContaining('已登记为“深圳市先到科技有限公司”')]);
    expect(() => getEnterprise(b.db, late.id)).toThrow('不存在');
    expect(b.db.prepare('SELECT name FROM enterprises WHERE uscc = ?').pluck().get(usccFor(21))).toBe('深圳市先到科技有限公司');
  }, 60_000);

  it('never lets a pulled value overwrite a field with an unsent change', async () => {
    const a = await desk('e', '李管家');
    const b = await desk('f', '王管家');
    const e = saveEnterprise(a.db, { name: '深圳市待发科技有限公司', uscc: usccFor(31), district: '光明' }, who('李管家'));
    await a.sync();
    await b.sync();
    saveEnterprise(b.db, edited(b.db, e.id, { notes: '王未发送的备注' }), who('王管家'));
    saveEnterprise(a.db, edited(a.db, e.id, { notes: '李的备注', address: '光明大道 1 号' }), who('李管家'));
    await a.sync();
    // B pulls without pushing: A's address arrives, B's unsent 备注 stays.
    await pullAll(b.db, clientFor(b.db, b.vault), { pushed: 0, pulled: 0, applied: 0, rejected: 0, conflicts: 0 }, {});
    expect(getEnterprise(b.db, e.id)).toMatchObject({ notes: '王未发送的备注', address: '光明大道 1 号' });
    // Sent, it meets A's edit of the same field: a conflict, and the kept value comes back.
    expect(await b.sync()).toMatchObject({ conflicts: 1 });
    expect(getEnterprise(b.db, e.id).notes).toBe('李的备注');
  }, 60_000);

  it('gives nothing of another district, and keeps a database to the user who signed in on it', async () => {
    const a = await desk('g', '李管家');
    saveEnterprise(a.db, { name: '深圳市光明独有科技有限公司', uscc: usccFor(41), district: '光明' }, who('李管家'));
    await a.sync();
    const south = await desk('h', '南山管家');
    await south.sync();
    expect(south.db.prepare("SELECT count(*) FROM enterprises WHERE district <> '南山'").pluck().get()).toBe(0);
    expect(south.db.prepare("SELECT count(*) FROM sync_records WHERE district IS NOT NULL AND district <> '南山'").pluck().get()).toBe(0);
    // A steward of 南山 cannot write a 光明 record: refused by the server, undone here.
    saveEnterprise(south.db, { name: '深圳市越区科技有限公司', uscc: usccFor(42), district: '光明' }, who('南山管家'));
    expect(await south.sync()).toMatchObject({ rejected: 1 });
    expect(south.db.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(0);

    saveEnterprise(a.db, { name: '深圳市未发送科技有限公司', uscc: usccFor(43), district: '光明' }, who('李管家'));
    expect(await logout(a.db, a.vault)).toEqual({ unsent: 1 });
    await expect(login(a.db, a.vault, url, '王管家', PASSWORD)).rejects.toThrow('本机数据属于');
    await login(a.db, a.vault, url, '李管家', PASSWORD);
    expect(await a.sync()).toMatchObject({ applied: 1 });
  }, 60_000);
});
