/**
 * Sign-in tokens kept with Electron's safeStorage (the OS keychain: DPAPI, Keychain, libsecret),
 * in a file beside the database readable by its owner only. Where the OS offers no keychain
 * (a Linux desktop without one), safeStorage would keep them in clear: the file vault (0600) is
 * then used, and the log says so.
 */
import { writeDurably } from '../services/durable-file';
import fs from 'node:fs';
import type { safeStorage as SafeStorage } from 'electron';
import type { Logger } from '../services/logger';
import { fileVault, type TokenVault } from '../services/sync/session';
import type { TokenPair } from '../../shared/sync/auth';

export function safeStorageVault(safeStorage: typeof SafeStorage, dbFile: string, logger: Logger): TokenVault {
  if (!safeStorage.isEncryptionAvailable()) {
    logger.warn('safeStorage is not available: sign-in tokens are kept in a file only this user can read');
    return fileVault(`${dbFile}.session`);
  }
  const file = `${dbFile}.session.enc`;
  return {
    load() {
      try {
        return JSON.parse(safeStorage.decryptString(fs.readFileSync(file))) as TokenPair;
      } catch {
        return null;
      }
    },
    save(pair) {
      if (!pair) return fs.rmSync(file, { force: true });
      writeDurably(file, safeStorage.encryptString(JSON.stringify(pair)));
    },
  };
}
