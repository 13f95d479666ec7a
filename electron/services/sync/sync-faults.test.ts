/**
 * What the seeded fault-injection run (fuzz/) found, each as a small case of its own: desktops
 * (real SQLite files, the app's services) against the real central service on 127.0.0.1 over
 * a fresh PGlite.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { ENTITIES } from '../../../shared/sync/entities';
import { startCentral, type Central } from '../../../test/support/central';
import { usePglite } from '../../../test/support/postgres';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { writeBackup } from '../db/backups';
import { openDatabase } from '../db/connection';
import { deleteEnterprise, getEnterprise, saveEnterprise } from '../enterprises/repository';
import { saveIpAsset } from '../ip/repository';
import { changeStatus, createBatch, saveEntry } from '../whitelist/repository';
import { CentralClient } from './client';
import { pullAll, pushAll, syncOnce, type SyncReport } from './engine';
import { clientFor, fileVault, login } from './session';
import { readState } from './state';
import { getRecord } from './store';

const tmp = tempDir();
const pglite = usePglite();
let central: Central;
let url: string;
const PASSWORD = 'faults-密码-2026';
let desks = 0;

interface Desk {
  db: Database;
  vault: ReturnType<typeof fileVault>;
  sync(): Promise<SyncReport>;
}

async function desk(user: string): Promise<Desk> {
  const file = path.join(tmp.dir, `desk-${++desks}.sqlite`);
  const db = openDatabase({ file }).db;
  const vault = fileVault(`${file}.session`);
  await login(db, vault, url, user, PASSWORD);
  return { db, vault, sync: () => syncOnce(db, clientFor(db, vault)) };
}

const who = (actor: string) => ({ actor, now: new Date().toISOString() });
function edited(db: Database, id: string, patch: Record<string, unknown>) {
  const e = getEnterprise(db, id) as unknown as Record<string, unknown>;
  return { id, ...Object.fromEntries(ENTITIES.enterprise.fields.map((f) => [f, e[f]])), ...patch } as Parameters<typeof saveEnterprise>[1];
}
const count = (db: Database, sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;
const noReport = (): SyncReport => ({ pushed: 0, pulled: 0, applied: 0, rejected: 0, conflicts: 0 });
/** A pull alone (the app pulls while a change is being typed, or after a failed push). */
const pullOnly = (d: Desk) => pullAll(d.db, clientFor(d.db, d.vault), noReport(), {});
/** The outbox pushed and applied, the answer lost on the way back. */
async function pushAnswerLost(d: Desk): Promise<void> {
  const client = clientFor(d.db, d.vault);
  const lost = Object.assign(Object.create(client) as CentralClient, {
    push: async (body: Parameters<CentralClient['push']>[0]) => {
      await client.push(body);
      throw new AppError('OFFLINE', '回执丢失');
    },
  });
  await expect(pushAll(d.db, lost, noReport(), {})).rejects.toMatchObject({ code: 'OFFLINE' });
}

beforeEach(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  for (const name of ['李管家', '王管家']) await central.account(name, 'steward', ['光明'], PASSWORD);
  await central.account('南山管家', 'steward', ['南山'], PASSWORD);
  await central.account('两区管家', 'steward', ['光明', '南山'], PASSWORD);
  await central.account('光明专员', 'officer', ['光明'], PASSWORD);
}, 60_000);
afterEach(async () => central?.app.close());
afterAll(() => tmp.cleanup());

