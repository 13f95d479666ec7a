/**
 * `npm run central`: the central service, listening. Everything it serves is built in app.ts;
 * this file picks the database (PostgreSQL when DATABASE_URL is set, else PGlite in the data
 * folder), migrates it, listens, and shuts down cleanly on SIGINT/SIGTERM: stop accepting,
 * finish the requests in flight, close the database (a PGlite folder left mid-write is damaged).
 *
 *   npm run central -- [--port 8787] [--host 127.0.0.1] [--data ~/.ipf-desk-central]
 *   npm run central -- user <command> … [--data <folder>]   (accounts; see server/cli/users.ts)
 *
 * A PGlite folder is held by one process at a time: each holder leaves central-<pid>.lock in
 * it, a live holder's file refuses the next, a dead one's is swept away.
 *
 * The script runs `node --import tsx server/index.ts`, one process, rather than the tsx CLI:
 * tsx relays a signal to its child and SIGKILLs it when the child has not acknowledged within
 * about 60 ms (a busy event loop), which would leave a PGlite folder mid-write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import { runUserCli } from './cli/users';
import { openDb } from './db/connect';
import { migrate, ServerDatabaseTooNewError } from './db/migrate';
import type { Db } from './db/types';
import { createLogger } from './logger';

const NAME = '知融工作台中心服务';
export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_DIR = path.join(os.homedir(), '.ipf-desk-central');
const RESOURCES_DIR = path.resolve(import.meta.dirname, '../resources');
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** In-flight requests get this long after a signal; then their connections are cut. */
const DRAIN_MS = 10_000;

const USAGE = `用法：
  npm run central -- [--port <端口>] [--host <地址>] [--data <数据目录>]
  npm run central -- user <命令> … [--data <数据目录>]
  --port  监听端口（默认 ${DEFAULT_PORT}；0 表示任选一个空闲端口）
  --host  监听地址（默认 127.0.0.1，仅本机；0.0.0.0 对外）
  --data  PGlite 数据目录（默认 ${DEFAULT_DATA_DIR}）；设置了 DATABASE_URL 时改用 PostgreSQL，不用此目录`;

/** A refusal the operator can act on: one Chinese line on stderr, exit 1 (2 for usage). */
class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/* -------------------------------------------------------------------------- signals */

const exitCodeOf = (signal: NodeJS.Signals) => 128 + (os.constants.signals[signal] ?? 15);
/**
 * What SIGINT/SIGTERM do at this moment. Before a database is open: exit at once. While PGlite
 * is being opened or migrated: remember the signal and stop at the next checkpoint (killing it
 * there would leave the folder half written). Once running: the graceful shutdown.
 */
let onSignal: (signal: NodeJS.Signals) => void = (signal) => process.exit(exitCodeOf(signal));
let pendingSignal: NodeJS.Signals | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onSignal(signal));

function deferSignals(): void {
  onSignal = (signal) => {
    if (!pendingSignal) process.stderr.write('正在打开数据库，完成后立即退出……\n');
    pendingSignal ??= signal;
  };
}

/** Closes the database and exits if a signal came while it could not be acted on. */
async function checkpoint(opened: Opened): Promise<void> {
  if (!pendingSignal) return;
  await opened.close().catch(() => undefined);
  process.exit(exitCodeOf(pendingSignal));
}

/** From here on a signal closes the database, then exits. */
function closeOnSignal(opened: Opened): void {
  onSignal = (signal) => {
    onSignal = () => {};
    void opened
      .close()
      .catch(() => undefined)
      .then(() => process.exit(exitCodeOf(signal)));
  };
}

/* ---------------------------------------------------------------- the PGlite folder's lock */

const LOCK_FILE = /^central-(\d+)\.lock$/;

interface LockInfo {
  program: string;
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux), so a reused pid is not taken for it. */
  started: string | null;
  since: string;
}

