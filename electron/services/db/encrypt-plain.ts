/**
 * A plain database (written before encryption at rest) encrypted in place: copied whole into a
 * 0600 partial beside it, the copy encrypted and checked (integrity and every table's row count
 * against the original), and only then renamed over the original. A crash or a failure at any
 * step leaves the original as it was; a partial left behind by a dead process is removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { applyKey, encryptWith, fileKind, type StoreAccess } from './cipher';
import { isAlive } from './holder';
import { moveIntoPlace } from '../durable-file';

const PARTIAL = /\.encrypting-(\d+)\.partial(-journal)?$/;

function connect(file: string, access: StoreAccess, key?: string): Database {
  const db = new BetterSqlite3(file, {
    fileMustExist: true,
    timeout: 0,
    ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}),
  });
  if (key) applyKey(db, key);
  return db;
}

function rowCounts(db: Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

/** Removes partial copies of `file` left by processes that are gone. */
export function removeStaleEncryptionPartials(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.encrypting-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const n of names) {
    const m = PARTIAL.exec(n);
    if (m && !isAlive(Number(m[1]))) fs.rmSync(path.join(dir, n), { force: true });
  }
}

export interface EncryptOptions {
  /** Runs on the original (open, no write pending) before it is copied: refuse here if others use it. */
  beforeCopy?: (db: Database) => void;
  /** Runs with the checked encrypted copy before it replaces the original (the pre-encryption backup). */
  beforeReplace?: (encryptedCopy: string) => void;
}

/**
 * Encrypts the plain SQLite file `file` with `access.key`. Throws (leaving `file` as it was)
 * when it cannot be read whole, is in use, or the copy does not match it.
 */
export function encryptPlainFile(file: string, access: StoreAccess & { key: string }, opts: EncryptOptions = {}): void {
  removeStaleEncryptionPartials(file);
  const partial = `${file}.encrypting-${process.pid}.partial`;
  const discard = () => [partial, `${partial}-journal`].forEach((p) => fs.rmSync(p, { force: true }));
  // Made here, 0600 and exclusive, before SQLite writes a byte of the plain copy into it.
  fs.closeSync(fs.openSync(partial, 'wx', 0o600));
  try {
    const source = connect(file, access);
    let counts: Record<string, number>;
    try {
      opts.beforeCopy?.(source);
      counts = rowCounts(source);
      source.prepare('VACUUM INTO ?').run(partial);
    } finally {
      source.close();
    }
    // Closed by its last connection, a WAL database folds its log back in and deletes it; one still
    // there means another process has it open and may yet write to the old file.
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0)
      throw new AppError('DB_BUSY', `数据库正被另一个程序使用，暂不能加密：${file}。请关闭其他使用它的程序后再试。`);
    const copy = connect(partial, access);
    try {
      copy.pragma('journal_mode = DELETE');
      // Encryption works on 4 KB pages; an older file with other pages is rebuilt with them first.
      if (copy.pragma('page_size', { simple: true }) !== 4096) {
        copy.pragma('page_size = 4096');
        copy.exec('VACUUM');
      }
      encryptWith(copy, access.key);
    } finally {
      copy.close();
    }
    const check = connect(partial, access, access.key);
    try {
      if (check.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('the encrypted copy fails its integrity check');
      const after = rowCounts(check);
      if (JSON.stringify(after) !== JSON.stringify(counts)) throw new Error('the encrypted copy does not hold every row');
    } finally {
      check.close();
    }
    opts.beforeReplace?.(partial);
    fs.rmSync(`${file}-shm`, { force: true });
    fs.rmSync(wal, { force: true });
    moveIntoPlace(partial, file);
  } catch (err) {
    discard();
    throw err;
  }
}

/**
 * Plain copies (older backups) encrypted one by one; a copy that cannot be (damaged, truncated)
 * is left as it was and reported, and never stops the others or the store from opening.
 */
export function encryptPlainCopies(
  files: readonly string[],
  access: StoreAccess & { key: string },
): { encrypted: string[]; failed: { file: string; error: string }[] } {
  const encrypted: string[] = [];
  const failed: { file: string; error: string }[] = [];
  for (const f of files) {
    if (fileKind(f) !== 'plain') continue;
    try {
      encryptPlainFile(f, access);
      encrypted.push(f);
    } catch (err) {
      failed.push({ file: f, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { encrypted, failed };
}
