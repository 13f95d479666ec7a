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

/** Nothing for group and others (POSIX; Windows keeps the folder's ACL); the owner's own bits stay (a read-only file stays so). */
export function restrictToOwner(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) fs.chmodSync(file, mode & 0o700);
  } catch {
    // A read-only copy or a file of another owner: opening says what is wrong, if anything is.
  }
}

/** Opens (creating if needed) the local store with the settings every connection needs. */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const dir = path.dirname(options.file);
  try {
    // A folder made here is the owner's alone; an existing one (the user's choice) is left as it is.
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
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
    // The owner's alone, before the journal and shared-memory files are made (SQLite gives them the
    // database file's permissions).
    restrictToOwner(options.file);
    // Refuse a newer database before anything (even the journal mode) is written to it.
    const found = schemaVersion(db);
    if (found > MIGRATIONS.length) throw new DatabaseTooNewError(found, MIGRATIONS.length);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    // Deleted records' bytes are overwritten, not left in free pages for a file reader to find.
    db.pragma('secure_delete = ON');
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
