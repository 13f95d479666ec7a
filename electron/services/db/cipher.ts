/**
 * Encryption at rest (SQLite3 Multiple Ciphers in its SQLCipher 4 mode): how a connection is
 * keyed, and what a file on disk is (plain SQLite, encrypted, empty) without opening it.
 */
import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';

/** What a connection needs to open the local store: the native module for this runtime and the key. */
export interface StoreAccess {
  /** Path to a better_sqlite3.node built for the running runtime (Electron vs Node). */
  nativeBinding?: string;
  /** 64 hex digits (256 bits), used as SQLCipher's raw key; absent: a plain file (benchmarks, fixtures). */
  key?: string;
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'unreadable';

/** Reads the first 16 bytes: a plain SQLite file says so there; an encrypted one starts with its salt. */
export function fileKind(file: string): FileKind {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return 'empty';
    return n === 16 && head.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
  } catch {
    return 'unreadable'; // a folder (EISDIR), a device: opening it says what is wrong
  } finally {
    fs.closeSync(fd);
  }
}

export const isStoreKey = (key: unknown): key is string => typeof key === 'string' && /^[0-9a-f]{64}$/.test(key);

function cipherSettings(db: Database): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/** Keys a fresh connection; must come before its first read. */
export function applyKey(db: Database, key: string): void {
  cipherSettings(db);
  db.pragma(`key = "x'${key}'"`);
}

/** Encrypts a plain database file in place (its connection is its only one, journal not WAL). */
export function encryptWith(db: Database, key: string): void {
  cipherSettings(db);
  db.pragma(`rekey = "x'${key}'"`);
}

export const WRONG_KEY = (file: string) =>
  `本地数据库已加密，但现有的密钥无法打开它（密钥可能来自另一台电脑或另一次安装，也可能文件已损坏）：${file}。数据没有被改动；请找回原来的密钥（见 README“数据加密”一节）。`;

export const NEEDS_KEY = (file: string) => `数据库文件已加密，需要它的密钥才能打开：${file}`;

/** The first read after keying: a key that does not fit makes SQLite answer "not a database". */
export function checkKey(db: Database, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('DB_KEY', WRONG_KEY(file));
    throw err;
  }
}
