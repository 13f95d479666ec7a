/**
 * Tests reading a store the runtime, the harness or the CLI encrypted: the key is the data
 * folder's db.key (the keeper they use outside Electron).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyKey, fileKind } from '../../electron/services/db/cipher';
import { openDatabase } from '../../electron/services/db/connection';
import { KEY_FILE_NAME } from '../../electron/services/db/store-key';

/** The key kept in `dataDir` or a folder up to two above it (accounts/, training/, backups/<db>/). */
export function storeKey(dataDir: string): string {
  for (const d of [dataDir, path.dirname(dataDir), path.dirname(path.dirname(dataDir))]) {
    const f = path.join(d, KEY_FILE_NAME);
    if (fs.existsSync(f)) return fs.readFileSync(f, 'utf8').trim();
  }
  throw new Error(`no ${KEY_FILE_NAME} in ${dataDir}`);
}

/** openDatabase with the key of the file's data folder. */
export const openStore = (file: string) => openDatabase({ file, key: storeKey(path.dirname(file)) });

/** A bare connection (no pragmas, no migrations), keyed when the file is encrypted. */
export function rawStore(file: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const db = new BetterSqlite3(file, options);
  if (fileKind(file) === 'encrypted') applyKey(db, storeKey(path.dirname(file)));
  return db;
}
