/**
 * Real PostgreSQL for the server's tests, beside PGlite, so each suite runs on both.
 *
 *   describeEachDb('accounts', (fresh) => {
 *     it('…', async () => {
 *       const db = await fresh(); // a new, migrated database, closed after the test
 *     });
 *   });
 *
 * PGlite is a copy of a template folder (on tmpfs: as fast as memory, without PGlite's 3 s
 * initdb per test). PostgreSQL is one throw-away cluster per test file (Debian's
 * `postgresql` package: initdb + pg_ctl, as the `postgres` user when the tests run as root),
 * started before the file's first PostgreSQL suite and stopped after its last; each `fresh()`
 * is a new database (CREATE DATABASE … TEMPLATE a migrated one), so a test costs tens of
 * milliseconds. A watchdog removes the cluster if the test process dies without stopping it.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { openDb } from '../../server/db/connect';
import { loadMigrations, migrate, type ServerMigration } from '../../server/db/migrate';
import type { Db } from '../../server/db/types';

export interface PostgresCluster {
  /** Superuser URL of the cluster's `postgres` database (trust authentication on 127.0.0.1). */
  url: string;
  port: number;
  /** Its temporary folder (data, socket, server.log), removed by stop(). */
  dir: string;
  /** The same cluster, another database. */
  urlOf(database: string): string;
  /** Stops the server (fast: open sessions are ended) and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

export class PostgresMissingError extends Error {
  constructor(detail: string) {
    super(
      `PostgreSQL is not installed (${detail}). The server's tests start a throw-away cluster with initdb and pg_ctl: ` +
        `install Debian's package (apt-get install -y postgresql), or set PG_BIN_DIR to a folder holding initdb, pg_ctl and postgres.`,
    );
    this.name = 'PostgresMissingError';
  }
}

/**
 * The folder of initdb/pg_ctl: PG_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin
 * (Debian keeps them off PATH), else `pg_config --bindir`, else initdb on PATH.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(dir, b)));
  if (env.PG_BIN_DIR) {
    if (has(env.PG_BIN_DIR)) return env.PG_BIN_DIR;
    throw new PostgresMissingError(`PG_BIN_DIR=${env.PG_BIN_DIR} holds no initdb, pg_ctl and postgres`);
  }
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian)
    ? fs
        .readdirSync(debian)
        .filter((v) => has(path.join(debian, v, 'bin')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  if (versions[0]) return path.join(debian, versions[0], 'bin');
  for (const probe of [() => execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(), () => path.dirname(which('initdb'))]) {
    try {
      const dir = probe();
      if (dir && has(dir)) return dir;
    } catch {
      // Not there either: try the next.
    }
  }
  throw new PostgresMissingError(`no ${debian}/*/bin/initdb, no pg_config, no initdb on PATH`);
}

function which(command: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, command);
    if (dir && fs.existsSync(file)) return file;
  }
  throw new Error(`${command} not on PATH`);
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user. */
function asOwner(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[], what: string): void {
  const [cmd, argv] = asOwner(bin, args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Until the server takes a query: pg_ctl -w waits for the socket, this for a real session. */
async function waitForConnections(url: string, deadline: number): Promise<void> {
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not accept connections at ${url}: ${(err as Error).message}`, { cause: err });
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

const CLUSTER_PREFIX = 'ipf-pg-';

/**
 * Where clusters live: the temp folder, unless we are root and the `postgres` user could not
 * reach it (TMPDIR under /root, say); then /tmp.
 */
function clusterParent(): string {
  const tmp = os.tmpdir();
  if (!isRoot()) return tmp;
  for (let dir = path.resolve(tmp); ; dir = path.dirname(dir)) {
    try {
      if ((fs.statSync(dir).mode & 0o001) === 0) return '/tmp';
    } catch {
      return '/tmp';
    }
    if (dir === path.dirname(dir)) return tmp;
  }
}

/**
 * A folder of ours left behind by a process that is gone (SIGKILLed worker before its watchdog
 * ran): stop what may still run there and remove it, so clusters never pile up in /tmp.
 */
