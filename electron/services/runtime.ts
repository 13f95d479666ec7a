import { createUpdateFlow, feedUrlOf, type UpdaterLike } from './updates/update-flow';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import type { AppInfo, DbStatus } from '../../shared/types/app';
import { buildAppInfo } from './app-info';
import type { StoreAccess } from './db/cipher';
import { openDatabase } from './db/connection';
import { fileKeyKeeper, KEY_FILE_NAME, keyFromEnv, storeKeyFor, type KeyKeeper } from './db/store-key';
import { databaseError } from './db/errors';
import { claimHolder, PROGRAM_NAMES } from './db/holder';
import { DB_FILE_NAME } from './paths';
import { buildHandlers, type HandlerContext } from './handlers';
import { createUploadStore } from './importers/uploads';
import { createSandboxControl } from './training/sandbox-control';
import { createBackupControl, type BackupControl } from './backup/control';
import { createJobManager, type JobManager, type WorkerLaunch } from './jobs/manager';
import { createLogger, type Logger } from './logger';
import { createDispatcher, type Dispatch } from './rpc/dispatch';
import { activeDatabase } from './sync/accounts';
import { finishBulkLoad } from './sync/bulk-load';
import { createSyncService, type SyncService } from './sync/service';
import { createWorkerRunner } from './sync/worker-runner';
import { createDashboardWorker } from './stats/dashboard-worker';
import { fileVault, type TokenVault } from './sync/session';
import type { PrintOptions } from './reports/html';

export interface RuntimeOptions {
  dataDir: string;
  version: string;
  shell: AppInfo['shell'];
  /** Defaults to the database last used in dataDir (one per signed-in user), first <dataDir>/ipf-desk.sqlite. */
  dbFile?: string;
  /** Where a database's sign-in tokens are kept: Electron's safeStorage in the app; by default a 0600 file beside it. */
  vaultFor?: (dbFile: string) => TokenVault;
  /** Sync on a timer while signed in (the app and the harness); off for the CLI and tests that drive sync themselves. */
  autoSync?: boolean;
  syncIntervalMs?: number;
  /** A daily backup of the working database while the runtime runs (the app and the harness), as its policy says. */
  autoBackup?: boolean;
  nativeBinding?: string;
  /**
   * Where the store's key is kept: Electron's safeStorage in the app; by default IPF_DB_KEY when
   * set, else <dataDir>/db.key (0600). Every database under dataDir uses this one key.
   */
  keyKeeper?: KeyKeeper;
  versions?: Record<string, string>;
  logEcho?: boolean;
  onSettingsChanged?: () => void;
  /** The window's menu and title follow the mode (培训模式 or the working data). */
  onModeChanged?: (sandbox: boolean) => void;
  /** How to start the background-job worker (TS source under tsx, or the Electron bundle). */
  worker: WorkerLaunch;
  /** The folder holding resources/ data (indicator sets, bank products, policies). */
  resourcesDir: string;
  /** 软件更新: electron-updater's autoUpdater in the packaged app (a fake in tests), and the update server's folder. */
  updater?: UpdaterLike;
  updateFeed?: string;
  /** A shell with a window: start the job workers and read the dashboard's facts ahead of the first use. */
  warm?: boolean;
  /** HTML → PDF, provided by the shell (Electron's printToPDF, or Chromium in the harness). */
  printPdf?: (html: string, opts?: PrintOptions) => Promise<Uint8Array>;
}

/**
 * How long the main connection waits for another process's write lock. Every call runs on
 * the main thread (Electron's main process, the harness's event loop), so a wait freezes
 * the window: better to answer DB_BUSY at once and let the user try again.
 */
export const MAIN_BUSY_TIMEOUT_MS = 200;

/** How long after the last call the dashboard's facts are refreshed in the background. */
const REWARM_AFTER_MS = 1500;
/**
 * The workers start this long after launch: each loads an 8 MB bundle, and on two cores they
 * held the first screen up by about a second. A job asked for sooner starts its worker at once.
 */
const WARM_AFTER_MS = 2500;
const UPDATE_FIRST_CHECK_MS = 60_000;
const UPDATE_CHECK_EVERY_MS = 6 * 3_600_000;

export interface Runtime {
  dispatch: Dispatch;
  logger: Logger;
  readonly db: Database | null;
  info: () => AppInfo;
  jobs: JobManager;
  sync: SyncService;
  backups: BackupControl;
  /** The database file in use now. */
  readonly dbFile: string;
  close(): Promise<void>;
}

/**
 * Everything a shell (Electron main, harness, CLI) needs, built the same way for each:
 * the log, the database and the dispatcher over the services. A database that cannot be
 * opened does not stop the runtime; the UI shows why instead of a blank window.
 */
