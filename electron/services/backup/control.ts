/**
 * 备份与恢复 in the runtime: backups of the working database made now or daily, restored only
 * after the backup is read and found whole, with the current data first kept as a backup of its
 * own. The file is swapped while the database is closed (copied beside it, then renamed over
 * it), so a crash leaves either the old data or the restored data, never a mixture.
 */
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { DbStatus } from '../../../shared/types/app';
import type { BackupEntry, BackupInfo, BackupPolicy, BackupReason, BackupsView } from '../../../shared/types/backup';
import type { Logger } from '../logger';
import type { JobManager } from '../jobs/manager';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { rotateDevice } from '../sync/device';
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
  openFile(file: string): DbStatus;
  sandboxActive(): boolean;
  nativeBinding?: string;
  logger: Logger;
  now?: () => Date;
}

export type BackupControl = ReturnType<typeof createBackupControl>;

const IN_SANDBOX = '培训模式下不能备份或恢复正式数据：请先退出培训模式';

function accountOf(db: Database): string | null {
  const user = readState(db, 'user');
  return user ? ((JSON.parse(user) as { name?: string }).name ?? null) : null;
}

/** `source` copied whole over `file` (closed): beside it first, then one rename. */
function replaceFile(source: string, file: string): void {
  const tmp = `${file}.${process.pid}.restore`;
  fs.copyFileSync(source, tmp);
  const fd = fs.openSync(tmp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, file);
}

export function createBackupControl(d: BackupDeps) {
  const now = d.now ?? (() => new Date());
  const folder = () => backupFolder(d.dbFile());
  const working = (): Database => {
    if (d.sandboxActive()) throw new AppError('CONFLICT', IN_SANDBOX);
    const db = d.db();
    if (!db) throw new AppError('DB_UNAVAILABLE', '本地数据库未能打开，无法备份');
    return db;
  };
  const start = (reason: BackupReason): JobStatusView => {
    working();
    return d.jobs().start({ type: 'backup', dir: folder(), reason, keep: readPolicy(folder()).keep }, { actor: 'backup', today: '' });
  };
  /** A backup made and waited for (before a restore, and the daily one). */
  const make = async (reason: BackupReason): Promise<BackupEntry> => {
    const final = await d.jobs().wait(start(reason).id);
    if (final.state !== 'done')
      throw new AppError((final.error?.code as ErrorCode | undefined) ?? 'INTERNAL', `备份未完成：${final.error?.message ?? final.state}`);
    return jobResult<BackupEntry>(final)!;
  };
  const inspect = (name: string): BackupInfo => {
    const dir = folder();
    const file = backupPath(dir, name);
    return inspectBackup(
      file,
      listBackupFiles(dir).find((e) => e.name === name)!,
      d.nativeBinding,
    );
  };

  return {
    view(): BackupsView {
      if (d.sandboxActive()) throw new AppError('CONFLICT', IN_SANDBOX);
      return { folder: folder(), policy: readPolicy(folder()), backups: listBackupFiles(folder()) };
    },
    /** A backup now, as a job the screen follows. */
    create: () => start('manual'),
    inspect,
    savePolicy: (p: BackupPolicy) => writePolicy(folder(), p),
    /** The backup's bytes, for saving where the user chooses. */
    read(name: string): { fileName: string; bytes: Buffer } {
      if (d.sandboxActive()) throw new AppError('CONFLICT', IN_SANDBOX);
      const file = backupPath(folder(), name);
      return { fileName: `知融工作台备份-${name}`, bytes: fs.readFileSync(file) };
    },
    /** Once a day while the app runs (when the policy says so); a failure is logged, never thrown. */
    async dailyIfDue(): Promise<BackupEntry | null> {
      try {
        if (d.sandboxActive() || !d.db() || !readPolicy(folder()).daily || !dailyDue(folder(), now())) return null;
        return await make('daily');
      } catch (err) {
        d.logger.warn('daily backup failed', err);
        return null;
      }
    },
    async restore(name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupEntry; db: DbStatus }> {
      const db = working();
      const info = inspect(name);
      // A backup of another account would hand this user records outside their scope.
      const current = accountOf(db);
      if (info.account && current && info.account !== current)
        throw new AppError('CONFLICT', `此备份属于账号“${info.account}”，当前登录的是“${current}”：不能恢复到本账号`);
      const source = backupPath(folder(), name);
      const safetyCopy = await make('before-restore');
      const file = d.dbFile();
      await d.closeCurrent();
      try {
        replaceFile(source, file);
      } catch (err) {
        d.openFile(file);
        throw new AppError('INTERNAL', `恢复未完成，当前数据未改动：${err instanceof Error ? err.message : String(err)}`);
      }
      const status = d.openFile(file);
      if (status.status !== 'ok') {
        // The restored file would not open: the data as it was before, from the copy just made.
        await d.closeCurrent();
        replaceFile(backupPath(folder(), safetyCopy.name), file);
        d.openFile(file);
        throw new AppError('INVALID_INPUT', '备份无法打开，已恢复为恢复前的数据');
      }
      // The service has seen this device's later changes: the restored copy's go under a new identity.
      const restored = d.db();
      if (restored) rotateDevice(restored);
      d.logger.info(`database restored from backup ${name}`, { safetyCopy: safetyCopy.name });
      return { restored: info, safetyCopy, db: status };
    },
  };
}
