/**
 * Issue 14's self-check target: every enterprise of a 100,000-enterprise database checked
 * against every qualification set in force (under 10 s), against reading the same rows (the
 * enterprises, the granted items counted by kind) with better-sqlite3 in the same run.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/services/db/connection';
import { DEV_RESOURCES_DIR } from '../electron/services/jobs/tsx-launch';
import { selfCheckAll } from '../electron/services/profile/self-check-all';
import { districtDb } from './district-scale';
import type { Figure } from './stats';

const TODAY = '2026-11-22';

export async function benchQualify(): Promise<Figure[]> {
  const { db } = openDatabase({ file: districtDb() });
  try {
    const t0 = performance.now();
    const rows = db.prepare('SELECT id, name, district, founded_on, employees, revenue_fen, rd_fen, qualifications FROM enterprises').all();
    db.prepare("SELECT enterprise_id, kind, count(*) FROM ip_assets WHERE legal_status = 'granted' GROUP BY enterprise_id, kind").all();
    const baseline = performance.now() - t0;
    const t1 = performance.now();
    const tally = selfCheckAll(db, DEV_RESOURCES_DIR, TODAY);
    const value = performance.now() - t1;
    const passes = tally.bySet.map((s) => `${s.id} ${s.pass}/${s.fail}/${s.unknown}`).join(', ');
    return [
      {
        name: `self-check of every enterprise (${tally.enterprises.toLocaleString('en')} × ${tally.bySet.length} sets, ms)`,
        unit: 'ms',
        value,
        baseline,
        note: `target < 10000 ms; baseline: reading the ${rows.length.toLocaleString('en')} rows and item counts; pass/fail/unknown: ${passes}`,
      },
    ];
  } finally {
    db.close();
  }
}
