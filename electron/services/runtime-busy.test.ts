import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { holdWriteLock } from './db/lock-holder.fixture';
import { DEV_RESOURCES_DIR, TSX_WORKER } from './jobs/tsx-launch';
import { createRuntime, type Runtime } from './runtime';

let tmp: ReturnType<typeof tempDir>;
let rt: Runtime;
const dbFile = () => path.join(tmp.dir, 'ipf-desk.sqlite');
const holderFiles = () => fs.readdirSync(tmp.dir).filter((n) => n.includes('.holder-'));

beforeEach(() => {
  tmp = tempDir();
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
});
afterEach(async () => {
  await rt.close();
  tmp.cleanup();
});

describe('a database another process is writing', () => {
  it('fails a write quickly with a Chinese message naming the program, not an unexpected error', async () => {
    const other = await holdWriteLock(dbFile(), '命令行工具');
    try {
      const started = Date.now();
      const r = await rt.dispatch('settingsUpdate', { language: 'en-US' });
      const waited = Date.now() - started;
      expect(r).toMatchObject({ ok: false, error: { code: 'DB_BUSY' } });
      if (!r.ok) expect(r.error.message).toBe(`数据库正被另一个程序使用：命令行工具（进程 ${other.pid}）。请稍后再试，或先关闭该程序。`);
      // The main thread must not freeze: a few hundred milliseconds at most.
      expect(waited).toBeLessThan(1000);
      // Reads still work beside the writer (WAL).
      expect(await rt.dispatch('settingsGet', {})).toMatchObject({ ok: true });
    } finally {
      await other.release();
    }
    expect(await rt.dispatch('settingsUpdate', { language: 'en-US' })).toMatchObject({ ok: true });
  });

  it('says so without a name when the other program did not record itself', async () => {
    const other = await holdWriteLock(dbFile());
    try {
      expect(await rt.dispatch('settingsUpdate', { language: 'en-US' })).toMatchObject({
        ok: false,
        error: { code: 'DB_BUSY', message: expect.stringMatching(/^数据库正被另一个程序使用/) },
      });
    } finally {
      await other.release();
    }
  });

  it('opens later: a store locked at start shows why, every call says so, and a retry opens it once free', async () => {
    const other = tempDir();
    const file = path.join(other.dir, 'ipf-desk.sqlite');
    // A brand-new file in rollback-journal mode: switching it to WAL needs the lock the other process holds.
    const holder = await holdWriteLock(file, '知融工作台');
    const late = createRuntime({ dataDir: other.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
    try {
      const message = `数据库正被另一个程序使用：知融工作台（进程 ${holder.pid}）。请稍后再试，或先关闭该程序。`;
      expect(late.info().db).toEqual({ status: 'error', file, code: 'DB_BUSY', message });
      expect(await late.dispatch('settingsGet', {})).toEqual({ ok: false, error: { code: 'DB_BUSY', message } });
      await holder.release();
      expect(await late.dispatch('databaseRetry', {})).toMatchObject({ ok: true, value: { status: 'ok' } });
      expect(await late.dispatch('settingsGet', {})).toMatchObject({ ok: true });
    } finally {
      await holder.release();
      await late.close();
      other.cleanup();
    }
  });

  it('records which program holds the database while it is open, and forgets it on close', async () => {
    expect(holderFiles()).toEqual([`ipf-desk.sqlite.holder-${process.pid}.json`]);
    expect(JSON.parse(fs.readFileSync(path.join(tmp.dir, holderFiles()[0]!), 'utf8'))).toMatchObject({
      program: '浏览器调试服务（harness）',
      pid: process.pid,
    });
    await rt.close();
    expect(holderFiles()).toEqual([]);
  });
});
