/**
 * Sync as the app drives it, through the dispatcher the renderer calls: sign-in, a sync with
 * its progress and status, another user taken to a database of their own (the first user's
 * unsent changes kept and counted), a failed sign-in leaving nothing behind, the server gone
 * (offline, retried with backoff), a conflict shown in words and settled with a typed value,
 * and a refused change listed until dismissed. Real SQLite files, the real server on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictItemView, RejectionView, SyncStatusView } from '../../../shared/types/sync';
import type { Enterprise } from '../../../shared/types/records';
import { caller } from '../../../test/support/call';
import { startCentral, type Central } from '../../../test/support/central';
import { usePglite } from '../../../test/support/postgres';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';

const tmp = tempDir();
const pglite = usePglite();
const PASSWORD = 'desk-密码-2026';
let central: Central;
let url: string;
const runtimes: Runtime[] = [];

function desk(name: string, opts: { syncIntervalMs?: number } = {}) {
  const rt = createRuntime({
    dataDir: path.join(tmp.dir, name),
    version: 't',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
    autoSync: true,
    syncIntervalMs: opts.syncIntervalMs ?? 3_600_000,
  });
  runtimes.push(rt);
  const call = caller(() => rt);
  return {
    rt,
    call,
    status: () => call<SyncStatusView>('syncStatus', {}),
    async syncNow() {
      await call('syncNow', {});
      await rt.sync.settle();
      return call<SyncStatusView>('syncStatus', {});
    },
    login: (user: string, password = PASSWORD) =>
      call<{ status: SyncStatusView; switched: { from: string; unsent: number } | null }>('syncLogin', { server: url, user, password }),
    save: (input: Record<string, unknown>) => call<Enterprise>('enterpriseSave', input),
  };
}

/** A 同步 page list exported as CSV through the export job: its rows and its text. */
async function exported(d: ReturnType<typeof desk>, kind: 'conflicts' | 'rejections', search: string) {
  const job = await d.call<{ id: string }>('exportStart', { kind, filter: { search }, format: 'csv' });
  const done = await d.rt.jobs.wait(job.id);
  const r = JSON.parse(done.resultJson!) as { rows: number; base64: string };
  return { rows: r.rows, text: Buffer.from(r.base64, 'base64').toString('utf8') };
}

beforeEach(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  for (const name of ['李管家', '王管家']) await central.account(name, 'steward', ['光明'], PASSWORD);
}, 60_000);
afterEach(async () => {
  for (const rt of runtimes.splice(0)) await rt.close();
  await central?.app.close();
});

