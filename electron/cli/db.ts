import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { todayIso } from '../../shared/domain/dates';
import { openDatabase } from '../services/db/connection';
import { DB_FILE_NAME, defaultDataDir } from '../services/paths';
import { getSettings } from '../services/settings';
import type { JobEnv } from '../services/jobs/run-job';

/** Opens --db (or the app's own database) and builds the job environment with progress on stderr. */
export function openForCli(options: Record<string, string | boolean | undefined>): { db: Database; env: JobEnv; file: string } {
  const file = path.resolve(typeof options.db === 'string' ? options.db : path.join(defaultDataDir(), DB_FILE_NAME));
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
