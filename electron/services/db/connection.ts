import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { backupName, pruneBackups, removeStalePartials } from './backups';
import { DatabaseTooNewError, migrate, schemaVersion, type MigrationOutcome } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenOptions {
  file: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron vs Node). */
  nativeBinding?: string;
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database;
  migration: MigrationOutcome;
}

/** Opens (creating if needed) the local store with the settings every connection needs. */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Refuse a newer database before anything (even the journal mode) is written to it.
    const found = schemaVersion(db);
    if (found > MIGRATIONS.length) throw new DatabaseTooNewError(found, MIGRATIONS.length);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
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
    throw err;
  }
}