function sweepAbandoned(bin: string): void {
  const root = clusterParent();
  let names: string[];
  try {
    names = fs.readdirSync(root).filter((n) => n.startsWith(CLUSTER_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (!Number.isInteger(owner) || owner <= 0 || alive(owner)) continue;
      if (fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
        const [cmd, argv] = asOwner(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), 'stop', '-m', 'immediate']);
        spawnSync(cmd, argv, { stdio: 'ignore', timeout: 30_000 });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Being created or removed by its owner right now, or not ours to touch.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts a throw-away PostgreSQL cluster in a new temporary folder on a free port of
 * 127.0.0.1 (no fsync: tests only), resolves once it accepts connections. Throws
 * PostgresMissingError when the binaries are not installed.
 */
export async function startPostgres(options: { binDir?: string } = {}): Promise<PostgresCluster> {
  const bin = options.binDir ?? findPostgresBin();
  if (options.binDir && !fs.existsSync(path.join(bin, 'initdb'))) throw new PostgresMissingError(`no initdb in ${bin}`);
  sweepAbandoned(bin);
  const dir = fs.mkdtempSync(path.join(clusterParent(), `${CLUSTER_PREFIX}${process.pid}-`));
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const pgCtl = path.join(bin, 'pg_ctl');
  let watchdog: ReturnType<typeof spawn> | null = null;
  const remove = () => {
    watchdog?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (isRoot()) {
      try {
        execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
      } catch {
        throw new PostgresMissingError('running as root, but there is no `postgres` user to run the server as');
      }
      fs.chmodSync(dir, 0o700);
      execFileSync('chown', ['postgres:', dir]);
      fs.writeFileSync(log, '');
      execFileSync('chown', ['postgres:', log]);
    }
    run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], 'initdb');
    // The watchdog outlives a test process that dies without stopping its cluster.
    const [stopCmd, stopArgs] = asOwner(pgCtl, ['-D', data, 'stop', '-m', 'immediate']);
    watchdog = spawn(
      'sh',
      [
        '-c',
        'while kill -0 "$0" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$DIR"',
        String(process.pid),
        stopCmd,
        ...stopArgs,
      ],
      { detached: true, stdio: 'ignore', env: { ...process.env, DIR: dir } },
    );
    watchdog.unref();

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        run(pgCtl, ['-D', data, '-o', settings, '-l', log, '-w', '-t', '60', 'start'], 'pg_ctl start');
        break;
      } catch (err) {
        // Another process may have taken the port between our probe and the bind.
        const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
        if (attempt < 3 && /could not (bind|create listen)|address already in use/i.test(text)) continue;
        throw new Error(`${(err as Error).message}\n${text.slice(-2000)}`, { cause: err });
      }
    }
    const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    await waitForConnections(urlOf('postgres'), Date.now() + 30_000);
    let stopped: Promise<void> | null = null;
    return {
      url: urlOf('postgres'),
      port,
      dir,
      urlOf,
      stop: () =>
        (stopped ??= (async () => {
          try {
            run(pgCtl, ['-D', data, 'stop', '-m', 'fast', '-w'], 'pg_ctl stop');
          } finally {
            remove();
          }
        })()),
    };
  } catch (err) {
    if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
      const [cmd, argv] = asOwner(pgCtl, ['-D', data, 'stop', '-m', 'immediate']);
      spawnSync(cmd, argv, { stdio: 'ignore' });
    }
    remove();
    throw err;
  }
}

/* ------------------------------------------------------------------------------------------ */

export interface FreshOptions {
  /** true (default): the server's migrations; false: an empty database; or these migrations. */
  migrate?: boolean | ServerMigration[];
}
/** A new database for this test, closed after it (a test may close it sooner). */
export type Fresh = (options?: FreshOptions) => Promise<Db>;

export interface SharedPostgres {
  /** The cluster's superuser URL (only inside hooks and tests). */
  readonly cluster: PostgresCluster;
  /** A new, empty database in the cluster; its URL. For tests that open their own pools or processes. */
  createDatabase(): Promise<string>;
  fresh: Fresh;
}

