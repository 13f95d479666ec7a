import { AppError } from '../../../shared/errors';
import { describeHolders, otherHolders } from './holder';

/** better-sqlite3's SqliteError carries SQLite's extended result code as a string. */
function sqliteCode(err: unknown): string {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

export function isBusy(err: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(err));
}

/** DB_BUSY, naming the other programs that recorded themselves as holding `dbFile`. */
export function busyError(dbFile: string): AppError {
  const holders = otherHolders(dbFile);
  return new AppError(
    'DB_BUSY',
    holders.length > 0
      ? `数据库正被另一个程序使用：${describeHolders(holders)}。请稍后再试，或先关闭该程序。`
      : '数据库正被另一个程序使用（也可能是本程序的后台任务正在写入），请稍后再试。',
  );
}

/**
 * The failures of the database file itself (locked, damaged, read-only, disk full) as
 * AppErrors with a Chinese message; null for anything else, which is a bug of ours.
 */
export function databaseError(err: unknown, dbFile: string): AppError | null {
  const code = sqliteCode(err);
  if (isBusy(err)) return busyError(dbFile);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new AppError('DB_UNAVAILABLE', `数据库文件已损坏，或不是知融工作台的数据库：${dbFile}`);
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH')
    return new AppError('DB_UNAVAILABLE', `无法打开数据库文件（路径是文件夹、所在文件夹不可用或没有权限）：${dbFile}`);
  if (code.startsWith('SQLITE_READONLY')) return new AppError('DB_UNAVAILABLE', `数据库文件只读，无法写入：${dbFile}`);
  if (code === 'SQLITE_FULL') return new AppError('DB_UNAVAILABLE', `磁盘已满，数据未能写入：${dbFile}`);
  if (code.startsWith('SQLITE_IOERR')) return new AppError('DB_UNAVAILABLE', `读写数据库文件时出错（磁盘或网络盘故障）：${dbFile}`);
  return null;
}
