import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { writeBackup } from './backups';
import type { Migration } from './migrations/types';

export interface MigrationOutcome {
  from: number;
  to: number;
  backupFile: string | null;
}

export class DatabaseTooNewError extends AppError {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      'DB_UNAVAILABLE',
      `数据库由更新版本的知融工作台写入（结构版本 ${found}，本程序最高支持 ${supported}）。为免损坏数据，已拒绝打开。请升级知融工作台后再试。`,
    );
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the latest migration. Each migration runs in its own
 * transaction together with the user_version bump, so a crash leaves the last good version.
 * Before touching a database that already holds data, a consistent copy is written beside it
 * (complete or not at all: see backups.ts).
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
  backupPath: (fromVersion: number) => string | null,
): MigrationOutcome {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = schemaVersion(db);
  const to = migrations.length;
  if (from > to) throw new DatabaseTooNewError(from, to);
  if (from === to) return { from, to, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0) {
    backupFile = backupPath(from);
    if (backupFile) writeBackup(db, backupFile);
  }
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to, backupFile };
}