let cluster: Promise<PostgresCluster> | null = null;
/** Suites of this file that use the cluster and have not finished: the last one stops it. */
let pending = 0;
let counter = 0;
const templates = new Map<string, Promise<string>>();

async function adminQuery(sql: string): Promise<void> {
  const c = await cluster!;
  const client = new pg.Client({ connectionString: c.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const newName = (prefix: string) => `${prefix}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;

async function createDatabase(template?: string): Promise<string> {
  const name = newName('t');
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return (await cluster!).urlOf(name);
}

/** The server's migrations applied once into a template; each fresh database copies it. */
function migratedTemplate(): Promise<string> {
  const key = 'default';
  let t = templates.get(key);
  if (!t) {
    t = (async () => {
      const url = await createDatabase();
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      const db = await openDb({ databaseUrl: url, dataDir: null });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      return name;
    })();
    templates.set(key, t);
    t.catch(() => templates.delete(key));
  }
  return t;
}

/** Tracks what a test opened and closes it after the test, so no pool outlives its cluster. */
function tracker() {
  const open = new Set<Db>();
  afterEach(async () => {
    const dbs = [...open];
    open.clear();
    await Promise.all(dbs.map((db) => db.close().catch(() => undefined)));
  });
  /** `cleanup` runs once the database is closed (removes a PGlite copy). */
  return (db: Db, cleanup: () => void = () => {}): Db => {
    let closed: Promise<void> | null = null;
    // Closing twice (the test, then the tracker) is harmless.
    const tracked: Db = {
      ...db,
      close: () =>
        (closed ??= db.close().finally(() => {
          open.delete(tracked);
          cleanup();
        })),
    };
    open.add(tracked);
    return tracked;
  };
}

async function migrateWith(db: Db, options: FreshOptions | undefined): Promise<void> {
  const m = options?.migrate ?? true;
  if (m === false) return;
  await (m === true ? migrate(db) : migrate(db, m));
}

/**
 * Call inside a describe block: the file's shared cluster, started before the block's first
 * test (hookTimeout) and stopped after the file's last block that uses it.
 */
export function usePostgres(): SharedPostgres {
  pending++;
  let started: PostgresCluster | null = null;
  beforeAll(async () => {
    cluster ??= startPostgres();
    cluster.catch(() => (cluster = null));
    started = await cluster;
  });
  afterAll(async () => {
    pending--;
    if (pending > 0 || !cluster) return;
    const c = cluster;
    cluster = null;
    templates.clear();
    await (await c).stop();
  });
  const track = tracker();
  return {
    get cluster() {
      if (!started) throw new Error('usePostgres(): the cluster is only there inside hooks and tests');
      return started;
    },
    createDatabase: () => createDatabase(),
    fresh: async (options) => {
      const m = options?.migrate ?? true;
      const url = m === true ? await createDatabase(await migratedTemplate()) : await createDatabase();
      const db = track(await openDb({ databaseUrl: url, dataDir: null }));
      if (m !== true) await migrateWith(db, options);
      return db;
    },
  };
}

/*
 * PGlite: starting one runs its initdb (3 s and more on a loaded 2-core machine), so each
 * fresh() copies a closed template folder instead (a fraction of that) onto tmpfs when there
 * is room, which is as fast as memory. Templates (empty, and migrated with the server's
 * migrations) are cached in the temp folder under a hash of PGlite's version and the
 * migrations, built once for all test files.
 */
const PGLITE_VERSION = (() => {
  try {
    const file = path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();
const TEMPLATE_PREFIX = 'ipf-pglite-template-';
const COPY_PREFIX = 'ipf-pglite-';
const pgliteTemplates = new Map<string, Promise<string>>();

/** tmpfs when it has room to spare (Docker's default /dev/shm is 64 MB), else the temp folder. */
const copyParent = (() => {
  let chosen: string | null = null;
  return () => {
    if (chosen) return chosen;
    chosen = os.tmpdir();
    try {
      const st = fs.statfsSync('/dev/shm');
      if (st.bavail * st.bsize > 1024 ** 3) {
        fs.accessSync('/dev/shm', fs.constants.W_OK);
        chosen = '/dev/shm';
      }
    } catch {
      // No /dev/shm: the temp folder.
    }
    return chosen;
  };
})();

/** Copies left by test processes that are gone (SIGKILLed), and templates of other code unused for a day. */
function sweepPglite(keep: string): void {
  const tryRemove = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
  for (const parent of new Set([copyParent(), os.tmpdir()])) {
    let names: string[];
    try {
      names = fs.readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of names) {
      const dir = path.join(parent, name);
      try {
        if (name.startsWith(TEMPLATE_PREFIX)) {
          const build = /\.build-(\d+)-/.exec(name);
          if (build ? !alive(Number(build[1])) : name !== keep && Date.now() - fs.statSync(dir).mtimeMs > 24 * 3600_000) tryRemove(dir);
        } else if (name.startsWith(COPY_PREFIX)) {
          const owner = /^ipf-pglite-(\d+)-/.exec(name);
          if (owner && !alive(Number(owner[1]))) tryRemove(dir);
        }
      } catch {
        // Someone else's, or being removed by its owner.
      }
    }
  }
}

/** A migrated (or empty) PGlite data folder kept between runs: copy it, never open it. */
export function pgliteTemplate(migrated: boolean): Promise<string> {
  const own = migrated ? loadMigrations().map((m) => [m.version, m.name, m.sql]) : [];
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([PGLITE_VERSION, migrated, own]))
    .digest('hex')
    .slice(0, 16);
  let t = pgliteTemplates.get(key);
  if (!t) {
    t = (async () => {
      const name = `${TEMPLATE_PREFIX}${key}`;
      const dir = path.join(os.tmpdir(), name);
      sweepPglite(name);
      if (fs.existsSync(dir)) {
        // In use: the sweep of other processes keeps it.
        fs.utimesSync(dir, new Date(), new Date());
        return dir;
      }
      // Built aside and renamed when closed: a template folder that exists is complete.
      const build = `${dir}.build-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
      try {
        const db = await openDb({ dataDir: build });
        try {
          if (migrated) await migrate(db);
        } finally {
          await db.close();
        }
        fs.renameSync(build, dir);
      } catch (err) {
        fs.rmSync(build, { recursive: true, force: true });
        // Another test process finished the same template first.
        if (!fs.existsSync(dir)) throw err;
      }
      return dir;
    })();
    pgliteTemplates.set(key, t);
    t.catch(() => pgliteTemplates.delete(key));
  }
  return t;
}

