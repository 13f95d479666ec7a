import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { identify } from '../../shared/validators/identify';
import type { AppInfo, DbStatus } from '../../shared/types';
import type { Logger } from './logger';
import type { Handlers } from './rpc/dispatch';
import { getSettings, updateSettings } from './settings';

export interface HandlerContext {
  /** Null when the database could not be opened; calls that need it then fail cleanly. */
  db: Database | null;
  info: () => AppInfo;
  logger: Logger;
  onSettingsChanged?: () => void;
  /** Tries again to open the store after a failure (e.g. a file lock released). */
  reopenDatabase: () => DbStatus;
}

function needDb(ctx: HandlerContext): Database {
  if (!ctx.db) throw new AppError('DB_UNAVAILABLE', '本地数据库未能打开，无法完成此操作。');
  return ctx.db;
}

/** Maps every contract call to the service that answers it. */
export function buildHandlers(ctx: HandlerContext): Handlers {
  return {
    appInfo: () => ctx.info(),
    databaseRetry: () => ctx.reopenDatabase(),
    idCheck: ({ value }) => identify(value),
    settingsGet: () => getSettings(needDb(ctx)),
    settingsUpdate: (patch) => {
      const settings = updateSettings(needDb(ctx), patch);
      ctx.onSettingsChanged?.();
      return settings;
    },
    reportRendererError: ({ message, stack }) => {
      ctx.logger.error(`renderer: ${message}`, stack);
      return { logged: true, logFile: ctx.logger.file };
    },
  };
}
