import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db, Queryable, QueryResult } from './types';

/**
 * PGlite is one connection in this process: queries and transactions take turns through a
 * queue, so a transaction never interleaves with another caller's statements. Never open one
 * data folder from two processes (that is what PostgreSQL is for).
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir ?? undefined);
  let queue: Promise<unknown> = Promise.resolve();
  const turn = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const q = async <T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> => {
    const r = await lite.query<T>(sql, params as unknown[] | undefined);
    // PGlite reports 0 affected rows for a SELECT: count what came back instead.
    return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
  };
  const exec = async (sql: string) => void (await lite.exec(sql));
  return {
    kind: 'pglite',
    query: (sql, params) => turn(() => q(sql, params)),
    exec: (sql) => turn(() => exec(sql)),
    transaction: (fn) =>
      turn(async () => {
        await lite.exec('BEGIN');
        try {
          const result = await fn({ query: q, exec });
          await lite.exec('COMMIT');
          return result;
        } catch (err) {
          await lite.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () => turn(() => lite.close()),
  };
}

// bigint columns (sequences, counts, fen) as numbers, as PGlite returns them; all stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** A pool on PostgreSQL; each transaction holds one client from BEGIN to COMMIT. */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client dropped by the server (a restart, an idle timeout) is replaced on next use;
  // without a listener its error would end the process.
  pool.on('error', () => undefined);
  // xid8 arrives as text from both, exact.
  const asQueryable = (c: { query: pg.Pool['query'] }): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const r = await c.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    exec: async (sql: string) => void (await c.query(sql)),
  });
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client as unknown as { query: pg.Pool['query'] }));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL when a URL is given, else PGlite in `dataDir` (in memory when null). */
export function openDb(options: { databaseUrl?: string; dataDir: string | null }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
