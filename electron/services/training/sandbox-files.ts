/**
 * Where the trainer's sandbox lives: a database of its own under <data>/training/, never the
 * working one, with the dataset as loaded (for reset) and the named snapshots beside it. A
 * sandbox database is marked as one in its own state, so whatever opens it refuses to sync it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { readState, writeState } from '../sync/state';

const SANDBOX_KEY = 'sandbox';

export const trainingDir = (dataDir: string) => path.join(dataDir, 'training');
export const sandboxFile = (dataDir: string) => path.join(trainingDir(dataDir), 'sandbox.sqlite');
/** The dataset as last loaded, per dataset version: what 重置 copies back (an update's new dataset is built afresh). */
export const baselineFile = (dataDir: string, version: string) =>
  path.join(trainingDir(dataDir), `dataset-${version.replace(/[^\w.-]/g, '_')}.sqlite`);
export const snapshotsDir = (dataDir: string) => path.join(trainingDir(dataDir), 'snapshots');

export const isSandbox = (db: Database) => readState(db, SANDBOX_KEY) === '1';
export const markSandbox = (db: Database) => writeState(db, SANDBOX_KEY, '1');

export const WORKSHOPS_NOT_IN_SANDBOX = '培训记录保存在正式数据中：请先退出培训模式，再查看、登记或导出';

export const NO_SYNC_IN_SANDBOX = '培训模式（沙盒）的数据不会同步，也不连接中心服务：请先退出培训模式';

/** The one refusal every path to the central service gives a sandbox database. */
export function refuseSandbox(db: Database): void {
  if (isSandbox(db)) throw new AppError('CONFLICT', NO_SYNC_IN_SANDBOX);
}

/** Removes a database file with its WAL and shared-memory files. */
export function removeDatabaseFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** A snapshot's name as typed, checked: it becomes a file name. */
export function snapshotPath(dataDir: string, name: string): string {
  const n = name.trim();
  if (!n) throw new AppError('INVALID_INPUT', '请填写快照名称', [{ path: 'name', message: '请填写快照名称' }]);
  const control = [...n].some((c) => c.charCodeAt(0) < 0x20);
  // Windows keeps these names for devices, whatever follows the dot.
  const reserved = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i.test(n);
  if (n.length > 40 || control || reserved || /[\\/:*?"<>|]/.test(n) || n.startsWith('.') || n.endsWith('.'))
    throw new AppError('INVALID_INPUT', '快照名称不超过 40 个字，不能含 \\ / : * ? " < > | 等符号，也不能是 CON、NUL、COM1 等系统保留名', [
      { path: 'name', message: '名称含不允许的符号或过长' },
    ]);
  return path.join(snapshotsDir(dataDir), `${n}.sqlite`);
}
