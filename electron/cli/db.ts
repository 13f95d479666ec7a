import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { todayIso } from '../../shared/domain/dates';
import { openDatabase } from '../services/db/connection';
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

/** Opens --db (or the app's own database) and builds the job environment with progress on stderr. */
export function openForCli(options: Record<string, string | boolean | undefined>): { db: Database; env: JobEnv; file: string } {
  const file = cliDbFile(options);
  const { db } = openDatabase({ file });
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
