/**
 * The dashboard's facts are read once and kept while the data stands still, and read again as
 * soon as anything is written: on this connection, or committed by another (the sync worker).
 * Through the runtime, a view is answered by the dashboard's worker thread with the same figures.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsFilter } from '../../../shared/schemas/stats';
import { seedStatsFixture } from '../../../test/support/stats-fixture';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime } from '../runtime';
import { dashboard } from './dashboard';
import { dashboardFacts } from './facts';

const tmp = tempDir();
const file = path.join(tmp.dir, 'facts.sqlite');
beforeAll(() => {
  const { db } = openDatabase({ file });
  seedStatsFixture(db);
  db.close();
});
afterAll(() => tmp.cleanup());

const Y2026 = statsFilter.parse({ from: '2026-01-01', to: '2026-12-31' });
const cancelOne =
  "UPDATE pledges SET status = 'draft' WHERE case_id = (SELECT case_id FROM pledges WHERE reg_date LIKE '2026-%' AND status = 'registered' LIMIT 1)";

describe('the dashboard facts', () => {
  it('are kept while nothing changes and read again after a write on this connection', () => {
    const { db } = openDatabase({ file });
    const first = dashboardFacts(db);
    expect(dashboardFacts(db)).toBe(first);
    const before = dashboard(db, Y2026, 'now').registrations.total.count;
    db.exec('BEGIN');
    db.exec(cancelOne);
    expect(dashboardFacts(db)).not.toBe(first);
    expect(dashboard(db, Y2026, 'now').registrations.total.count).toBe(before - 1);
    db.exec('ROLLBACK');
    expect(dashboard(db, Y2026, 'now').registrations.total.count).toBe(before);
    db.close();
  });

  it('are read again after another connection commits', () => {
    const { db } = openDatabase({ file });
    const before = dashboard(db, Y2026, 'now').registrations.total.count;
    const kept = dashboardFacts(db);
    const other = new BetterSqlite3(file);
    other.exec(cancelOne);
    other.close();
    expect(dashboardFacts(db)).not.toBe(kept);
    expect(dashboard(db, Y2026, 'now').registrations.total.count).toBe(before - 1);
    db.close();
  });

  it('answer the runtime’s dashboard call from the worker thread, equal to the figures read here', async () => {
    const rt = createRuntime({
      dataDir: tmp.dir,
      dbFile: file,
      version: 't',
      shell: 'harness',
      worker: TSX_WORKER,
      resourcesDir: DEV_RESOURCES_DIR,
    });
    try {
      const view = async () => {
        const r = (await rt.dispatch('dashboard', { from: '2025-01-01', to: '2026-12-31' })) as {
          ok: boolean;
          value: ReturnType<typeof dashboard>;
        };
        expect(r.ok).toBe(true);
        return r.value;
      };
      const fromWorker = await view();
      const here = dashboard(rt.db!, statsFilter.parse({ from: '2025-01-01', to: '2026-12-31' }), fromWorker.asOf);
      expect(fromWorker).toEqual(JSON.parse(JSON.stringify(here)));
      // A write on the main connection is seen by the worker's next view.
      rt.db!.exec(cancelOne);
      const after = await view();
      expect(after.registrations.total.count).toBe(fromWorker.registrations.total.count - 1);
    } finally {
      await rt.close();
    }
  }, 60_000);
});
