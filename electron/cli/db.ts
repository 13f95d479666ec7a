import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { todayIso } from '../../shared/domain/dates';
import fs from 'node:fs';
import { fileKind } from '../services/db/cipher';
import { openDatabase } from '../services/db/connection';
import { fileKeyKeeper, KEY_ENV, KEY_FILE_NAME, keyFromEnv, storeKeyFor } from '../services/db/store-key';
import { claimHolder, describeHolders, otherHolders, PROGRAM_NAMES } from '../services/db/holder';
import { DB_FILE_NAME, defaultDataDir } from '../services/paths';
import { getSettings } from '../services/settings';
import type { JobEnv } from '../services/jobs/run-job';

/** --db, or the app's own database. */
export function cliDbFile(options: Record<string, string | boolean | undefined>): string {
  return path.resolve(typeof options.db === 'string' ? options.db : path.join(defaultDataDir(), DB_FILE_NAME));
}

/**
 * Before a command writes: refuses while another live program (the app, the harness,
 * another CLI run) holds the database, since the two would fight over the write lock and
 * the app would not see what changed under it. Then records this run as a holder, so the
 * app's own "busy" message can name it; returns the release.
 */
export function holdForWriting(file: string): () => void {
  const others = otherHolders(file);
  if (others.length > 0) {
    throw new AppError(
      'DB_BUSY',
      `数据库正被另一个程序使用：${describeHolders(others)}。为免同时写入，命令行工具不会在它打开数据库期间写入；请先关闭该程序再试。`,
    );
  }
  return claimHolder(file, PROGRAM_NAMES.cli);
}

/** The app keeps its key in the system keychain as db.key.enc: something only Electron can open. */
const SEALED_KEY = 'db.key.enc';

/**
 * The store's key for the CLI: IPF_DB_KEY, or the db.key of the data folder holding `file` (its
 * own folder, or the one above for accounts/ and training/), made there for a new data folder.
 */
export function cliStoreKey(file: string): string | undefined {
  // A folder or a device given as --db: opening it says what is wrong; no key is made for it.
  if (fileKind(file) === 'unreadable') return undefined;
  const env = keyFromEnv();
  if (env) return env.load()!;
  const own = path.dirname(file);
  const dataDir =
    [own, path.dirname(own)].find((d) => fs.existsSync(path.join(d, KEY_FILE_NAME)) || fs.existsSync(path.join(d, SEALED_KEY))) ?? own;
  if (!fs.existsSync(path.join(dataDir, KEY_FILE_NAME)) && fs.existsSync(path.join(dataDir, SEALED_KEY)))
    throw new AppError(
      'DB_KEY',
      `这个数据库的密钥保存在系统钥匙串中（${path.join(dataDir, SEALED_KEY)}），命令行工具无法读取。请在知融工作台里操作，或设置环境变量 ${KEY_ENV} 为该密钥后再运行。`,
    );
  return storeKeyFor(fileKeyKeeper(path.join(dataDir, KEY_FILE_NAME)), dataDir);
}

/** Opens --db (or the app's own database) and builds the job environment with progress on stderr. */
export function openForCli(options: Record<string, string | boolean | undefined>): { db: Database; env: JobEnv; file: string } {
  const file = cliDbFile(options);
  const { db } = openDatabase({ file, key: cliStoreKey(file) });
  let last = 0;
  const env: JobEnv = {
    db,
    actor: getSettings(db).stewardName || '命令行',
    today: todayIso(),
    isCancelled: () => false,
    onProgress: (done, total) => {
      if (!process.stderr.isTTY || Date.now() - last < 200) return;
      last = Date.now();
      process.stderr.write(`\r${done}/${total}`);
    },
  };
  return { db, env, file };
}