function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(lock: LockInfo): boolean {
  try {
    process.kill(lock.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = lock.started ? processStart(lock.pid) : null;
  return !(started && started !== lock.started);
}

/**
 * Claims the data folder for this process, or refuses when another live process holds it.
 * Each process writes its own file and then looks for others, so two starting at the same
 * moment can both refuse, never both open the folder.
 */
function claimDataFolder(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const mine = path.join(dir, `central-${process.pid}.lock`);
  const info: LockInfo = { program: NAME, pid: process.pid, started: processStart(process.pid), since: new Date().toISOString() };
  fs.writeFileSync(`${mine}.tmp`, JSON.stringify(info));
  fs.renameSync(`${mine}.tmp`, mine);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    fs.rmSync(mine, { force: true });
  };
  const holders: number[] = [];
  for (const name of fs.readdirSync(dir)) {
    const pid = Number(LOCK_FILE.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const file = path.join(dir, name);
    let other: LockInfo;
    try {
      other = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    } catch {
      // Half written by a process starting right now: count it as a holder while it lives.
      other = { program: NAME, pid, started: null, since: '' };
    }
    if (isAlive({ ...other, pid })) holders.push(pid);
    else fs.rmSync(file, { force: true });
  }
  if (holders.length > 0) {
    release();
    throw new Refusal(
      `数据目录 ${dir} 正被另一个${NAME}进程使用（进程 ${holders.join('、')}）。` +
        `同一个 PGlite 数据目录只能由一个进程打开，否则数据会损坏：请先停止该进程，或用 --data 指定另一个目录；` +
        `需要多个进程时请改用 PostgreSQL（设置 DATABASE_URL）。`,
    );
  }
  process.on('exit', release);
  return release;
}

/* ------------------------------------------------------------------------- the database */

interface Opened {
  db: Db;
  where: string;
  close(): Promise<void>;
}

/** Closing twice (a signal, then the normal end) closes once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closed: Promise<void> | null = null;
  return () => (closed ??= close());
}

/** "postgres://user@host:5432/db", never the password. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

async function openDatabase(env: NodeJS.ProcessEnv, dataDir: string): Promise<Opened> {
  const url = env.DATABASE_URL;
  if (url) {
    let db: Db;
    try {
      db = await openDb({ databaseUrl: url, dataDir: null });
    } catch (err) {
      throw new Refusal(`无法连接 PostgreSQL（${describeUrl(url)}）：${(err as Error).message}`);
    }
    return { db, where: `PostgreSQL ${describeUrl(url)}`, close: once(() => db.close()) };
  }
  const release = claimDataFolder(dataDir);
  deferSignals();
  let db: Db;
  try {
    db = await openDb({ dataDir: path.join(dataDir, 'pglite') });
  } catch (err) {
    release();
    throw new Refusal(`无法打开数据目录 ${dataDir} 中的 PGlite 数据库：${(err as Error).message}`);
  }
  return {
    db,
    where: `PGlite ${dataDir}`,
    close: once(async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    }),
  };
}

async function migrated(opened: Opened): Promise<void> {
  try {
    await migrate(opened.db);
  } catch (err) {
    await opened.close().catch(() => undefined);
    if (err instanceof ServerDatabaseTooNewError) throw new Refusal(err.message);
    throw err;
  }
}

/* -------------------------------------------------------------------------- arguments */

/** `--data <dir>` / `--data=<dir>` taken out of the user command's arguments (it is ours, not theirs). */
function takeDataOption(argv: string[]): { data: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let data: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') {
      data = argv[++i];
      if (data === undefined) throw new Refusal(`参数 --data 需要一个值\n\n${USAGE}`, 2);
    } else if (a.startsWith('--data=')) data = a.slice('--data='.length);
    else rest.push(a);
  }
  return { data, rest };
}

