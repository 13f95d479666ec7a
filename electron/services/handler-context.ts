import type { UpdateFlow } from './updates/update-flow';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import type { AppInfo, DbStatus } from '../../shared/types/app';
import type { UploadStore } from './importers/uploads';
import type { JobManager } from './jobs/manager';
import type { DashboardWorker } from './stats/dashboard-worker';
import type { Logger } from './logger';
import type { SyncService } from './sync/service';
import type { TokenVault } from './sync/session';
import { getSettings } from './settings';
import type { PrintOptions } from './reports/html';
import type { BackupControl } from './backup/control';

export interface HandlerContext {
  /** Null when the database could not be opened; calls that need it then fail cleanly. */
  db: Database | null;
  info: () => AppInfo;
  logger: Logger;
  onSettingsChanged?: () => void;
  /** Tries again to open the store after a failure (e.g. a file lock released). */
  reopenDatabase: () => DbStatus;
  jobs: () => JobManager;
  /** 统计看板's own worker thread (stats/dashboard-worker.ts). */
  dashboards: DashboardWorker;
  uploads: UploadStore;
  resourcesDir: string;
  printPdf?: (html: string, opts?: PrintOptions) => Promise<Uint8Array>;
  sync: () => SyncService;
  dataDir: string;
  /** The database a user who never signed in works in (the first to sign in takes it). */
  defaultDbFile: string;
  dbFile: () => string;
  vaultFor: (dbFile: string) => TokenVault;
  /** Closes this database and opens another (another user's). */
  useDatabase: (file: string) => Promise<DbStatus>;
  /** 培训模式: the sandbox database in place of the working one. */
  training: SandboxControl;
  /** 备份与恢复 of the working database. */
  backups: BackupControl;
  /** 软件更新 (off in a shell without an updater or an update server). */
  updates: UpdateFlow;
}

export interface SandboxControl {
  active(): boolean;
  /** Opens the sandbox (created empty the first time); the working database is closed, untouched. */
  enter(): Promise<DbStatus>;
  /** Back to the working database exactly as it was left. */
  leave(): Promise<DbStatus>;
  /** Replaces the sandbox with a copy of `source` (a closed, whole database file) and reopens it. */
  replace(source: string): Promise<DbStatus>;
  /** Opens a scratch database (migrated) to build a sandbox file in. */
  openFile(file: string): Database;
}

export function needDb(ctx: HandlerContext): Database {
  if (ctx.db) return ctx.db;
  // A store another program holds is worth naming: the user can close it and retry.
  const status = ctx.info().db;
  if (status.status === 'error' && status.code === 'DB_BUSY') throw new AppError('DB_BUSY', status.message);
  throw new AppError('DB_UNAVAILABLE', '本地数据库未能打开，无法完成此操作。');
}

/** Who is writing (the steward name from settings) and when. */
export function writer(db: Database) {
  return { actor: getSettings(db).stewardName || '本机用户', now: new Date().toISOString() };
}
