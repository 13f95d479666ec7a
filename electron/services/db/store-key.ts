/**
 * The store's key: one per installation (per data folder), made on first use and kept by a
 * KeyKeeper (Electron's safeStorage in the app, a 0600 file in the harness and the CLI, or the
 * environment). A key is never made while an encrypted store exists in the folder: that key is
 * lost, and a new one would only add data that the old files' owner cannot read.
 */
import { writeDurably } from '../durable-file';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { fileKind, isStoreKey } from './cipher';

export interface KeyKeeper {
  /** Where the key is kept, for the log and the lost-key message. */
  where: string;
  /** The key, null when none is kept yet; throws DB_KEY when what is kept is not a key. */
  load(): string | null;
  /** Keeps the key durably (on disk, synced) before it encrypts anything. */
  save(key: string): void;
}

export const KEY_FILE_NAME = 'db.key';
export const KEY_ENV = 'IPF_DB_KEY';

const NOT_A_KEY = (where: string) => `数据库密钥文件已损坏（不是 64 位十六进制密钥）：${where}`;

/** A key in a file only its owner can read. */
export function fileKeyKeeper(file: string): KeyKeeper {
  return {
    where: file,
    load() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8').trim();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new AppError('DB_KEY', `无法读取数据库密钥文件：${file}`);
      }
      if (!isStoreKey(text)) throw new AppError('DB_KEY', NOT_A_KEY(file));
      return text;
    },
    save(key) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeDurably(file, `${key}\n`);
    },
  };
}

/** IPF_DB_KEY, when set: the key comes from the environment and is never written anywhere. */
export function keyFromEnv(env: NodeJS.ProcessEnv = process.env): KeyKeeper | null {
  const value = env[KEY_ENV];
  if (value === undefined || value === '') return null;
  const key = value.trim().toLowerCase();
  return {
    where: `环境变量 ${KEY_ENV}`,
    load() {
      if (!isStoreKey(key)) throw new AppError('DB_KEY', NOT_A_KEY(`环境变量 ${KEY_ENV}`));
      return key;
    },
    save() {
      throw new AppError('DB_KEY', `环境变量 ${KEY_ENV} 已设置但为空`);
    },
  };
}

export const newStoreKey = (): string => crypto.randomBytes(32).toString('hex');

const STORE_FILE = /\.(sqlite|bak)$/;

/** Encrypted store files in the data folder (the database, other users' and the sandbox's, backups). */
export function encryptedStores(dataDir: string, depth = 3): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dataDir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = path.join(dataDir, e.name);
    if (e.isDirectory()) return depth > 0 && e.name !== 'logs' ? encryptedStores(p, depth - 1) : [];
    // Anything non-empty that is not plain SQLite counts, a truncated encrypted file too.
    return e.isFile() && STORE_FILE.test(e.name) && fileKind(p) === 'encrypted' ? [p] : [];
  });
}

export const KEY_LOST = (where: string, files: readonly string[]) =>
  `本地数据已加密，但找不到它的密钥（应在：${where}）。没有原来的密钥，这些数据无法读取，也不会被改动或覆盖：` +
  `${files.slice(0, 3).join('、')}${files.length > 3 ? ` 等 ${files.length} 个文件` : ''}（若它们并非本应用所写，也可能已损坏或根本不是数据库）。` +
  `请把原来的密钥放回原处（或设置环境变量 ${KEY_ENV}）后点“重试”；若密钥确已丢失，可把这些文件移走后重新开始（已同步到中心服务的数据可重新同步下来）。`;

/**
 * The installation's key: the one kept, or a new one when nothing in the data folder is
 * encrypted yet (saved durably and read back before it is used).
 */
export function storeKeyFor(keeper: KeyKeeper, dataDir: string): string {
  const kept = keeper.load();
  if (kept) return kept;
  const locked = encryptedStores(dataDir);
  if (locked.length > 0) throw new AppError('DB_KEY', KEY_LOST(keeper.where, locked));
  const key = newStoreKey();
  keeper.save(key);
  if (keeper.load() !== key) throw new AppError('DB_KEY', `数据库密钥未能保存：${keeper.where}`);
  return key;
}
