import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { backupName, pruneBackups, removeStalePartials } from './backups';
import { databaseError } from './errors';
import { DatabaseTooNewError, migrate, schemaVersion, type MigrationOutcome } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenOptions {
  file: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron vs Node). */
  nativeBinding?: string;
  now?: () => Date;
  /**
   * How long a statement waits for another connection's write lock before failing with
   * DB_BUSY. The main process keeps this short so its event loop never stalls for long.
   */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenedDatabase {
  db: Database;
  migration: MigrationOutcome;
}

/** Opens (creating if needed) the local store with the settings every connection needs. */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const dir = path.dirname(options.file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new AppError('DB_UNAVAILABLE', `无法创建数据库所在的文件夹：${dir}`);
  }
  // The timeout is given here, not by pragma, so it also bounds the first reads below.
  const timeout = Math.max(0, Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
  let db: Database;
  try {
    db = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding, timeout } : { timeout });
  } catch (err) {
    throw databaseError(err, options.file) ?? err;
  }
  try {
    // Refuse a newer database before anything (even the journal mode) is written to it.
    const found = schemaVersion(db);
    if (found > MIGRATIONS.length) throw new DatabaseTooNewError(found, MIGRATIONS.length);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    const now = options.now ?? (() => new Date());
    removeStalePartials(options.file);
    try {
      return { db, migration: migrate(db, MIGRATIONS, (from) => backupName(options.file, from, now())) };
    } finally {
      // Also after a failed migration: a store that fails at every start must not fill the disk.
      pruneBackups(options.file);
    }
  } catch (err) {
    db.close();
    throw databaseError(err, options.file) ?? err;
  }
}