/** A fresh PGlite per call (a copy of a template on tmpfs), closed and removed after the test. */
export function usePglite(): { fresh: Fresh } {
  const track = tracker();
  return {
    fresh: async (options) => {
      const m = options?.migrate ?? true;
      const template = await pgliteTemplate(m === true);
      const dir = path.join(copyParent(), `${COPY_PREFIX}${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`);
      fs.cpSync(template, dir, { recursive: true });
      let db: Db;
      try {
        db = await openDb({ dataDir: dir });
      } catch (err) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
      }
      const tracked = track(db, () => fs.rmSync(dir, { recursive: true, force: true }));
      if (m !== true) await migrateWith(tracked, options);
      return tracked;
    },
  };
}

export type DbName = 'PGlite' | 'PostgreSQL';
export interface DbUnderTest {
  name: DbName;
  kind: Db['kind'];
}

/**
 * Runs the same suite on PGlite and on PostgreSQL: `describe('<title> (PGlite)')` and
 * `describe('<title> (PostgreSQL)')`. `fresh()` gives each test its own migrated database.
 */
export function describeEachDb(title: string, fn: (fresh: Fresh, db: DbUnderTest) => void): void {
  describe(`${title} (PGlite)`, () => fn(usePglite().fresh, { name: 'PGlite', kind: 'pglite' }));
  describe(`${title} (PostgreSQL)`, () => fn(usePostgres().fresh, { name: 'PostgreSQL', kind: 'postgres' }));
}
