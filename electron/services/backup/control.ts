/**
 * 备份与恢复 in the runtime: backups of the working database made now or daily, restored only
 * after the backup is read and found whole, with the current data first kept as a backup of its
 * own. The file is swapped while the database is closed (copied beside it, then renamed over
 * it), so a crash leaves either the old data or the restored data, never a mixture.
 */
import { moveIntoPlace } from '../durable-file';
import fs from 'node:fs';
import type { StoreAccess } from '../db/cipher';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { DbStatus } from '../../../shared/types/app';
import type { BackupEntry, BackupInfo, BackupPolicy, BackupReason, BackupsView } from '../../../shared/types/backup';
import type { Logger } from '../logger';
import type { JobManager } from '../jobs/manager';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { readState } from '../sync/state';
import { backupFolder, backupPath, dailyDue, listBackupFiles, readPolicy, writePolicy } from './files';
import { inspectBackup } from './inspect';

export interface BackupDeps {
  dbFile(): string;
  /** Backups are written by a job worker: a large database takes seconds to copy. */
  jobs(): JobManager;
  db(): Database | null;
  /** Closes the open database (throws, changing nothing, while a job runs). */
  closeCurrent(): Promise<void>;
  /** Ends the idle job workers and their connections to the database. */
  recycleWorkers(): Promise<void>;
  openFile(file: string): DbStatus;
  sandboxActive(): boolean;
  access: () => StoreAccess;
  logger: Logger;
  now?: () => Date;
}

export type BackupControl = ReturnType<typeof createBackupControl>;

/** The largest backup exported through the window (base64 text over IPC). */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

const IN_SANDBOX = '培训模式下不能备份或恢复正式数据：请先退出培训模式';

function accountOf(db: Database): string | null {
  const user = readState(db, 'user');
  return user ? ((JSON.parse(user) as { name?: string }).name ?? null) : null;
}

/** `source` copied whole over `file` (closed): beside it first, then one rename. */
function replaceFile(source: string, file: string): void {
  const tmp = `${file}.${process.pid}.restore`;
  fs.copyFileSync(source, tmp);
  for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  moveIntoPlace(tmp, file);
}

export function createBackupControl(d: BackupDeps) {
  const now = d.now ?? (() => new Date());
  const folder = () => backupFolder(d.dbFile());
  /** While a restore runs: no other backup starts, none is listed half-made. */
  let restoring = false;
  const guard = () => {
    if (d.sandboxActive()) throw new AppError('CONFLICT', IN_SANDBOX);
    if (restoring) throw new AppError('CONFLICT', '正在恢复备份，请稍候');
  };
  const working = (): Database => {
    guard();
    const db = d.db();
    if (!db) throw new AppError('DB_UNAVAILABLE', '本地数据库未能打开，无法备份');
    return db;
  };
  const startJob = (reason: BackupReason, spare: string[] = []): JobStatusView =>
    d.jobs().start({ type: 'backup', dir: folder(), reason, keep: readPolicy(folder()).keep, spare }, { actor: 'backup', today: '' });
  /** A backup made and waited for (before a restore, and the daily one). */
  const make = async (reason: BackupReason, spare: string[] = []): Promise<BackupEntry> => {
    const final = await d.jobs().wait(startJob(reason, spare).id);
    if (final.state !== 'done')
      throw new AppError((final.error?.code as ErrorCode | undefined) ?? 'INTERNAL', `备份未完成：${final.error?.message ?? final.state}`);
    return jobResult<BackupEntry>(final)!;
  };
  const inspect = (name: string): BackupInfo => {
    guard();
    const dir = folder();
    return inspectBackup(
      backupPath(dir, name),
      listBackupFiles(dir).find((e) => e.name === name)!,
      d.access(),
    );
  };

  /**
   * The working data replaced by backup `name`. Order: read the backup; close the database (sync
   * stopped, every worker's connection ended; refused, changing nothing, while a job runs); keep
   * the current data as a backup (the source spared by pruning); swap the file; reopen. A
   * failure after the close reopens the data as it was.
   */
  async function restore(name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupEntry; db: DbStatus }> {
    const db = working();
    const info = inspect(name);
    // A backup of another account (or server) would hand this user records outside their scope.
    const [account, server] = [accountOf(db), readState(db, 'server')];
    if (info.account && account && info.account !== account)
      throw new AppError('CONFLICT', `此备份属于账号“${info.account}”，当前登录的是“${account}”：不能恢复到本账号`);
    if (info.server && server && info.server !== server)
      throw new AppError('CONFLICT', `此备份同步自另一个中心服务（${info.server}）：不能恢复到本机当前的账号`);
    const file = d.dbFile();
    const source = backupPath(folder(), name);
    restoring = true;
    try {
      await d.closeCurrent();
      let safetyCopy: BackupEntry;
      try {
        safetyCopy = await make('before-restore', [name]);
        // The copy's worker held the file open: ended before the file is replaced.
        await d.recycleWorkers();
        replaceFile(source, file);
      } catch (err) {
        d.openFile(file);
        const known = err instanceof AppError ? err : null;
        throw new AppError(known?.code ?? 'INTERNAL', `恢复未完成，当前数据未改动：${err instanceof Error ? err.message : String(err)}`);
      }
      const status = d.openFile(file);
      if (status.status !== 'ok') {
        // The restored file would not open: the data as it was before, from the copy just made.
        await d.closeCurrent();
        replaceFile(backupPath(folder(), safetyCopy.name), file);
        d.openFile(file);
        throw new AppError('INVALID_INPUT', '备份无法打开，已恢复为恢复前的数据');
      }
      // Its unsent changes keep their numbers: those the service already has are answered by their
      // own receipts; a number the service holds for another change makes the engine move to a new
      // device identity (engine.ts), so nothing is applied twice or answered by another's receipt.
      d.logger.info(`database restored from backup ${name}`, { safetyCopy: safetyCopy.name });
      return { restored: info, safetyCopy, db: status };
    } finally {
      restoring = false;
    }
  }

  return {
    view(): BackupsView {
      guard();
      return { folder: folder(), policy: readPolicy(folder()), backups: listBackupFiles(folder()) };
    },
    /** A backup now, as a job the screen follows. */
    create: () => (working(), startJob('manual')),
    inspect,
    savePolicy: (p: BackupPolicy) => (guard(), writePolicy(folder(), p)),
    /** The backup's bytes, for saving where the user chooses. */
    read(name: string): { fileName: string; bytes: Buffer } {
      guard();
      const file = backupPath(folder(), name);
      const size = fs.statSync(file).size;
      // Sent to the window as text, a file this large would exhaust its memory: copied by hand instead.
      if (size > MAX_EXPORT_BYTES)
        throw new AppError(
          'CONFLICT',
          `备份文件较大（${Math.round(size / 1024 / 1024)} MB），请直接从备份文件夹复制：${folder()}${path.sep}${name}`,
        );
      return { fileName: `知融工作台备份-${name}`, bytes: fs.readFileSync(file) };
    },
    /** Once a day while the app runs (when the policy says so); a failure is logged, never thrown. */
    async dailyIfDue(): Promise<BackupEntry | null> {
      try {
        if (restoring || d.sandboxActive() || !d.db() || !readPolicy(folder()).daily || !dailyDue(folder(), now())) return null;
        return await make('daily');
      } catch (err) {
        d.logger.warn('daily backup failed', err);
        return null;
      }
    },
    restore,
  };
}
