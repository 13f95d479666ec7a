import path from 'node:path';
import { openDatabase } from '../../electron/services/db/connection';
import { generateDemo } from '../../electron/services/demo/generate';
import { DEV_RESOURCES_DIR } from '../../electron/services/jobs/tsx-launch';
import { openSession, type E2eSession } from './session';

/** A session whose database holds the demo (fictitious enterprises, cases at every stage, loans after them) as of today. */
export function openDemoSession(enterprises: number, seed = 7): Promise<E2eSession> {
  const today = new Date().toISOString().slice(0, 10);
  return openSession({
    prepare: (dir) => {
      const db = openDatabase({ file: path.join(dir, 'ipf-desk.sqlite') }).db;
      generateDemo(db, {
        enterprises,
        today,
        ctx: { actor: '演示', now: `${today}T00:00:00.000Z` },
        seed,
        resourcesDir: DEV_RESOURCES_DIR,
      });
      db.close();
    },
  });
}
