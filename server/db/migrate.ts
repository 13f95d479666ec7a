import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './types';

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered plain-SQL migrations (NNN_name.sql), in order, checked to have no gaps. */
export function loadMigrations(dir = path.join(import.meta.dirname, 'migrations')): ServerMigration[] {
  const list = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`server migration ${m.name} has number ${m.version}, expected ${i + 1}`);
  });
  return list;
}

/** Any number identifying "the migration lock" of this application. */
const LOCK_KEY = 4_015_200_901;

export class ServerDatabaseTooNewError extends Error {
  constructor(found: number, supported: number) {
    super(`数据库结构版本 ${found} 高于本服务支持的 ${supported}：请升级服务端程序后再启动。`);
  }
}

/**
 * Brings the database to the latest migration. Each runs in its own transaction under a
 * transaction-scoped advisory lock, and re-checks what is applied once it holds the lock,
 * so two processes starting at once apply each migration exactly once.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<{ from: number; to: number }> {
  // IF NOT EXISTS is not safe against another process doing the same at the same moment: take the lock first.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const current = async (q: Pick<Db, 'query'>) =>
    Number((await q.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
  const from = await current(db);
  if (from > migrations.length) throw new ServerDatabaseTooNewError(from, migrations.length);
  for (const m of migrations.slice(from)) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      if ((await current(tx)) >= m.version) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
  }
  return { from, to: migrations.length };
}
