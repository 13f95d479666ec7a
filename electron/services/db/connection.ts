import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { backupName, listBackups, pruneBackups, removeStalePartials } from './backups';
import { applyKey, checkKey, fileKind, NEEDS_KEY, type StoreAccess } from './cipher';
import { encryptPlainCopies, encryptPlainFile } from './encrypt-plain';
import { databaseError, isBusy } from './errors';
import { describeHolders, otherHolders } from './holder';
import { moveIntoPlace } from '../durable-file';
import { backupFolder, listBackupFiles } from '../backup/files';
import { DatabaseTooNewError, migrate, schemaVersion, type MigrationOutcome } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenOptions extends StoreAccess {
  file: string;
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
  /** Set when this open encrypted a plain file: its encrypted pre-encryption backup, and older copies that could not be encrypted. */
  encryption?: { backupFile: string; encryptedCopies: string[]; failedCopies: { file: string; error: string }[] };
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
  const now = options.now ?? (() => new Date());
  const kind = fileKind(options.file);
  if (!options.key && kind === 'encrypted') throw new AppError('DB_KEY', NEEDS_KEY(options.file));
  const encryption = options.key && kind === 'plain' ? encryptExisting(options as OpenOptions & { key: string }, now) : undefined;
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
    if (options.key) {
      applyKey(db, options.key);
      checkKey(db, options.file);
    }
    // Refuse a newer database before anything (even the journal mode) is written to it.
    const found = schemaVersion(db);
    if (found > MIGRATIONS.length) throw new DatabaseTooNewError(found, MIGRATIONS.length);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    // Deleted records' bytes are overwritten, not left in free pages for a file reader to find.
    db.pragma('secure_delete = ON');
    removeStalePartials(options.file);
    try {
      return { db, migration: migrate(db, MIGRATIONS, (from) => backupName(options.file, from, now())), encryption };
    } finally {
      // Also after a failed migration: a store that fails at every start must not fill the disk.
      pruneBackups(options.file);
    }
  } catch (err) {
    db.close();
    throw databaseError(err, options.file) ?? err;
  }
}

/**
 * A plain store met with a key: refused while another program has it open (it would go on
 * writing the old file), refused if newer than this program, else encrypted in place with an
 * encrypted copy of it kept as the pre-encryption backup; then its older plain copies.
 */
function encryptExisting(options: OpenOptions & { key: string }, now: () => Date): NonNullable<OpenedDatabase['encryption']> {
  const file = options.file;
  const others = otherHolders(file);
  if (others.length > 0)
    throw new AppError('DB_BUSY', `数据库正被另一个程序使用：${describeHolders(others)}。加密本地数据需要独占它，请先关闭该程序再试。`);
  let backupFile = '';
  try {
    encryptPlainFile(file, options, {
      beforeCopy(db) {
        const found = schemaVersion(db);
        if (found > MIGRATIONS.length) throw new DatabaseTooNewError(found, MIGRATIONS.length);
        // Nobody may be writing: the write lock taken and given back at once.
        db.exec('BEGIN IMMEDIATE; COMMIT');
        backupFile = backupName(file, found, now()).replace(/\.bak$/, '.pre-encryption.bak');
      },
      beforeReplace(copy) {
        const partial = `${backupFile}.${process.pid}.partial`;
        fs.copyFileSync(copy, partial);
        fs.chmodSync(partial, 0o600);
        moveIntoPlace(partial, backupFile);
      },
    });
  } catch (err) {
    if (isBusy(err)) throw new AppError('DB_BUSY', `数据库正被另一个程序写入，暂不能加密：${file}。请关闭其他使用它的程序后再试。`);
    throw databaseError(err, file) ?? err;
  }
  const folder = backupFolder(file);
  const inFolder = listBackupFiles(folder).map((e) => path.join(folder, e.name));
  const copies = encryptPlainCopies([...listBackups(file), ...inFolder], options);
  return { backupFile, encryptedCopies: copies.encrypted, failedCopies: copies.failed };
}