export function createRuntime(options: RuntimeOptions): Runtime {
  // The data folder (made here on first start) is its owner's alone: the store, its key, its logs.
  try {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  } catch {
    // Opening the store says why the folder is unusable.
  }
  const logger = createLogger({ file: path.join(options.dataDir, 'logs', 'ipf-desk.log'), echo: options.logEcho });
  let dbFile = options.dbFile ?? activeDatabase(options.dataDir, path.join(options.dataDir, DB_FILE_NAME));
  const keeper = options.keyKeeper ?? keyFromEnv() ?? fileKeyKeeper(path.join(options.dataDir, KEY_FILE_NAME));
  /** Read (or made) at the first open, so a key put back after a "key lost" start is found by 重试. */
  let key: string | undefined;
  const access = (): StoreAccess => ({ nativeBinding: options.nativeBinding, key });
  // 培训模式: the sandbox database in place of the working one (training/sandbox-control.ts).
  const sandbox = createSandboxControl({
    dataDir: options.dataDir,
    access,
    current: () => dbFile,
    db: () => ctx.db,
    status: () => dbStatus,
    closeCurrent: () => closeCurrent(),
    openFile: (file) => openFile(file),
    onModeChanged: options.onModeChanged,
  });
  const backups = createBackupControl({
    dbFile: () => dbFile,
    jobs: () => jobs,
    recycleWorkers: () => jobs.recycle(),
    db: () => ctx.db,
    closeCurrent: () => closeCurrent(),
    openFile: (file) => openFile(file),
    sandboxActive: () => sandbox.active(),
    access,
    logger,
  });
  let rewarm: NodeJS.Timeout | null = null;
  let warmTimer: NodeJS.Timeout | null = null;
  /** The job workers started and 统计看板's facts read in the background, so neither waits when first used. */
  function warmSoon(delay: number) {
    if (!options.warm) return;
    if (warmTimer) clearTimeout(warmTimer);
    warmTimer = setTimeout(() => {
      warmTimer = null;
      jobs.warm();
      if (ctx.db) dashboards.warm(dbFile);
    }, delay);
    warmTimer.unref();
  }
  const jobs = createJobManager({ launch: options.worker, dbFile: () => dbFile, access, logger });
  const vaultFor = options.vaultFor ?? ((file: string) => fileVault(`${file}.session`));
  const syncWorker = createWorkerRunner({ launch: options.worker, access, logger });
  const dashboards = createDashboardWorker({ launch: options.worker, access, logger });
  const sync = createSyncService({
    runner: syncWorker.run,
    db: () => ctx.db,
    // A sandbox has no tokens: nothing it holds can reach the central service.
    vault: () => (ctx.db && !sandbox.active() ? vaultFor(dbFile) : null),
    logger,
    intervalMs: options.syncIntervalMs,
  });
  const ctx: HandlerContext = {
    db: null,
    info: () => info(),
    logger,
    onSettingsChanged: options.onSettingsChanged,
    reopenDatabase: () => open(),
    jobs: () => jobs,
    dashboards,
    uploads: createUploadStore(),
    resourcesDir: options.resourcesDir,
    printPdf: options.printPdf,
    sync: () => sync,
    dataDir: options.dataDir,
    defaultDbFile: path.join(options.dataDir, DB_FILE_NAME),
    dbFile: () => dbFile,
    vaultFor,
    useDatabase,
    training: sandbox,
    backups,
    updates: createUpdateFlow({
      updater: options.updater ?? null,
      feedUrl: feedUrlOf(options.updateFeed, logger),
      currentVersion: options.version,
      isSyncing: () => sync.syncing(),
      logger,
    }),
  };
  let dbStatus: DbStatus = { status: 'error', file: dbFile, code: 'DB_UNAVAILABLE', message: '' };
  let releaseHolder = () => {};

  /** Opens the store if it is not open yet; a failure is recorded, not thrown. */
  function open(): DbStatus {
    if (ctx.db) return dbStatus;
    try {
      if (!key) {
        key = storeKeyFor(keeper, options.dataDir);
        logger.info(`store key kept in ${keeper.where}`);
      }
      const opened = openDatabase({ file: dbFile, ...access(), busyTimeoutMs: MAIN_BUSY_TIMEOUT_MS });
      ctx.db = opened.db;
      if (opened.encryption) {
        logger.info(`plain database encrypted in place`, {
          backup: opened.encryption.backupFile,
          copies: opened.encryption.encryptedCopies,
        });
        for (const f of opened.encryption.failedCopies)
          logger.warn(`an older plain copy could not be encrypted and was left as it was: ${f.file}`, f.error);
      }
      // A first sync cut off by a crash left its indexes and counts to be put back.
      if (finishBulkLoad(opened.db)) logger.warn('an interrupted first sync: indexes and counts put back');
      // Lets the CLI refuse to write, and a busy message name us, while we hold the store.
      releaseHolder = claimHolder(dbFile, PROGRAM_NAMES[options.shell]);
      dbStatus = { status: 'ok', schemaVersion: opened.migration.to, file: dbFile, backupFile: opened.migration.backupFile };
      if (opened.migration.from !== opened.migration.to) {
        logger.info(`database migrated ${opened.migration.from} -> ${opened.migration.to}`, { backup: opened.migration.backupFile });
      }
    } catch (err) {
      const known = err instanceof AppError;
      (known ? logger.warn : logger.error)(`database ${dbFile} could not be opened`, err);
      dbStatus = {
        status: 'error',
        file: dbFile,
        code: known ? err.code : 'DB_UNAVAILABLE',
        message: known ? err.message : `无法打开本地数据库：${err instanceof Error ? err.message : String(err)}`,
      };
    }
    return dbStatus;
  }
  const info = () =>
    buildAppInfo({
      version: options.version,
      shell: options.shell,
      dataDir: options.dataDir,
      logFile: logger.file,
      db: dbStatus,
      sandbox: sandbox.active(),
      versions: options.versions,
    });

  /**
   * Closes this database and opens `file` (another user's): refused while a job runs on this
   * one; the sync running on it is waited for. Returns the new status (an error is shown, not thrown).
   */
  async function useDatabase(file: string): Promise<DbStatus> {
    if (sandbox.active()) throw new AppError('CONFLICT', '培训模式下不能切换用户：请先退出培训模式');
    return switchTo(file);
  }

  /**
   * Closes this database: refused while a job runs on it (before anything changes); the sync
   * running on it is waited for, and every worker's connection to it goes too.
   */
  async function closeCurrent(): Promise<void> {
    if (jobs.busy()) throw new AppError('CONFLICT', '有后台任务（导入、导出或估值）正在运行：请等它完成后再切换');
    if (rewarm) clearTimeout(rewarm);
    rewarm = null;
    // No worker may start on this file while it is being closed (openFile warms them again).
    if (warmTimer) clearTimeout(warmTimer);
    warmTimer = null;
    await sync.stop();
    // The sync worker and idle job workers keep a connection per file: ended, they hold nothing
    // that may be replaced (a restore swaps the file under the same name). New ones start on demand.
    await syncWorker.close();
    await jobs.recycle();
    // The dashboard worker's connection to this file goes with it (a file left behind may be deleted).
    await dashboards.close();
    if (ctx.db?.open) ctx.db.close();
    ctx.db = null;
    releaseHolder();
    releaseHolder = () => {};
  }

  /** Opens `file` once the previous one is closed; sync resumes unless it is the sandbox. */
  function openFile(file: string): DbStatus {
    dbFile = file;
    const status = open();
    warmSoon(0);
    if (options.autoSync && !sandbox.active()) sync.start();
    return status;
  }

  /** Closes this database and opens `file`. Returns the new status (an error is shown, not thrown). */
  async function switchTo(file: string): Promise<DbStatus> {
    if (file === dbFile && ctx.db) return dbStatus;
    await closeCurrent();
    return openFile(file);
  }

  open();
  warmSoon(WARM_AFTER_MS);
  if (options.autoSync) sync.start();
  // Checked a minute after start (not competing with the first screen) and then hourly.
  const daily = options.autoBackup ? setInterval(() => void backups.dailyIfDue(), 3_600_000) : null;
  daily?.unref();
  const firstDaily = options.autoBackup ? setTimeout(() => void backups.dailyIfDue(), 60_000) : null;
  firstDaily?.unref();
  // Checked a while after start and then every few hours; what is found waits for the user.
  const checkUpdates = () => void (sync.syncing() ? undefined : ctx.updates.check());
  const firstCheck = ctx.updates.view().phase === 'idle' ? setTimeout(checkUpdates, UPDATE_FIRST_CHECK_MS) : null;
  firstCheck?.unref();
  const updateChecks = firstCheck ? setInterval(checkUpdates, UPDATE_CHECK_EVERY_MS) : null;
  updateChecks?.unref();
  const answer = createDispatcher(buildHandlers(ctx), logger, (err) => databaseError(err, dbFile));
  // A shell with a window has the dashboard's facts read again soon after any call that may
  // have written (the sync status polls bring a sync's changes), so 统计看板 opens on fresh
  // facts rather than reading them while the user waits; unchanged data costs the worker a check.
  const dispatch: Dispatch = async (method, input) => {
    const result = await answer(method, input);
    if (options.warm && ctx.db && method !== 'dashboard' && method !== 'dashboardCentral') {
      if (rewarm) clearTimeout(rewarm);
      rewarm = setTimeout(() => {
        rewarm = null;
        if (ctx.db) dashboards.warm(dbFile);
      }, REWARM_AFTER_MS);
      rewarm.unref();
    }
    return result;
  };
  return {
    dispatch,
    logger,
    get db() {
      return ctx.db;
    },
    info,
    jobs,
    sync,
    backups,
    get dbFile() {
      return dbFile;
    },
    close: async () => {
      if (daily) clearInterval(daily);
      if (firstDaily) clearTimeout(firstDaily);
      if (firstCheck) clearTimeout(firstCheck);
      if (updateChecks) clearInterval(updateChecks);
      await sync.stop();
      await syncWorker.close();
      if (rewarm) clearTimeout(rewarm);
      if (warmTimer) clearTimeout(warmTimer);
      await dashboards.close();
      await jobs.close();
      if (ctx.db?.open) ctx.db.close();
      releaseHolder();
    },
  };
}
