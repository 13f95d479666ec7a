/**
 * The store's key kept with Electron's safeStorage (the OS keychain: DPAPI, Keychain,
 * libsecret) as <dataDir>/db.key.enc. Where the OS offers no keychain, the owner-only key file
 * (db.key, 0600) is used and the log says so; once a keychain is there, that file's key moves
 * into it (written, read back and compared before the plain file is removed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { safeStorage as SafeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import { isStoreKey } from '../services/db/cipher';
import { fileKeyKeeper, KEY_FILE_NAME, type KeyKeeper } from '../services/db/store-key';
import { writeDurably } from '../services/durable-file';
import type { Logger } from '../services/logger';

type KeeperLog = Pick<Logger, 'info' | 'warn'>;

export const SAFE_KEY_FILE_NAME = 'db.key.enc';

export function safeStorageKeeper(safeStorage: typeof SafeStorage, dataDir: string, logger: KeeperLog): KeyKeeper {
  const plain = fileKeyKeeper(path.join(dataDir, KEY_FILE_NAME));
  const file = path.join(dataDir, SAFE_KEY_FILE_NAME);
  const readSealed = (): string | null => {
    let sealed: Buffer;
    try {
      sealed = fs.readFileSync(file);
    } catch {
      return null;
    }
    let key: string;
    try {
      key = safeStorage.decryptString(sealed).trim();
    } catch {
      throw new AppError('DB_KEY', `系统钥匙串无法解开数据库密钥（${file}）：请用原来的系统账户登录后再打开知融工作台。`);
    }
    if (!isStoreKey(key)) throw new AppError('DB_KEY', `数据库密钥文件已损坏：${file}`);
    return key;
  };
  const seal = (key: string) => {
    writeDurably(file, safeStorage.encryptString(key));
    if (readSealed() !== key) throw new AppError('DB_KEY', `数据库密钥未能存入系统钥匙串：${file}`);
  };
  return {
    where: safeStorage.isEncryptionAvailable() ? `系统钥匙串（${file}）` : plain.where,
    load() {
      const sealed = readSealed();
      if (sealed) return sealed;
      const key = plain.load();
      if (key && safeStorage.isEncryptionAvailable()) {
        seal(key);
        fs.rmSync(plain.where, { force: true });
        logger.info('the store key moved from its owner-only file into the system keychain');
      }
      return key;
    },
    save(key) {
      if (safeStorage.isEncryptionAvailable()) return seal(key);
      logger.warn('safeStorage is not available: the store key is kept in a file only this user can read');
      plain.save(key);
    },
  };
}
