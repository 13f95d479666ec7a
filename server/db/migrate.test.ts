import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDb, usePostgres } from '../../test/support/postgres';
import { tempDir } from '../../test/support/temp';
import { openDb } from './connect';
import { loadMigrations, migrate, ServerDatabaseTooNewError } from './migrate';
import type { Db } from './types';

const tmp = tempDir('ipf-migrations-');
afterAll(() => tmp.cleanup());

/** A migrations folder of its own holding these files (name → SQL). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp.dir, 'm-'));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

/**
 * Three small migrations, each depending on the one before (so order matters) and each
 * failing if run twice (no IF NOT EXISTS, a primary key), logging itself in applied_log.
 */
const THREE = {
  '001_create_items.sql': `CREATE TABLE applied_log (version integer PRIMARY KEY);
CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO applied_log VALUES (1);`,
  '002_add_district.sql': `ALTER TABLE items ADD COLUMN district text NOT NULL DEFAULT '南山';
INSERT INTO applied_log VALUES (2);`,
  '003_seed.sql': `INSERT INTO items (id, name, district) VALUES (1, '深圳某科技有限公司', '福田');
INSERT INTO applied_log VALUES (3);`,
};

const versions = async (db: Pick<Db, 'query'>) =>
  (await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
const log = async (db: Pick<Db, 'query'>) =>
  (await db.query<{ version: number }>('SELECT version FROM applied_log ORDER BY version')).rows.map((r) => r.version);
const tableExists = async (db: Db, name: string) =>
  (await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name])).rows[0]!.t !== null;

describe('loadMigrations', () => {
  it('reads NNN_name.sql in numeric order and ignores other files', () => {
    const dir = folder({ ...THREE, 'README.md': '# not a migration', '004-bad-name.sql': 'SELECT 1', 'notes.txt': '' });
    expect(loadMigrations(dir).map((m) => [m.version, m.name])).toEqual([
      [1, 'create_items'],
      [2, 'add_district'],
      [3, 'seed'],
    ]);
    expect(loadMigrations(dir)[2]!.sql).toContain('深圳某科技有限公司');
  });

  it('refuses a gap in the numbers', () => {
    const dir = folder({ '001_a.sql': 'SELECT 1', '003_c.sql': 'SELECT 1' });
    expect(() => loadMigrations(dir)).toThrow(/c has number 3, expected 2/);
  });

  it('loads the server’s own migrations, numbered from 1 without gaps', () => {
    const own = loadMigrations();
    own.forEach((m, i) => expect(m.version).toBe(i + 1));
  });
});

