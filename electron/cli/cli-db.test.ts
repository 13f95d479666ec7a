import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { rawStore } from '../../test/support/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { holdWriteLock } from '../services/db/lock-holder.fixture';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../services/jobs/tsx-launch';
import { createRuntime } from '../services/runtime';
import { outcomeOfError } from './run';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** The real CLI in a process of its own; stdout must always be one JSON document. */
async function cli(...args: string[]): Promise<{ code: number; json: unknown; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { cwd: root });
    return { code: 0, json: JSON.parse(stdout), stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, json: JSON.parse(e.stdout), stdout: e.stdout, stderr: e.stderr };
  }
}

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'ipf-desk.sqlite');
});
afterEach(() => tmp.cleanup());

const enterprises = () => {
  const d = rawStore(db, { readonly: true });
  try {
    return d.prepare('SELECT count(*) FROM enterprises').pluck().get();
  } finally {
    d.close();
  }
};

describe('cli and a database another program holds', () => {
  it('refuses to write while the app holds the database, naming it; reading still works; writes once it is closed', async () => {
    const rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'electron', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
    try {
      const refused = await cli('demo', '--count', '3', '--db', db);
      expect(refused.code).toBe(1);
      expect(refused.json).toEqual({
        error: {
          code: 'DB_BUSY',
          message: `数据库正被另一个程序使用：知融工作台（进程 ${process.pid}）。为免同时写入，命令行工具不会在它打开数据库期间写入；请先关闭该程序再试。`,
        },
      });
      const file = path.join(tmp.dir, 'e.csv');
      fs.writeFileSync(file, '企业名称,统一社会信用代码,所属区\n深圳市某某科技有限公司,91440300MA5F000001,福田\n');
      expect(await cli('import', file, '--kind', 'enterprises', '--db', db)).toMatchObject({
        code: 1,
        json: { error: { code: 'DB_BUSY' } },
      });
      expect(enterprises()).toBe(0);
      const out = path.join(tmp.dir, 'out.csv');
      expect(await cli('export', 'enterprises', '--format', 'csv', '--out', out, '--db', db)).toMatchObject({ code: 0, json: { rows: 0 } });
    } finally {
      await rt.close();
    }
    expect(await cli('demo', '--count', '3', '--db', db)).toMatchObject({ code: 0, json: { enterprises: 3 } });
  }, 60_000);

  it('ignores the record of a program that is no longer running', async () => {
    const { pid } = await run(process.execPath, ['-e', 'console.log(process.pid)']).then(({ stdout }) => ({ pid: Number(stdout) }));
    fs.writeFileSync(
      path.join(tmp.dir, `ipf-desk.sqlite.holder-${pid}.json`),
      JSON.stringify({ program: '知融工作台', pid, since: '2026-01-01T00:00:00Z' }),
    );
    expect(await cli('demo', '--count', '2', '--db', db)).toMatchObject({ code: 0, json: { enterprises: 2 } });
  }, 30_000);

  it('answers DB_BUSY in JSON, exit 1, when an unrecorded program holds the write lock', async () => {
    await cli('demo', '--count', '1', '--db', db);
    const other = await holdWriteLock(db);
    try {
      const r = await cli('demo', '--count', '2', '--db', db);
      expect(r).toMatchObject({
        code: 1,
        json: { error: { code: 'DB_BUSY', message: expect.stringMatching(/^数据库正被另一个程序使用/) } },
      });
      expect(r.stdout).not.toMatch(/\n\s+at /);
    } finally {
      await other.release();
    }
    expect(enterprises()).toBe(1);
  }, 60_000);
});

describe('cli errors', () => {
  it('a file that is not a database, or a folder, is a known failure: Chinese JSON, exit 1, no stack', async () => {
    fs.writeFileSync(db, 'this is not a database, just text that is long enough to be read by sqlite');
    const garbage = await cli('demo', '--count', '2', '--db', db);
    expect(garbage).toMatchObject({
      code: 1,
      // Without its key, a file that is not plain SQLite cannot be told from an encrypted store.
      json: { error: { code: 'DB_KEY', message: expect.stringContaining('也可能已损坏或根本不是数据库') } },
    });
    expect(garbage.stdout + garbage.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(tmp.dir, 'db.key'))).toBe(false);
    // With the folder's key there, the same file is refused as one the key does not open, unchanged.
    fs.writeFileSync(path.join(tmp.dir, 'db.key'), `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    const keyed = await cli('demo', '--count', '2', '--db', db);
    expect(keyed).toMatchObject({ code: 1, json: { error: { code: 'DB_KEY', message: expect.stringContaining('也可能文件已损坏') } } });
    expect(fs.readFileSync(db, 'utf8')).toBe('this is not a database, just text that is long enough to be read by sqlite');
    const folder = await cli('export', 'enterprises', '--format', 'csv', '--out', path.join(tmp.dir, 'o.csv'), '--db', tmp.dir);
    expect(folder).toMatchObject({
      code: 1,
      json: { error: { code: 'DB_UNAVAILABLE', message: expect.stringContaining('无法打开数据库文件') } },
    });
  }, 30_000);

  it('a bug of ours exits 3 with a Chinese JSON error, keeping the stack off stdout', () => {
    const outcome = outcomeOfError(new TypeError("Cannot read properties of undefined (reading 'x')"), db);
    expect(outcome).toMatchObject({
      exitCode: 3,
      output: { error: { code: 'INTERNAL', message: expect.stringMatching(/^命令行工具内部错误/) } },
    });
    expect(JSON.stringify(outcome.output)).not.toContain('TypeError');
  });
});