describe('sync faults found by the fuzz run', () => {
  it('takes an answer cut off half way for the network failure it is (OFFLINE), not a crash', async () => {
    // Headers and half the body, then the connection goes: a lost answer as the network loses it.
    const cut = http.createServer((req, res) => {
      const body = JSON.stringify({ changes: [], cursor: 'c', complete: true, results: [], lastSeq: 0, accessToken: 'x' });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, 'x-ipf-cursor': 'c', 'x-ipf-complete': '1' });
      res.write(body.slice(0, 20), () => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => cut.listen(0, '127.0.0.1', resolve));
    try {
      const pair = { accessToken: 'a', refreshToken: 'r' } as never;
      const client = new CentralClient(`http://127.0.0.1:${(cut.address() as AddressInfo).port}`, { get: () => pair, set: () => {} });
      const pulled = await client.pullStart(null, 10);
      await expect(pulled.page).rejects.toMatchObject({ code: 'OFFLINE' });
      await expect(client.push({ deviceId: 'device-1234', mutations: [] })).rejects.toMatchObject({ code: 'OFFLINE' });
      await expect(client.login('李管家', PASSWORD, 'device-1234')).rejects.toMatchObject({ code: 'OFFLINE' });
    } finally {
      cut.closeAllConnections();
      await new Promise((resolve) => cut.close(resolve));
    }
  });

  it('drops a record created and then edited offline when the server refuses both, so later pulls are not blocked', async () => {
    const a = await desk('李管家');
    const b = await desk('王管家');
    saveEnterprise(a.db, { name: '深圳市先登记科技有限公司', uscc: usccFor(61), district: '光明' }, who('李管家'));
    await a.sync();
    // B registers the same credit code offline and edits its entry again before syncing.
    const late = saveEnterprise(b.db, { name: '深圳市后登记科技有限公司', uscc: usccFor(61), district: '光明' }, who('王管家'));
    saveEnterprise(b.db, edited(b.db, late.id, { notes: '补充说明' }), who('王管家'));
    expect(await b.sync()).toMatchObject({ pushed: 2, rejected: 2, pulled: 1 });
    expect(count(b.db, 'SELECT count(*) FROM sync_records WHERE id = ?', late.id)).toBe(0);
    expect(b.db.prepare('SELECT name FROM enterprises').pluck().all()).toEqual(['深圳市先登记科技有限公司']);
    // Out of scope the same way: created and edited by a steward of another district, both refused.
    const south = await desk('南山管家');
    const stray = saveEnterprise(south.db, { name: '深圳市越区登记科技有限公司', uscc: usccFor(62), district: '光明' }, who('南山管家'));
    saveEnterprise(south.db, edited(south.db, stray.id, { notes: '又改了一次' }), who('南山管家'));
    expect(await south.sync()).toMatchObject({ rejected: 2 });
    expect(count(south.db, 'SELECT count(*) FROM sync_records')).toBe(0);
    expect(count(south.db, 'SELECT count(*) FROM enterprises')).toBe(0);
  }, 60_000);

  it('places a record pulled before the record it hangs off, so losing that district removes it', async () => {
    const a = await desk('两区管家');
    const e = saveEnterprise(a.db, { name: '深圳市南山后改科技有限公司', uscc: usccFor(71), district: '南山' }, who('两区管家'));
    const today = new Date().toISOString().slice(0, 10);
    saveIpAsset(
      a.db,
      { enterpriseId: e.id, kind: 'trademark', number: 'TM71001', title: '南山商标', registrationDate: '2020-01-01' },
      who('两区管家'),
      today,
    );
    await a.sync();
    // Edited after its IP item: a pull from scratch sends the item first.
    saveEnterprise(a.db, edited(a.db, e.id, { notes: '后改' }), who('两区管家'));
    await a.sync();
    const b = await desk('两区管家');
    await syncOnce(b.db, clientFor(b.db, b.vault), { pageSize: 1 });
    expect(b.db.prepare('SELECT entity, district FROM sync_records ORDER BY entity').all()).toEqual([
      { entity: 'enterprise', district: '南山' },
      { entity: 'ip_asset', district: '南山' },
    ]);
    await central.db.query("UPDATE users SET districts = '{光明}' WHERE name = '两区管家'");
    expect(await b.sync()).toMatchObject({ pulled: 0 });
    expect(count(b.db, 'SELECT count(*) FROM sync_records')).toBe(0);
    expect(count(b.db, 'SELECT count(*) FROM ip_assets')).toBe(0);
  }, 60_000);

  it('keeps a pulled record that takes the credit code of an unsent one of ours out of the list until the server refuses ours', async () => {
    const a = await desk('李管家');
    const b = await desk('王管家');
    const mine = saveEnterprise(a.db, { name: '深圳市本机未发科技有限公司', uscc: usccFor(81), district: '光明' }, who('李管家'));
    const theirs = saveEnterprise(b.db, { name: '深圳市他处先发科技有限公司', uscc: usccFor(81), district: '光明' }, who('王管家'));
    await b.sync();
    // A pull alone (the app pulls while a change is being typed, or after a failed push).
    const report = { pushed: 0, pulled: 0, applied: 0, rejected: 0, conflicts: 0 };
    await pullAll(a.db, clientFor(a.db, a.vault), report, {});
    expect(report.pulled).toBe(1);
    expect(a.db.prepare('SELECT id FROM enterprises').pluck().all()).toEqual([mine.id]);
    expect(count(a.db, "SELECT count(*) FROM sync_records WHERE entity = 'enterprise' AND deleted = 0")).toBe(2);
    // Sent, ours is refused and theirs takes its place in the list.
    expect(await a.sync()).toMatchObject({ rejected: 1 });
    expect(a.db.prepare('SELECT id FROM enterprises').pluck().all()).toEqual([theirs.id]);
    expect(getEnterprise(a.db, theirs.id).name).toBe('深圳市他处先发科技有限公司');
  }, 60_000);

  it('applies credit codes swapped between two enterprises in one push, page by page', async () => {
    const a = await desk('李管家');
    const b = await desk('王管家');
    const p = saveEnterprise(b.db, { name: '深圳市甲方科技有限公司', uscc: usccFor(91), district: '光明' }, who('王管家'));
    const q = saveEnterprise(b.db, { name: '深圳市乙方科技有限公司', uscc: usccFor(92), district: '光明' }, who('王管家'));
    await b.sync();
    await a.sync();
    // Typed in the wrong way round: swapped through a third code, all in one push.
    saveEnterprise(b.db, edited(b.db, p.id, { uscc: usccFor(93) }), who('王管家'));
    saveEnterprise(b.db, edited(b.db, q.id, { uscc: usccFor(91) }), who('王管家'));
    saveEnterprise(b.db, edited(b.db, p.id, { uscc: usccFor(92) }), who('王管家'));
    expect(await b.sync()).toMatchObject({ applied: 3 });
    for (const pageSize of [1, 2000]) {
      const c = pageSize === 1 ? a : await desk('李管家');
      await syncOnce(c.db, clientFor(c.db, c.vault), { pageSize });
      expect(c.db.prepare('SELECT id, uscc FROM enterprises ORDER BY uscc').all()).toEqual([
        { id: q.id, uscc: usccFor(91) },
        { id: p.id, uscc: usccFor(92) },
      ]);
    }
  }, 60_000);

  it('places a conflict about a record since deleted, which a fresh desktop never receives, in its district', async () => {
    const a = await desk('李管家');
    const b = await desk('王管家');
    const e = saveEnterprise(a.db, { name: '深圳市将删科技有限公司', uscc: usccFor(101), district: '光明' }, who('李管家'));
    await a.sync();
    await b.sync();
    saveEnterprise(a.db, edited(a.db, e.id, { notes: '李' }), who('李管家'));
    saveEnterprise(b.db, edited(b.db, e.id, { notes: '王' }), who('王管家'));
    await a.sync();
    expect(await b.sync()).toMatchObject({ conflicts: 1 });
    await a.sync();
    deleteEnterprise(a.db, e.id, who('李管家'));
    await a.sync();
    const c = await desk('李管家');
    await c.sync();
    expect(c.db.prepare('SELECT entity, district FROM sync_records').all()).toEqual([{ entity: 'conflict', district: '光明' }]);
  }, 60_000);

  it('brings back what a delete of ours took with it when the server keeps the record as a conflict', async () => {
    const a = await desk('李管家');
    const b = await desk('王管家');
    const e = saveEnterprise(a.db, { name: '深圳市删改相争科技有限公司', uscc: usccFor(111), district: '光明' }, who('李管家'));
    const today = new Date().toISOString().slice(0, 10);
    const ip = saveIpAsset(
      a.db,
      { enterpriseId: e.id, kind: 'trademark', number: 'TM111001', title: '相争商标', registrationDate: '2020-01-01' },
      who('李管家'),
      today,
    );
    await a.sync();
    await b.sync();
    saveEnterprise(b.db, edited(b.db, e.id, { notes: '王刚改过' }), who('王管家'));
    await b.sync();
    // A deletes the enterprise (and with it the item) without having seen B's edit.
    deleteEnterprise(a.db, e.id, who('李管家'));
    expect(count(a.db, 'SELECT count(*) FROM ip_assets')).toBe(0);
    expect(await a.sync()).toMatchObject({ conflicts: 1 });
    for (const d of [a, b, await desk('李管家')]) {
      await d.sync();
      expect(d.db.prepare('SELECT id FROM ip_assets').pluck().all()).toEqual([ip.id]);
      expect(getEnterprise(d.db, e.id)).toMatchObject({ notes: '王刚改过', ipCount: 1 });
      expect(count(d.db, "SELECT count(*) FROM sync_records WHERE entity IN ('enterprise', 'ip_asset') AND deleted = 0")).toBe(2);
    }
  }, 60_000);

  it('takes what the server decided for a change whose answer was lost while a pull brought its result', async () => {
    const o = await desk('光明专员');
    const e = saveEnterprise(o.db, { name: '深圳市回执丢失科技有限公司', uscc: usccFor(121), district: '光明' }, who('光明专员'));
    const batch = createBatch(o.db, { name: '回执测试批次', district: '光明', surveyedOn: '2026-01-05' }, who('光明专员'));
    const entry = saveEntry(o.db, { batchId: batch.id, enterpriseId: e.id }, who('光明专员'));
    await o.sync();
    // The status line is written here at this desktop's time; the server writes its own time.
    changeStatus(o.db, { entryId: entry.id, status: '已走访', reason: '上门走访' }, who('光明专员'));
    await pushAnswerLost(o);
    await pullOnly(o);
    expect(await o.sync()).toMatchObject({ applied: 1, pulled: 0 });
    const fresh = await desk('光明专员');
    await fresh.sync();
    const records = (d: Desk) => d.db.prepare("SELECT entity, id, data FROM sync_records WHERE entity <> 'enterprise' ORDER BY 1, 2").all();
    expect(records(o)).toEqual(records(fresh));
    const lines = (d: Desk) => d.db.prepare('SELECT to_status, changed_at FROM whitelist_status_history ORDER BY 1').all();
    expect(lines(o)).toEqual(lines(fresh));
  }, 60_000);

  it('ends a record deleted on the server while an edit of ours was out as deleted, whether the edit is refused or applied', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const outcome of ['refused', 'applied'] as const) {
      const a = await desk('李管家');
      const b = await desk('王管家');
      const n = outcome === 'refused' ? 131 : 132;
      const e = saveEnterprise(a.db, { name: `深圳市另删${n}科技有限公司`, uscc: usccFor(n), district: '光明' }, who('李管家'));
      const ip = saveIpAsset(
        a.db,
        { enterpriseId: e.id, kind: 'trademark', number: `TM${n}001`, title: '原名', registrationDate: '2020-01-01' },
        who('李管家'),
        today,
      );
      await a.sync();
      await b.sync();
      saveIpAsset(
        a.db,
        { ...(getRecord(a.db, 'ip_asset', ip.id)!.data as object), id: ip.id, title: '李改名' } as never,
        who('李管家'),
        today,
      );
      // Applied, the answer lost: B deletes after it. Refused: B deletes first, and the edit of an item of no enterprise is refused.
      if (outcome === 'applied') await pushAnswerLost(a);
      await b.sync();
      deleteEnterprise(b.db, e.id, who('王管家'));
      await b.sync();
      await pullOnly(a);
      expect(await a.sync()).toMatchObject(outcome === 'refused' ? { rejected: 1 } : { applied: 1 });
      expect(a.db.prepare("SELECT entity, deleted FROM sync_records WHERE entity IN ('enterprise', 'ip_asset') ORDER BY 1").all()).toEqual([
        { entity: 'enterprise', deleted: 1 },
        { entity: 'ip_asset', deleted: 1 },
      ]);
      expect(count(a.db, 'SELECT count(*) FROM ip_assets')).toBe(0);
      expect(a.db.pragma('foreign_key_check')).toEqual([]);
    }
  }, 60_000);

  it('drops a refused move of ours back into a district the user has lost since', async () => {
    const a = await desk('两区管家');
    const e = saveEnterprise(a.db, { name: '深圳市南山迁出科技有限公司', uscc: usccFor(141), district: '南山' }, who('两区管家'));
    await a.sync();
    // Moved to 光明 here; meanwhile the administrator takes 南山 away.
    saveEnterprise(a.db, edited(a.db, e.id, { district: '光明' }), who('两区管家'));
    await central.db.query("UPDATE users SET districts = '{光明}' WHERE name = '两区管家'");
    await pullOnly(a);
    expect(await a.sync()).toMatchObject({ rejected: 1 });
    expect(count(a.db, 'SELECT count(*) FROM sync_records')).toBe(0);
    expect(count(a.db, 'SELECT count(*) FROM enterprises')).toBe(0);
    expect(JSON.parse(a.db.prepare("SELECT value FROM sync_state WHERE key = 'user'").pluck().get() as string)).toMatchObject({
      districts: ['光明'],
    });
  }, 60_000);

  it('lists and orders pulled records by who changed them on the server and when, alike on every desktop', async () => {
    const o = await desk('光明专员');
    const e = saveEnterprise(o.db, { name: '深圳市两批次科技有限公司', uscc: usccFor(151), district: '光明' }, who('光明专员'));
    const first = createBatch(o.db, { name: '第一批', district: '光明', surveyedOn: '2026-01-05' }, who('光明专员'));
    const w1 = saveEntry(o.db, { batchId: first.id, enterpriseId: e.id }, who('光明专员'));
    await o.sync();
    central.advance(60_000);
    const second = createBatch(o.db, { name: '第二批', district: '光明', surveyedOn: '2026-02-05' }, who('光明专员'));
    saveEntry(o.db, { batchId: second.id, enterpriseId: e.id, priority: 3 }, who('光明专员'));
    await o.sync();
    central.advance(60_000);
    // The first batch's entry is the one changed last on the server.
    changeStatus(o.db, { entryId: w1.id, status: '推进中', reason: '银行已受理' }, who('光明专员'));
    await o.sync();
    const fresh = await desk('光明专员');
    await fresh.sync();
    for (const d of [fresh, o]) {
      expect(d.db.prepare('SELECT wl_status, wl_priority FROM enterprises').get()).toEqual({ wl_status: '推进中', wl_priority: 2 });
      expect(d.db.prepare('SELECT DISTINCT updated_by FROM whitelist_entries').pluck().all()).toEqual(['光明专员']);
    }
  }, 60_000);

  it('takes what hangs off an enterprise along when a refused move of ours puts it back in a district the user has lost', async () => {
    const a = await desk('两区管家');
    const e = saveEnterprise(a.db, { name: '深圳市南山连带科技有限公司', uscc: usccFor(161), district: '南山' }, who('两区管家'));
    const today = new Date().toISOString().slice(0, 10);
    const ip = saveIpAsset(
      a.db,
      { enterpriseId: e.id, kind: 'trademark', number: 'TM161001', title: '连带商标', registrationDate: '2020-01-01' },
      who('两区管家'),
      today,
    );
    await a.sync();
    // The item edited, then the enterprise moved to 光明, both offline; 南山 is taken away meanwhile.
    saveIpAsset(
      a.db,
      { ...(getRecord(a.db, 'ip_asset', ip.id)!.data as object), id: ip.id, title: '改过的商标' } as never,
      who('两区管家'),
      today,
    );
    saveEnterprise(a.db, edited(a.db, e.id, { district: '光明' }), who('两区管家'));
    expect(a.db.prepare('SELECT entity, district FROM sync_records ORDER BY 1').all()).toEqual([
      { entity: 'enterprise', district: '光明' },
      { entity: 'ip_asset', district: '光明' },
    ]);
    await central.db.query("UPDATE users SET districts = '{光明}' WHERE name = '两区管家'");
    expect(await a.sync()).toMatchObject({ rejected: 2 });
    await a.sync();
    expect(a.db.prepare('SELECT entity FROM sync_records').all()).toEqual([]);
    expect(count(a.db, 'SELECT count(*) FROM ip_assets')).toBe(0);
  }, 60_000);

  it('sends the changes of a database put back to an older copy of itself under a new device, none answered by an old receipt', async () => {
    const a = await desk('李管家');
    const file = a.db.name;
    saveEnterprise(a.db, { name: '深圳市先前科技有限公司', uscc: usccFor(8801), district: '光明' }, who('李管家'));
    await a.sync();
    const copy = path.join(tmp.dir, 'older-copy.sqlite');
    writeBackup(a.db, copy);
    const before = readState(a.db, 'deviceId');
    saveEnterprise(a.db, { name: '深圳市其后科技有限公司', uscc: usccFor(8802), district: '光明' }, who('李管家'));
    await a.sync();
    // The file put back to the copy: its next change takes the number the service already holds.
    a.db.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(copy, file);
    const db = openDatabase({ file }).db;
    const lost = saveEnterprise(db, { name: '深圳市恢复后科技有限公司', uscc: usccFor(8803), district: '光明' }, who('李管家'));
    saveEnterprise(db, edited(db, lost.id, { notes: '恢复后补记' }), who('李管家'));
    expect(count(db, 'SELECT count(*) FROM outbox_touch')).toBeGreaterThanOrEqual(2);
    const report = await syncOnce(db, clientFor(db, a.vault));
    expect(report.applied).toBe(2);
    expect(readState(db, 'deviceId')).not.toBe(before);
    expect(count(db, 'SELECT count(*) FROM outbox')).toBe(0);
    // Another steward of the district sees all three, the restored copy's new one too.
    const b = await desk('王管家');
    await b.sync();
    expect(getEnterprise(b.db, lost.id)).toMatchObject({ name: '深圳市恢复后科技有限公司', notes: '恢复后补记' });
    expect(count(b.db, 'SELECT count(*) FROM enterprises')).toBe(3);
    // And the next change goes on from 3 under the new device.
    saveEnterprise(db, { name: '深圳市再后科技有限公司', uscc: usccFor(8804), district: '光明' }, who('李管家'));
    expect(count(db, 'SELECT seq FROM outbox')).toBe(3);
    expect((await syncOnce(db, clientFor(db, a.vault))).applied).toBe(1);
    db.close();
  }, 60_000);
});