describe('sync in the app', () => {
  it('signs in, syncs on demand, and shows what is pending and when it last synced', async () => {
    const a = desk('a');
    expect(await a.status()).toMatchObject({ state: 'signed-out', signedIn: false, pending: 0 });
    await a.save({ name: '深圳市界面同步科技有限公司', uscc: usccFor(31), district: '光明' });
    expect(await a.status()).toMatchObject({ pending: 1 });
    const { status } = await a.login('李管家');
    expect(status).toMatchObject({ signedIn: true, user: { name: '李管家', role: 'steward' }, server: url });
    await a.syncNow();
    const after = await a.syncNow();
    expect(after).toMatchObject({ state: 'idle', pending: 0, error: null, openConflicts: 0 });
    expect(after.lastSyncAt).toMatch(/^\d{4}-/);
    // The timer is set for the next sync.
    expect(after.nextAttemptAt).not.toBeNull();

    const b = desk('b');
    await b.login('王管家');
    await b.rt.sync.settle();
    const pulled = (await b.status()).dataVersion;
    const list = await b.call<{ rows: Enterprise[] }>('enterprisesList', {});
    expect(list.rows.map((e) => e.name)).toEqual(['深圳市界面同步科技有限公司']);
    // A sync that changed nothing here leaves the lists alone; one that pulled an edit tells them to reload.
    expect((await b.syncNow()).dataVersion).toBe(pulled);
    await a.save({ id: list.rows[0]!.id, name: '深圳市界面同步科技有限公司', uscc: usccFor(31), district: '光明', revenueFen: 5_000_000 });
    await a.syncNow();
    expect((await b.syncNow()).dataVersion).toBe(pulled + 1);
  }, 60_000);

  it('takes another user to a database of their own and back, keeping and counting unsent changes', async () => {
    const a = desk('shared');
    await a.login('李管家');
    await a.syncNow();
    const firstFile = a.rt.dbFile;
    await central.app.close(); // offline: the change stays unsent
    await a.save({ name: '深圳市未发送科技有限公司', uscc: usccFor(32), district: '光明' });

    central = await startCentral(await pglite.fresh());
    // The server is back on another port: the first user's data still points at the old address.
    url = await central.app.listen({ host: '127.0.0.1', port: 0 });
    for (const name of ['王管家']) await central.account(name, 'steward', ['光明'], PASSWORD);
    // A wrong password: refused, still on the first user's data, no file left behind.
    const files = () =>
      fs.readdirSync(path.join(tmp.dir, 'shared'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('sqlite'));
    const before = files();
    await expect(a.login('王管家', 'wrong-密码')).rejects.toThrow(/密码|用户名/);
    expect(a.rt.dbFile).toBe(firstFile);
    expect(files()).toEqual(before);

    const switched = await a.login('王管家');
    expect(switched.switched).toEqual({ from: '李管家', unsent: 1 });
    expect(a.rt.dbFile).not.toBe(firstFile);
    expect((await a.call<{ rows: Enterprise[] }>('enterprisesList', {})).rows).toEqual([]);
    expect(switched.status).toMatchObject({ user: { name: '王管家' }, pending: 0 });

    // The app opens the last user's data at start; signing out keeps it and says what is unsent.
    await a.syncNow();
    await a.save({ name: '深圳市王管家科技有限公司', uscc: usccFor(33), district: '光明' });
    await central.app.close();
    expect(await a.call('syncLogout', {})).toEqual({ unsent: 1 });
    const out = await a.status();
    expect(out, JSON.stringify(out)).toMatchObject({ state: 'signed-out', user: { name: '王管家' }, pending: 1 });
    await a.rt.close();
    const again = desk('shared');
    expect(again.rt.dbFile).toBe(a.rt.dbFile);
    expect((await again.call<{ rows: Enterprise[] }>('enterprisesList', {})).rows.map((e) => e.name)).toEqual(['深圳市王管家科技有限公司']);
  }, 60_000);

  it('is offline when the server cannot be reached, keeps the changes and tries again later', async () => {
    const a = desk('off');
    await a.login('李管家');
    await a.syncNow();
    await central.app.close();
    await a.save({ name: '深圳市离线科技有限公司', uscc: usccFor(34), district: '光明' });
    const s = await a.syncNow();
    expect(s).toMatchObject({ state: 'offline', pending: 1, error: { code: 'OFFLINE' } });
    expect(s.error!.message).toMatch(/^无法连接中心服务（http:\/\/127.0.0.1:\d+）：连接(被拒绝|中断)/);
    expect(s.error!.message).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
    // Tried again on its own, sooner than the regular interval (an hour here).
    expect(Date.parse(s.nextAttemptAt!) - Date.now()).toBeLessThan(60_000);
  }, 60_000);

  it('shows a conflict in words, settles it with a typed value everyone receives, and lists a refusal until dismissed', async () => {
    const a = desk('ca');
    const b = desk('cb');
    await a.login('李管家');
    await b.login('王管家');
    await Promise.all([a.syncNow(), b.syncNow()]);
    const made = await a.save({ name: '深圳市冲突科技有限公司', uscc: usccFor(35), district: '光明', revenueFen: 100_000_000 });
    await a.syncNow();
    await b.syncNow();
    const form = (rt: Runtime, patch: Record<string, unknown>) => {
      const { id, name, uscc, district, revenueFen } = rt.db!.prepare('SELECT * FROM enterprises WHERE id = ?').get(made.id) as Record<
        string,
        unknown
      >;
      return { id, name, uscc, district, revenueFen, ...patch };
    };
    await a.save(form(a.rt, { revenueFen: 200_000_000 }));
    await b.save(form(b.rt, { revenueFen: 300_000_000 }));
    await a.syncNow();
    expect(await b.syncNow()).toMatchObject({ openConflicts: 1, conflicted: [made.id] });
    await a.syncNow();
    for (const d of [a, b]) {
      const [c] = await d.call<ConflictItemView[]>('syncConflicts', {});
      expect(c).toMatchObject({
        recordId: made.id,
        recordLabel: '深圳市冲突科技有限公司',
        fieldLabel: '上年营收',
        kept: { by: '李管家', text: '200.00 万元' },
        offered: { by: '王管家', text: '300.00 万元' },
      });
    }
    // The list exports as it is filtered, both sides in words.
    const csv = await exported(b, 'conflicts', '冲突科技');
    expect(csv.rows).toBe(1);
    expect(csv.text).toContain('上年营收,200.00 万元,李管家');
    expect(csv.text).toContain('300.00 万元,王管家');
    expect((await exported(b, 'conflicts', '没有这个')).rows).toBe(0);
    const [c] = await b.call<ConflictItemView[]>('syncConflicts', {});
    await b.call('syncConflictResolve', { id: c!.id, take: 'value', value: 250_000_000 });
    await b.rt.sync.settle();
    await a.syncNow();
    for (const d of [a, b]) {
      expect(await d.status()).toMatchObject({ openConflicts: 0, conflicted: [] });
      expect(await d.call<Enterprise>('enterpriseGet', { id: made.id })).toMatchObject({ revenueFen: 250_000_000 });
    }

    // The same credit code registered offline on both: the later one is refused, undone, listed.
    await a.save({ name: '深圳市先到科技有限公司', uscc: usccFor(36), district: '光明' });
    await b.save({ name: '深圳市后到科技有限公司', uscc: usccFor(36), district: '光明' });
    await a.syncNow();
    expect(await b.syncNow()).toMatchObject({ rejections: 1 });
    const [r] = await b.call<RejectionView[]>('syncRejections', {});
    expect(r).toMatchObject({ label: '保存企业' });
    const refused = await exported(b, 'rejections', '');
    expect(refused.rows).toBe(1);
    expect(refused.text).toContain('保存企业');
    expect(r!.reasons.join('')).toMatch(/统一社会信用代码/);
    await b.call('syncRejectionDismiss', { id: r!.id });
    expect(await b.call('syncRejections', {})).toEqual([]);
    await expect(b.call('syncRejectionDismiss', { id: r!.id })).rejects.toThrow(/已标记为已读|不存在/);
  }, 90_000);

  it('holds a pull that would remove most local records until the user confirms it', async () => {
    const a = desk('held');
    await a.login('李管家');
    await a.syncNow();
    for (let i = 0; i < 24; i++) await a.save({ name: `深圳市暂停${i}号科技有限公司`, uscc: usccFor(100 + i), district: '光明' });
    expect(await a.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    // The administrator moves the steward to 南山: everything of 光明 would go.
    await central.setDistricts('李管家', ['南山']);
    // The next sign-in carries the new districts (the session holds the old ones until then).
    await a.call('syncLogout', {});
    await a.login('李管家');
    await a.rt.sync.settle();
    const held = await a.syncNow();
    expect(held).toMatchObject({ state: 'held', held: { removals: 24, local: 24 } });
    expect((await a.call<{ rows: Enterprise[] }>('enterprisesList', {})).rows).toHaveLength(24);
    await a.call('syncNow', { allowMassRemoval: true });
    await a.rt.sync.settle();
    expect(await a.status()).toMatchObject({ state: 'idle', held: null });
    expect((await a.call<{ rows: Enterprise[] }>('enterprisesList', {})).rows).toEqual([]);
  }, 60_000);

  it('syncs the restored data after a backup is restored, its later changes sent, none lost', async () => {
    const a = desk('restore');
    await a.login('李管家');
    const kept = await a.save({ name: '深圳市备份时已有科技有限公司', uscc: usccFor(41), district: '光明' });
    await a.syncNow();
    const job = await a.call<{ id: string }>('backupCreate', {});
    const backup = JSON.parse((await a.rt.jobs.wait(job.id)).resultJson!) as { name: string };
    // Synced after the backup, then the backup restored: the service keeps it, the restored copy lacks it.
    const later = await a.save({ name: '深圳市备份后同步科技有限公司', uscc: usccFor(42), district: '光明' });
    await a.syncNow();
    await a.call('backupRestore', { name: backup.name });
    // The sync worker reads the restored file (not the one it had open before): it pulls `later` back.
    const after = await a.syncNow();
    expect(after).toMatchObject({ state: 'idle', error: null, pending: 0 });
    const names = (await a.call<{ rows: Enterprise[] }>('enterprisesList', {})).rows.map((e) => e.name).sort();
    expect(names).toEqual([kept.name, later.name].sort());
    // A change made on the restored data reaches another desk (its number was taken: a new device sends it).
    const fresh = await a.save({ name: '深圳市恢复后新增科技有限公司', uscc: usccFor(43), district: '光明' });
    expect((await a.syncNow()).pending).toBe(0);
    const b = desk('restore-b');
    await b.login('王管家');
    await b.rt.sync.settle();
    expect((await b.call<{ rows: Enterprise[] }>('enterprisesList', {})).rows.map((e) => e.name).sort()).toEqual(
      [kept.name, later.name, fresh.name].sort(),
    );
  }, 60_000);
});
