/**
 * 备份与恢复 through the real runtime and its job workers, on real SQLite files: a backup made
 * and listed (0600 in a 0700 folder), kept to the policy's count, inspected, exported, restored
 * with the current data kept first, and damaged or foreign files refused with nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, BackupInfo, BackupsView } from '../../../shared/types/backup';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { caller, finishJob } from '../../../test/support/call';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';
import { readState } from '../sync/state';
import { rawStore } from '../../../test/support/store';

const tmp = tempDir();
let rt: Runtime;
const call = caller(() => rt);
const count = () => rt.db!.prepare('SELECT count(*) FROM enterprises').pluck().get() as number;
const addEnterprise = (n: number, name: string) => call('enterpriseSave', { name, uscc: usccFor(n), district: '坪山' });
async function backupNow(): Promise<BackupEntry> {
  const { final } = await finishJob(call, await call<JobStatusView>('backupCreate', {}));
  expect(final.state).toBe('done');
  return jobResult<BackupEntry>(final)!;
}
const mode = (p: string) => fs.statSync(p).mode & 0o777;

beforeAll(() => {
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
});
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

describe('备份与恢复', () => {
  it('makes a backup in a private folder, inspects and exports it, and restores it keeping the current data first', async () => {
    expect((await call<BackupsView>('backupsList', {})).backups).toEqual([]);
    await addEnterprise(501, '深圳市备份前科技有限公司');
    const made = await backupNow();
    expect(made.reason).toBe('manual');
    const view = await call<BackupsView>('backupsList', {});
    expect(view.backups.map((b) => b.name)).toEqual([made.name]);
    expect(mode(view.folder)).toBe(0o700);
    expect(mode(path.join(view.folder, made.name))).toBe(0o600);
    expect(Date.now() - Date.parse(made.createdAt)).toBeLessThan(60_000);

    const info = await call<BackupInfo>('backupInspect', { name: made.name });
    expect(info).toMatchObject({ enterprises: 1, unsent: 1, account: null });
    const exported = await call<{ fileName: string; base64: string }>('backupExport', { name: made.name });
    expect(exported.fileName).toBe(`知融工作台备份-${made.name}`);
    expect(Buffer.from(exported.base64, 'base64').equals(fs.readFileSync(path.join(view.folder, made.name)))).toBe(true);

    // Typed after the backup: restoring takes it away, but the copy made first keeps it.
    await addEnterprise(502, '深圳市备份后科技有限公司');
    const device = readState(rt.db!, 'deviceId');
    const r = await call<{ restored: BackupInfo; safetyCopy: BackupEntry }>('backupRestore', { name: made.name });
    expect(r.safetyCopy.reason).toBe('before-restore');
    expect(count()).toBe(1);
    expect(rt.db!.prepare('SELECT name FROM enterprises').pluck().get()).toBe('深圳市备份前科技有限公司');
    expect((await call<BackupInfo>('backupInspect', { name: r.safetyCopy.name })).enterprises).toBe(2);
    // Its unsent change keeps its number and device: a receipt the service holds for it answers it
    // (the engine moves to a new device only when the service holds another change under it).
    expect(readState(rt.db!, 'deviceId')).toBe(device);
    expect(rt.db!.prepare('SELECT seq FROM outbox').pluck().all()).toEqual([1]);
    // And back again: the data typed after the first backup returns from the safety copy.
    await call('backupRestore', { name: r.safetyCopy.name });
    expect(count()).toBe(2);
  });

  it('refuses a damaged, truncated or foreign backup and changes nothing', async () => {
    const { folder, backups } = await call<BackupsView>('backupsList', {});
    const before = backups.length;
    const good = fs.readFileSync(path.join(folder, backups[0]!.name));
    const bad = [
      ['20200101T000000000Z-manual.sqlite', Buffer.from('这不是数据库'.repeat(100))],
      ['20200101T000001000Z-manual.sqlite', good.subarray(0, Math.floor(good.length / 2))],
    ] as const;
    for (const [name, bytes] of bad) fs.writeFileSync(path.join(folder, name), bytes);
    // A SQLite file of another program.
    const other = rawStore(path.join(folder, '20200101T000002000Z-manual.sqlite'));
    other.exec('CREATE TABLE notes (t TEXT)');
    other.close();
    for (const name of [...bad.map(([n]) => n), '20200101T000002000Z-manual.sqlite']) {
      const r = await rt.dispatch('backupRestore', { name });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/已损坏|不完整|不是本应用的数据库备份/);
    }
    expect(count()).toBe(2);
    // No safety copy was made for a refused restore.
    expect((await call<BackupsView>('backupsList', {})).backups.filter((b) => b.reason === 'before-restore')).toHaveLength(
      backups.filter((b) => b.reason === 'before-restore').length,
    );
    expect((await call<BackupsView>('backupsList', {})).backups.length).toBe(before + 3);
    // Another account's backup: its records are not this user's to have.
    const foreign = path.join(folder, '20200101T000003000Z-manual.sqlite');
    fs.writeFileSync(foreign, good);
    const f = rawStore(foreign);
    f.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('user', ?)").run(JSON.stringify({ name: '别区管家' }));
    f.close();
    rt.db!.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('user', ?)").run(JSON.stringify({ name: '坪山管家' }));
    const theirs = await rt.dispatch('backupRestore', { name: '20200101T000003000Z-manual.sqlite' });
    expect(theirs.ok).toBe(false);
    if (!theirs.ok) expect(theirs.error.message).toBe('此备份属于账号“别区管家”，当前登录的是“坪山管家”：不能恢复到本账号');
    rt.db!.prepare("DELETE FROM sync_state WHERE key = 'user'").run();
    expect(count()).toBe(2);
    for (const name of ['../ipf-desk.sqlite', 'x.sqlite', '20200101T000000000Z-other.sqlite']) {
      const r = await rt.dispatch('backupInspect', { name });
      expect(r.ok, name).toBe(false);
    }
    expect((await rt.dispatch('backupRestore', { name: '20300101T000000000Z-manual.sqlite' })).ok).toBe(false);
    // Too large to send through the window: the user is told where to copy it from.
    const big = path.join(folder, '20200101T000004000Z-manual.sqlite');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 300 * 1024 * 1024);
    const ex = await rt.dispatch('backupExport', { name: '20200101T000004000Z-manual.sqlite' });
    expect(ex.ok).toBe(false);
    if (!ex.ok) expect(ex.error.message).toBe(`备份文件较大（300 MB），请直接从备份文件夹复制：${big}`);
    fs.rmSync(big);
  });

  it('keeps the newest N as the policy says, refuses a count out of range, and makes the daily one once a day', async () => {
    expect((await rt.dispatch('backupPolicySave', { keep: 0, daily: true })).ok).toBe(false);
    const r = await rt.dispatch('backupPolicySave', { keep: 101, daily: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/最多保留 100 份/);
    await call('backupPolicySave', { keep: 2, daily: true });
    const names = (await call<BackupsView>('backupsList', {})).backups.map((b) => b.name);
    expect(names).toHaveLength(2);
    const newest = await backupNow();
    const after = (await call<BackupsView>('backupsList', {})).backups.map((b) => b.name);
    expect(after).toEqual([newest.name, names[0]]);
    expect((await call<BackupsView>('backupsList', {})).policy).toEqual({ keep: 2, daily: true });
    // Restoring the oldest with the folder full: the safety copy does not prune away the backup being restored.
    const oldest = after[1]!;
    const r2 = await call<{ safetyCopy: BackupEntry }>('backupRestore', { name: oldest });
    expect((await call<BackupsView>('backupsList', {})).backups.map((b) => b.name)).toEqual([r2.safetyCopy.name, oldest]);

    // The daily one (the runtime's timer calls this hourly): once per calendar day, not when turned off.
    await call('backupPolicySave', { keep: 5, daily: false });
    expect(await rt.backups.dailyIfDue()).toBeNull();
    await call('backupPolicySave', { keep: 5, daily: true });
    const daily = await rt.backups.dailyIfDue();
    expect(daily?.reason).toBe('daily');
    expect(await rt.backups.dailyIfDue()).toBeNull();
    expect((await call<BackupsView>('backupsList', {})).backups[0]!.name).toBe(daily!.name);
  });

  it('refuses to back up or restore while in 培训模式', async () => {
    await call('sandboxEnter', {});
    const r = await rt.dispatch('backupsList', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/培训模式下不能备份或恢复/);
    expect((await rt.dispatch('backupCreate', {})).ok).toBe(false);
    await call('sandboxLeave', {});
    expect((await rt.dispatch('backupsList', {})).ok).toBe(true);
  });
});