function parseServeArgs(argv: string[]): { port: number; host: string; data: string | undefined } {
  let values: { port?: string; host?: string; data?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new Refusal(`参数不正确：${(err as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) throw new Refusal(USAGE, 0);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new Refusal(`端口应为 0–65535 的整数，收到“${values.port}”\n\n${USAGE}`, 2);
  return { port, host: values.host ?? '127.0.0.1', data: values.data };
}

const resolveDataDir = (data: string | undefined) => path.resolve(data?.replace(/^~(?=$|\/)/, os.homedir()) ?? DEFAULT_DATA_DIR);

/* ------------------------------------------------------------------------------ modes */

/** `central user …`: the accounts commands on the same database, without the HTTP server. */
async function userCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { data, rest } = takeDataOption(argv);
  const opened = await openDatabase(env, resolveDataDir(data));
  await checkpoint(opened);
  deferSignals();
  try {
    await migrated(opened);
    await checkpoint(opened);
    // The command may wait on stdin for a password: a signal then closes the database and exits.
    closeOnSignal(opened);
    return await runUserCli(rest, opened.db, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  } finally {
    await opened.close();
  }
}

function displayUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}

async function serve(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const args = parseServeArgs(argv);
  if (env.DATABASE_URL && args.data) process.stderr.write('已设置 DATABASE_URL，使用 PostgreSQL，忽略 --data。\n');
  const level = env.LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Refusal(`LOG_LEVEL 应为 ${LOG_LEVELS.join('、')} 之一，收到“${level}”`, 2);
  const logger = createLogger({ level: level as (typeof LOG_LEVELS)[number] });
  const opened = await openDatabase(env, resolveDataDir(args.data));
  await checkpoint(opened);
  deferSignals();
  await migrated(opened);
  await checkpoint(opened);

  let app: FastifyInstance;
  try {
    app = await buildServer({ db: opened.db, clock: () => new Date(), logger, resourcesDir: RESOURCES_DIR });
    await app.listen({ port: args.port, host: args.host });
  } catch (err) {
    await opened.close().catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new Refusal(`端口 ${args.port} 已被占用：请用 --port 换一个端口。`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') throw new Refusal(`无法在地址 ${args.host} 上监听：${e.message}`);
    if (e.code === 'EACCES') throw new Refusal(`没有权限监听端口 ${args.port}（1024 以下的端口需要管理员权限）。`);
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  process.stdout.write(`${NAME}: ${displayUrl(args.host, port)}\n数据库: ${opened.where}\n监听: ${args.host}:${port}（按 Ctrl+C 停止）\n`);

  let closing: Promise<void> | null = null;
  const shutdown = (reason: string, code: number) => {
    if (closing) return;
    logger.info({ reason }, 'shutting down');
    // Requests still running after DRAIN_MS are cut off; the database is closed either way.
    const cut = setTimeout(() => app.server.closeAllConnections(), DRAIN_MS);
    cut.unref();
    closing = app
      .close()
      .catch((err: unknown) => logger.error({ err }, 'closing the HTTP server failed'))
      .then(() => clearTimeout(cut))
      .then(() => opened.close())
      .then(
        () => {
          logger.info('stopped');
          process.exit(code);
        },
        (err: unknown) => {
          logger.error({ err }, 'closing the database failed');
          process.exit(1);
        },
      );
  };
  onSignal = (signal) => shutdown(signal, 0);
  if (pendingSignal) shutdown(pendingSignal, 0);
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    shutdown('uncaughtException', 1);
  });
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection');
    shutdown('unhandledRejection', 1);
  });
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  if (argv[0] === 'user') {
    process.exitCode = await userCommand(argv.slice(1), env);
    return;
  }
  await serve(argv, env);
}

main(process.argv.slice(2), process.env).catch((err: unknown) => {
  if (err instanceof Refusal) {
    (err.exitCode === 0 ? process.stdout : process.stderr).write(`${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`${NAME}启动失败（内部错误）：\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(3);
});
