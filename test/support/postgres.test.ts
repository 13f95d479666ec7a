import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeEachDb, findPostgresBin, PostgresMissingError, startPostgres, usePostgres } from './postgres';

describeEachDb('the database helper', (fresh, { kind }) => {
  it('gives a migrated database of the named kind that answers', async () => {
    const db = await fresh();
    expect(db.kind).toBe(kind);
    const { rows } = await db.query<{ version: string }>('SELECT version() AS version');
    expect(rows[0]!.version).toMatch(/PostgreSQL 1\d/);
    const applied = await db.query('SELECT version FROM schema_migrations');
    expect(applied.rowCount).toBeGreaterThanOrEqual(0);
  });

  it('gives each test its own database (what the last test created is not there)', async () => {
    const a = await fresh();
    const b = await fresh();
    await a.exec('CREATE TABLE only_in_a (id integer)');
    await expect(b.query('SELECT * FROM only_in_a')).rejects.toThrow(/only_in_a/);
    await b.exec('CREATE TABLE only_in_a (id integer)');
  });

  it('gives an empty database with migrate: false', async () => {
    const db = await fresh({ migrate: false });
    const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    expect(rows[0]!.t).toBeNull();
  });

  it('has xid8, pg_current_xact_id and the snapshot horizon the sync cursor reads', async () => {
    const db = await fresh();
    await db.exec('CREATE TABLE log (seq bigserial PRIMARY KEY, xid xid8 NOT NULL DEFAULT pg_current_xact_id(), body text)');
    const inserted = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO log (body) VALUES ($1), ($2)', ['一', '二']);
      return (await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]!.xid;
    });
    const { rows } = await db.query<{ xid: string; seq: number; body: string }>('SELECT xid::text AS xid, seq, body FROM log ORDER BY seq');
    expect(rows).toEqual([
      { xid: inserted, seq: 1, body: '一' },
      { xid: inserted, seq: 2, body: '二' },
    ]);
    // Every committed transaction lies below the horizon of a later snapshot.
    const horizon = await db.query<{ xmin: string; below: boolean }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, $1::xid8 < pg_snapshot_xmin(pg_current_snapshot()) AS below',
      [inserted],
    );
    expect(BigInt(horizon.rows[0]!.xmin)).toBeGreaterThan(BigInt(inserted));
    expect(horizon.rows[0]!.below).toBe(true);
    // Comparisons and ordering on xid8 work on the column itself.
    const max = await db.query<{ m: string }>('SELECT max(xid)::text AS m FROM log');
    expect(max.rows[0]!.m).toBe(inserted);
  });

  it('keeps Chinese text and rolls a failed transaction back', async () => {
    const db = await fresh();
    await db.exec('CREATE TABLE t (name text)');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1)', ['深圳市南山区']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db.query('INSERT INTO t VALUES ($1)', ['深圳市福田区']);
    expect((await db.query('SELECT name FROM t')).rows).toEqual([{ name: '深圳市福田区' }]);
  });
});

describe('the shared PostgreSQL cluster', () => {
  const postgres = usePostgres();

  it('creates empty databases that other pools and processes can reach by URL', async () => {
    const url = await postgres.createDatabase();
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/t_/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(rows[0]!.n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('runs as the postgres user on 127.0.0.1 only, without fsync', async () => {
    const client = new pg.Client({ connectionString: postgres.cluster.url });
    await client.connect();
    try {
      const settings = await client.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('listen_addresses', 'fsync') ORDER BY name",
      );
      expect(settings.rows).toEqual([
        { name: 'fsync', setting: 'off' },
        { name: 'listen_addresses', setting: '127.0.0.1' },
      ]);
    } finally {
      await client.end();
    }
  });
});

describe('startPostgres', () => {
  it('starts a cluster of its own in a temporary folder and removes the folder when stopped', async () => {
    const c = await startPostgres();
    expect(path.basename(c.dir)).toMatch(new RegExp(`^ipf-pg-${process.pid}-`));
    expect(fs.existsSync(path.join(c.dir, 'data', 'PG_VERSION'))).toBe(true);
    const client = new pg.Client({ connectionString: c.url });
    await client.connect();
    expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
    await c.stop();
    await c.stop();
    expect(fs.existsSync(c.dir)).toBe(false);
    const after = new pg.Client({ connectionString: c.url, connectionTimeoutMillis: 2_000 });
    await expect(after.connect()).rejects.toThrow();
  });

  it('runs two clusters side by side on different ports', async () => {
    const [a, b] = await Promise.all([startPostgres(), startPostgres()]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(a.dir).not.toBe(b.dir);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('says to install postgresql when the binaries are missing', async () => {
    await expect(startPostgres({ binDir: '/nonexistent/pg/bin' })).rejects.toThrow(PostgresMissingError);
    await expect(startPostgres({ binDir: '/nonexistent/pg/bin' })).rejects.toThrow(/apt-get install -y postgresql/);
    expect(() => findPostgresBin({ PG_BIN_DIR: '/nonexistent/pg/bin' })).toThrow(/install Debian's package/);
  });

  it('finds the newest installed version without a hard-coded number', () => {
    expect(findPostgresBin({})).toMatch(/bin$/);
    expect(fs.existsSync(path.join(findPostgresBin({}), 'initdb'))).toBe(true);
  });
});