describeEachDb('migrate', (fresh) => {
  it('applies every migration in order and records each version with its name', async () => {
    const db = await fresh({ migrate: false });
    expect(await migrate(db, loadMigrations(folder(THREE)))).toEqual({ from: 0, to: 3 });
    expect(await versions(db)).toEqual([
      { version: 1, name: 'create_items' },
      { version: 2, name: 'add_district' },
      { version: 3, name: 'seed' },
    ]);
    expect(await log(db)).toEqual([1, 2, 3]);
    expect((await db.query('SELECT id, name, district FROM items')).rows).toEqual([
      { id: 1, name: '深圳某科技有限公司', district: '福田' },
    ]);
  });

  it('is idempotent: a second run applies nothing, a new migration only itself', async () => {
    const db = await fresh({ migrate: false });
    const dir = folder(THREE);
    await migrate(db, loadMigrations(dir));
    expect(await migrate(db, loadMigrations(dir))).toEqual({ from: 3, to: 3 });
    expect(await log(db)).toEqual([1, 2, 3]);
    fs.writeFileSync(
      path.join(dir, '004_index.sql'),
      'CREATE INDEX items_district ON items (district); INSERT INTO applied_log VALUES (4);',
    );
    expect(await migrate(db, loadMigrations(dir))).toEqual({ from: 3, to: 4 });
    expect(await migrate(db, loadMigrations(dir))).toEqual({ from: 4, to: 4 });
    expect(await log(db)).toEqual([1, 2, 3, 4]);
    expect((await versions(db)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a database newer than the code, in Chinese, and changes nothing', async () => {
    const db = await fresh({ migrate: false });
    await migrate(db, loadMigrations(folder(THREE)));
    const older = loadMigrations(
      folder({ '001_create_items.sql': THREE['001_create_items.sql'], '002_add_district.sql': THREE['002_add_district.sql'] }),
    );
    const refused = migrate(db, older);
    await expect(refused).rejects.toBeInstanceOf(ServerDatabaseTooNewError);
    await expect(refused).rejects.toThrow('数据库结构版本 3 高于本服务支持的 2：请升级服务端程序后再启动。');
    expect((await versions(db)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('rolls a failing migration back whole and keeps the last good version; the fixed one then applies', async () => {
    const db = await fresh({ migrate: false });
    const dir = folder({
      '001_create_items.sql': THREE['001_create_items.sql'],
      // The first two statements succeed; the third fails: none of it may stay.
      '002_broken.sql': `CREATE TABLE half_done (id integer);
INSERT INTO items (id, name) VALUES (2, '应回滚');
INSERT INTO no_such_table VALUES (1);`,
      '003_seed.sql': THREE['003_seed.sql'],
    });
    await expect(migrate(db, loadMigrations(dir))).rejects.toThrow(/no_such_table/);
    expect(await versions(db)).toEqual([{ version: 1, name: 'create_items' }]);
    expect(await tableExists(db, 'half_done')).toBe(false);
    expect((await db.query('SELECT id FROM items')).rows).toEqual([]);
    // The database still answers after the failure, and a fixed migration carries on from 1.
    fs.writeFileSync(path.join(dir, '002_broken.sql'), THREE['002_add_district.sql']);
    expect(await migrate(db, loadMigrations(dir))).toEqual({ from: 1, to: 3 });
    expect(await log(db)).toEqual([1, 2, 3]);
  });

  it('applies the server’s own migrations (what fresh() gives every test)', async () => {
    const db = await fresh();
    const own = loadMigrations();
    expect((await versions(db)).map((v) => v.version)).toEqual(own.map((m) => m.version));
    expect(await migrate(db)).toEqual({ from: own.length, to: own.length });
  });
});

describe('migrate: runners racing on one PostgreSQL database', () => {
  const postgres = usePostgres();

  // Each migration takes a moment, so the runners really overlap; a second application would
  // fail (CREATE TABLE without IF NOT EXISTS, primary keys) or show twice in applied_log.
  const slow = Object.fromEntries(Object.entries(THREE).map(([name, sql]) => [name, `SELECT pg_sleep(0.05);\n${sql}`]));

  it('two processes’ pools starting at once apply each migration exactly once', async () => {
    const migrations = loadMigrations(folder(slow));
    for (let round = 0; round < 5; round++) {
      const url = await postgres.createDatabase();
      const a = await openDb({ databaseUrl: url, dataDir: null });
      const b = await openDb({ databaseUrl: url, dataDir: null });
      try {
        const results = await Promise.all([migrate(a, migrations), migrate(b, migrations)]);
        expect(results.map((r) => r.to)).toEqual([3, 3]);
        expect(await log(a)).toEqual([1, 2, 3]);
        expect((await versions(b)).map((v) => v.version)).toEqual([1, 2, 3]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    }
  });

  it('four runners at once on the server’s own migrations end at the same version', async () => {
    const url = await postgres.createDatabase();
    const dbs = await Promise.all([1, 2, 3, 4].map(() => openDb({ databaseUrl: url, dataDir: null })));
    try {
      const own = loadMigrations();
      const results = await Promise.all(dbs.map((db) => migrate(db)));
      expect(new Set(results.map((r) => r.to))).toEqual(new Set([own.length]));
      expect((await versions(dbs[0]!)).map((v) => v.version)).toEqual(own.map((m) => m.version));
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});
