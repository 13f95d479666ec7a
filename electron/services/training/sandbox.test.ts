/**
 * 培训模式 against the real runtime: the sandbox is its own database, it never writes to the
 * working one, and no path reaches the central service — checked with a real HTTP server on
 * loopback that records every request (and that the same calls do reach it outside the sandbox).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../shared/domain/dates';
import type { SandboxView } from '../../../shared/training-contract';
import { caller, finishJob } from '../../../test/support/call';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { openStore } from '../../../test/support/store';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';
import { writeState } from '../sync/state';
import { sessionOf, fileVault } from '../sync/session';
import { isSandbox, sandboxFile } from './sandbox-files';

const tmp = tempDir();
let rt: Runtime;
const call = caller(() => rt);
const requests: string[] = [];
let recorder: http.Server;
let url = '';

/** Every row of every table, in a stable order: what "unchanged" means for a database. */
function dump(db: Database): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const rows = (t: string) => (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  return JSON.stringify(tables.map((t) => [t, rows(t)]));
}
const dumpFile = (file: string) => {
  const { db } = openStore(file);
  try {
    return dump(db);
  } finally {
    db.close();
  }
};

async function refused(method: string, input: unknown): Promise<string> {
  const r = await rt.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error.message;
}

const settle = () => new Promise((r) => setTimeout(r, 400));

