/**
 * `npm run central` as an operator runs it: the real process (`node --import tsx
 * server/index.ts`, the script's command), its printed URL, /health, signals, the PGlite
 * folder's lock, and two processes on one PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCentral as central } from '../test/support/central-process';
import { usePostgres } from '../test/support/postgres';
import { tempDir } from '../test/support/temp';
import { openDb } from './db/connect';
import { loadMigrations } from './db/migrate';

const root = path.resolve(import.meta.dirname, '..');
const tmp = tempDir('ipf-central-');
afterAll(() => tmp.cleanup());

async function health(url: string): Promise<{ status: number; body: { status: string; db: string } }> {
  const r = await fetch(new URL('health', url));
  return { status: r.status, body: (await r.json()) as { status: string; db: string } };
}

const lockFiles = (dir: string) => fs.readdirSync(dir).filter((n) => /^central-\d+\.lock$/.test(n));

/** The versions recorded in a database, read by a fresh connection after the process is gone. */
async function appliedVersions(options: { databaseUrl?: string; dataDir: string | null }): Promise<number[]> {
  const db = await openDb(options);
  try {
    return (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  } finally {
    await db.close();
  }
}

const ownVersions = loadMigrations().map((m) => m.version);

describe('npm run central on PGlite', () => {
  it('prints its URL on --port 0, answers /health, and on SIGTERM exits 0 with the folder closed cleanly', async () => {
    const data = path.join(tmp.dir, 'sigterm');
    const c = central(['--port', '0', '--data', data]);
    const url = await c.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(url).not.toMatch(/:0\/$/);
    expect(c.stdout()).toContain(`数据库: PGlite ${data}`);
    expect(await health(url)).toMatchObject({ status: 200, body: { status: 'ok', db: 'pglite' } });
    expect(lockFiles(data)).toHaveLength(1);

    c.child.kill('SIGTERM');
    expect(await c.exited).toEqual({ code: 0, signal: null });
    expect(lockFiles(data)).toEqual([]);
    // The folder opens again, migrated, in this process and in a new server.
    expect(await appliedVersions({ dataDir: path.join(data, 'pglite') })).toEqual(ownVersions);
    const again = central(['--port', '0', '--data', data]);
    expect(await health(await again.url)).toMatchObject({ status: 200 });
    process.kill(-again.child.pid!, 'SIGINT'); // Ctrl+C: the terminal signals the whole process group.
    expect(await again.exited).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('refuses a second process on the same folder, in Chinese, and the first carries on', async () => {
    const data = path.join(tmp.dir, 'twice');
    const first = central(['--port', '0', '--data', data]);
    const url = await first.url;
    const holder = Number(/central-(\d+)\.lock/.exec(lockFiles(data)[0]!)![1]);

    const second = central(['--port', '0', '--data', data]);
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.stderr()).toContain(`数据目录 ${data} 正被另一个知融工作台中心服务进程使用（进程 ${holder}）`);
    expect(second.stderr()).toContain('DATABASE_URL');
    expect(second.stdout()).not.toContain('知融工作台中心服务:');
    // The user commands open the same folder: refused too while the server holds it.
    const user = central(['user', 'list', '--data', data]);
    expect(await user.exited).toMatchObject({ code: 1 });
    expect(user.stderr()).toContain('正被另一个知融工作台中心服务进程使用');

    expect(await health(url)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(lockFiles(data)).toEqual([`central-${holder}.lock`]);
    first.child.kill('SIGTERM');
    expect(await first.exited).toMatchObject({ code: 0 });
  }, 120_000);

  it('ignores the lock of a process that is gone (a crash or kill -9)', async () => {
    const data = path.join(tmp.dir, 'stale');
    fs.mkdirSync(data, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    fs.writeFileSync(
      path.join(data, `central-${pid}.lock`),
      JSON.stringify({ program: '知融工作台中心服务', pid, started: null, since: '' }),
    );
    const c = central(['--port', '0', '--data', data]);
    expect(await health(await c.url)).toMatchObject({ status: 200 });
    expect(lockFiles(data)).not.toContain(`central-${pid}.lock`);
    c.child.kill('SIGTERM');
    expect(await c.exited).toMatchObject({ code: 0 });
  }, 120_000);

  it('on a signal while PGlite is being created, finishes creating it, closes it and exits', async () => {
    const data = path.join(tmp.dir, 'early');
    const c = central(['--port', '0', '--data', data]);
    // The lock file is written just before PGlite starts writing the new folder.
    await expect.poll(() => fs.existsSync(data) && lockFiles(data).length === 1, { timeout: 45_000, interval: 10 }).toBe(true);
    c.child.kill('SIGTERM');
    expect(await c.exited).toEqual({ code: 143, signal: null });
    expect(c.stderr()).toContain('正在打开数据库，完成后立即退出');
    expect(c.stdout()).not.toContain('知融工作台中心服务:');
    expect(lockFiles(data)).toEqual([]);
    const again = central(['--port', '0', '--data', data]);
    expect(await health(await again.url)).toMatchObject({ status: 200, body: { status: 'ok' } });
    again.child.kill('SIGTERM');
    expect(await again.exited).toMatchObject({ code: 0 });
    expect(await appliedVersions({ dataDir: path.join(data, 'pglite') })).toEqual(ownVersions);
  }, 120_000);

  it('finishes a request in flight after SIGTERM, while refusing new connections', async () => {
    const data = path.join(tmp.dir, 'inflight');
    const c = central(['--port', '0', '--data', data]);
    const url = await c.url;
    const { port } = new URL(url);
    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ padding: 'x'.repeat(200) });
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.on('connect', resolve));
    let response = '';
    socket.on('data', (b: Buffer) => (response += b.toString()));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      `POST /no-such-route HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    socket.write(body.slice(0, 50));
    await new Promise((r) => setTimeout(r, 200));

    c.child.kill('SIGTERM');
    // The listener closes: a new connection is refused while the old request is still open.
    await expect
      .poll(
        () =>
          health(url).then(
            () => 'answered',
            (err: Error & { cause?: { code?: string } }) => err.cause?.code,
          ),
        { timeout: 10_000 },
      )
      .toBe('ECONNREFUSED');
    socket.end(body.slice(50));
    await ended;
    expect(response).toMatch(/^HTTP\/1\.1 404/);
    expect(response).toContain('NOT_FOUND');
    expect(await c.exited).toEqual({ code: 0, signal: null });
    expect(await appliedVersions({ dataDir: path.join(data, 'pglite') })).toEqual(ownVersions);
  }, 120_000);

  it('is what `npm run central` starts', () => {
    const r = spawnSync('npm', ['run', '-s', 'central', '--', '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('npm run central -- [--port <端口>] [--host <地址>] [--data <数据目录>]');
  }, 60_000);

  it('answers a bad argument with the usage and exit 2', async () => {
    const c = central(['--port', 'abc', '--data', path.join(tmp.dir, 'usage')]);
    expect(await c.exited).toMatchObject({ code: 2 });
    expect(c.stderr()).toContain('端口应为 0–65535 的整数');
    expect(c.stderr()).toContain('用法');
  }, 60_000);

  it('hands `user …` to the accounts commands without starting the HTTP server', async () => {
    const data = path.join(tmp.dir, 'user');
    const c = central(['user', 'list', '--data', data]);
    expect(await c.exited).toEqual({ code: 0, signal: null });
    expect(c.stdout()).not.toContain('知融工作台中心服务:');
    expect(Array.isArray(JSON.parse(c.stdout()))).toBe(true);
    expect(lockFiles(data)).toEqual([]);
    const usage = central(['user', 'no-such-command', '--data', data]);
    expect(await usage.exited).toMatchObject({ code: 2 });
  }, 60_000);
});

describe('npm run central on PostgreSQL', () => {
  const postgres = usePostgres();

  it('two processes started at once on one database both answer, with each migration applied once', async () => {
    const databaseUrl = await postgres.createDatabase();
    const a = central(['--port', '0'], { DATABASE_URL: databaseUrl });
    const b = central(['--port', '0'], { DATABASE_URL: databaseUrl });
    const [urlA, urlB] = await Promise.all([a.url, b.url]);
    expect(urlA).not.toBe(urlB);
    expect(a.stdout()).toContain('数据库: PostgreSQL postgres://postgres@127.0.0.1:');
    expect(await health(urlA)).toMatchObject({ status: 200, body: { status: 'ok', db: 'postgres' } });
    expect(await health(urlB)).toMatchObject({ status: 200, body: { status: 'ok', db: 'postgres' } });
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toEqual({ code: 0, signal: null });
    expect(await b.exited).toEqual({ code: 0, signal: null });
    // schema_migrations' primary key would have refused a second application of any version.
    expect(await appliedVersions({ databaseUrl, dataDir: null })).toEqual(ownVersions);
  }, 120_000);

  it('refuses, in Chinese, a database it cannot reach', async () => {
    const c = central(['--port', '0'], { DATABASE_URL: `${postgres.cluster.urlOf('no_such_database')}` });
    expect(await c.exited).toMatchObject({ code: 1 });
    expect(c.stderr()).toContain('无法连接 PostgreSQL（postgres://postgres@127.0.0.1:');
  }, 60_000);
});
