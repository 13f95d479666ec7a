/**
 * What a backup holds, read from the file itself, read-only, before it may replace anything: a
 * damaged file, another program's database, a newer schema or the training sandbox is refused
 * with the reason, and the working data is not touched.
 */
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { StoreAccess } from '../db/cipher';
import { AppError } from '../../../shared/errors';
import type { BackupEntry, BackupInfo } from '../../../shared/types/backup';
import { applyKey, fileKind } from '../db/cipher';
import { MIGRATIONS } from '../db/migrations';

const DAMAGED = '备份文件已损坏或不完整，不能用于恢复（当前数据未作任何改动）';
const FOREIGN =
  '备份文件已加密，但本机的密钥无法打开它：它可能来自另一台电脑或另一次安装（用不同的密钥加密），也可能已损坏。当前数据未作任何改动。';

export function inspectBackup(file: string, entry: BackupEntry, access: StoreAccess = {}): BackupInfo {
  let db: BetterSqlite3.Database;
  // A backup made before encryption at rest is plain; it is encrypted once restored.
  const kind = fileKind(file);
  const keyed = access.key && kind !== 'plain' ? access.key : undefined;
  try {
    db = new BetterSqlite3(file, {
      readonly: true,
      fileMustExist: true,
      ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}),
    });
  } catch {
    throw new AppError('INVALID_INPUT', DAMAGED);
  }
  try {
    if (keyed) applyKey(db, keyed);
    else if (kind === 'encrypted') throw new AppError('INVALID_INPUT', FOREIGN);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('INVALID_INPUT', DAMAGED);
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!['enterprises', 'ip_assets', 'settings'].every((t) => tables.has(t)))
      throw new AppError('INVALID_INPUT', '这不是本应用的数据库备份，不能用于恢复（当前数据未作任何改动）');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > MIGRATIONS.length)
      throw new AppError('INVALID_INPUT', `备份来自更新版本的应用（数据结构 ${schemaVersion}），请先升级应用再恢复`);
    const state = (key: string) =>
      tables.has('sync_state')
        ? ((db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null)
        : null;
    if (state('sandbox') !== null) throw new AppError('INVALID_INPUT', '这是培训沙盒的数据，不能恢复为正式数据');
    const count = (table: string) => (tables.has(table) ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0);
    const user = state('user');
    return {
      ...entry,
      schemaVersion,
      enterprises: count('enterprises'),
      ipAssets: count('ip_assets'),
      cases: count('cases'),
      account: user ? ((JSON.parse(user) as { name?: string }).name ?? null) : null,
      server: state('server'),
      unsent: count('outbox'),
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID_INPUT', keyed && (err as { code?: string }).code === 'SQLITE_NOTADB' ? FOREIGN : DAMAGED);
  } finally {
    db.close();
  }
}