beforeAll(async () => {
  recorder = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"UNAVAILABLE","message":"recorder"}}');
  });
  await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(recorder.address() as { port: number }).port}`;
  rt = createRuntime({ dataDir: tmp.dir, version: 'test', shell: 'cli', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  // The working database: some real work, signed in to "the central service" (the recorder).
  await call('enterpriseSave', { name: '深圳市正式数据科技有限公司', uscc: usccFor(7301), district: '南山', industry: '电子信息' });
  await call('workshopSave', {
    id: 'ws-1',
    date: addDays(todayIso(), -3),
    topic: '知识产权质押融资实务',
    trainer: '培训师甲',
    venue: '南山区科创服务中心',
    attendees: [{ name: '王晓明', organisation: '某银行南山支行', kind: 'bank', attended: true }],
  });
  const user = { userId: 'u1', name: '管家甲', role: 'steward', districts: ['南山'] };
  writeState(rt.db!, 'server', url);
  writeState(rt.db!, 'user', JSON.stringify(user));
  const later = new Date(Date.now() + 3600_000).toISOString();
  fileVault(`${rt.dbFile}.session`).save({
    accessToken: 'a',
    refreshToken: 'r',
    accessExpiresAt: later,
    refreshExpiresAt: later,
    user,
  } as never);
});

afterAll(async () => {
  await rt.close();
  await new Promise((r) => recorder.close(r));
  tmp.cleanup();
});

describe('培训模式 (the sandbox)', () => {
  let workingFile = '';
  let workingDump = '';

  it('the recorder does hear the working database sync (so silence below means something)', async () => {
    await call('syncNow', {});
    await rt.sync.settle();
    expect(requests.length).toBeGreaterThan(0);
  });

  it('refuses to switch while a job runs, changing nothing', async () => {
    const job = await call<JobStatusView>('demoStart', { enterprises: 3000, seed: 3 });
    expect(await refused('sandboxEnter', {})).toMatch(/后台任务/);
    expect(rt.info().sandbox).toBe(false);
    await call('jobCancel', { id: job.id });
    await finishJob(call, job);
    expect(rt.info().sandbox).toBe(false);
    expect((await rt.dispatch('sandboxLeave', {})).ok).toBe(true);
  });

  it('opens a database of its own, marked as a sandbox, and says so', async () => {
    workingFile = rt.dbFile;
    await rt.sync.settle();
    workingDump = dumpFile(workingFile);
    await call('sandboxEnter', {});
    expect(rt.dbFile).toBe(sandboxFile(tmp.dir));
    expect(rt.info().sandbox).toBe(true);
    expect(isSandbox(rt.db!)).toBe(true);
    expect((await call<SandboxView>('sandboxStatus', {})).active).toBe(true);
  });

  it('never reaches the central service, whatever is asked', async () => {
    requests.length = 0;
    const view = await call<SandboxView>('sandboxLoad', {});
    expect(view.dataset.loaded).toBe(true);
    await call('enterpriseSave', { name: '深圳市沙盒练习科技有限公司', uscc: usccFor(7302), district: '光明', industry: '新材料' });
    expect(await refused('syncNow', {})).toMatch(/培训模式/);
    expect(await refused('syncLogin', { server: url, user: '管家甲', password: 'x' })).toMatch(/培训模式/);
    expect(await refused('syncLogout', {})).toMatch(/培训模式/);
    expect(await refused('dashboardCentral', { from: '2025-01-01', to: todayIso() })).toMatch(/培训模式/);
    // The timer and a direct run find no session in a sandbox; the file itself refuses one.
    expect(await rt.sync.run()).toBeNull();
    expect(() => sessionOf(rt.db!, fileVault(`${workingFile}.session`))).toThrow(/培训模式/);
    await settle();
    expect(requests).toEqual([]);
  });

  it('keeps workshop records out of the sandbox (they are real)', async () => {
    expect(await refused('workshopsList', {})).toMatch(/退出培训模式/);
    expect(await refused('workshopSave', { id: 'ws-2', date: todayIso(), topic: '沙盒中', trainer: '甲', venue: '乙' })).toMatch(
      /退出培训模式/,
    );
  });

  it('resets to the dataset exactly as loaded, and snapshots round-trip', async () => {
    await call('sandboxReset', {});
    const loaded = dump(rt.db!);
    const entry = rt.db!.prepare('SELECT id, status FROM whitelist_entries LIMIT 1').get() as { id: string; status: string };
    await call('entryStatusChange', { entryId: entry.id, status: entry.status === '暂缓' ? '推进中' : '暂缓', reason: '培训演练' });
    await call('enterpriseSave', { name: '深圳市快照练习科技有限公司', uscc: usccFor(7303), district: '宝安', industry: '软件' });
    const edited = dump(rt.db!);
    expect(edited).not.toBe(loaded);
    const snap = await call<{ name: string; sizeBytes: number }>('snapshotSave', { name: '第一期课后' });
    expect(snap.sizeBytes).toBeGreaterThan(0);
    expect(await refused('snapshotSave', { name: '第一期课后' })).toMatch(/已有名为/);
    expect(await refused('snapshotSave', { name: '../逃逸' })).toMatch(/不能含/);
    expect(await refused('snapshotSave', { name: 'CON' })).toMatch(/保留名/);
    expect(await refused('snapshotSave', { name: 'nul.第一期' })).toMatch(/保留名/);

    // A job has run on the edited sandbox (its worker kept a connection): after the reset it reads the reset file.
    const exported = async () => {
      const job = await call<JobStatusView>('exportStart', { kind: 'enterprises', filter: {}, format: 'csv' });
      return (jobResult((await finishJob(call, job)).final) as { rows: number }).rows;
    };
    const count = () => rt.db!.prepare('SELECT count(*) FROM enterprises').pluck().get() as number;
    expect(await exported()).toBe(count());
    await call('sandboxReset', {});
    expect(dump(rt.db!)).toBe(loaded);
    expect(await exported()).toBe(count());
    const restored = await call<SandboxView>('snapshotRestore', { name: '第一期课后' });
    expect(dump(rt.db!)).toBe(edited);
    expect(restored.snapshots.map((s) => s.name)).toEqual(['第一期课后']);
    expect((await call<SandboxView>('snapshotDelete', { name: '第一期课后' })).snapshots).toEqual([]);
    expect(await refused('snapshotRestore', { name: '第一期课后' })).toMatch(/不存在/);
  });

  it('leaves the working data exactly as it was, and syncs it again', async () => {
    await call('sandboxLeave', {});
    expect(rt.dbFile).toBe(workingFile);
    expect(rt.info().sandbox).toBe(false);
    await rt.sync.settle();
    expect(dumpFile(workingFile)).toBe(workingDump);
    expect(fs.existsSync(path.join(tmp.dir, 'training', 'sandbox.sqlite'))).toBe(true);
    expect((await call<unknown[]>('workshopsList', {})).length).toBe(1);
    requests.length = 0;
    await call('syncNow', {});
    await rt.sync.settle();
    expect(requests.length).toBeGreaterThan(0);
  });

  it('starts on the working data after the app was closed in 培训模式', async () => {
    await rt.sync.settle();
    const before = dumpFile(workingFile);
    await call('sandboxEnter', {});
    await rt.close();
    rt = createRuntime({ dataDir: tmp.dir, version: 'test', shell: 'cli', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
    expect(rt.dbFile).toBe(workingFile);
    expect(rt.info().sandbox).toBe(false);
    expect(dump(rt.db!)).toBe(before);
  });

  it('refuses the sandbox operations outside 培训模式', async () => {
    expect(await refused('sandboxReset', {})).toMatch(/请先进入培训模式/);
    expect(await refused('snapshotSave', { name: '某' })).toMatch(/请先进入培训模式/);
  });
});
