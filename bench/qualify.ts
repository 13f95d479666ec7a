/**
 * Issue 14's self-check target: every enterprise of a 100,000-enterprise database checked
 * against every qualification set in force (under 10 s) — as the app runs it, a job split
 * across the worker pool — against reading the same rows (the enterprises, the granted items
 * counted by kind) with better-sqlite3 in the same run. The same check in one thread is shown
 * too, for what the split buys.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SelfCheckTally } from '../shared/domain/qualification/tally';
import { jobResult } from '../shared/types/jobs';
import { openDatabase } from '../electron/services/db/connection';
import { createJobManager } from '../electron/services/jobs/manager';
import { createLogger } from '../electron/services/logger';
import { rowidParts, selfCheckAll } from '../electron/services/profile/self-check-all';
import { districtDb } from './district-scale';
import type { Figure } from './stats';

const TODAY = '2026-11-22';
const RESOURCES = path.resolve(import.meta.dirname, '../resources');

const passes = (t: SelfCheckTally) => t.bySet.map((s) => `${s.id} ${s.pass}/${s.fail}/${s.unknown}`).join(', ');

export async function benchQualify(): Promise<Figure[]> {
  const file = districtDb();
  const { db } = openDatabase({ file });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-qualify-'));
  // The worker as the app ships it (bundled), started and warmed as at launch.
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: path.resolve(import.meta.dirname, '..') });
  const jobs = createJobManager({
    launch: { file: path.resolve(import.meta.dirname, '../dist/electron/job-worker.cjs') },
    dbFile: file,
    logger: createLogger({ file: path.join(dir, 'log.txt') }),
  });
  try {
    jobs.warm();
    await new Promise((r) => setTimeout(r, 1500));
    const read = () => {
      const t0 = performance.now();
      const rows = db
        .prepare('SELECT id, name, district, founded_on, employees, revenue_fen, rd_fen, qualifications FROM enterprises')
        .all();
      db.prepare("SELECT enterprise_id, kind, count(*) FROM ip_assets WHERE legal_status = 'granted' GROUP BY enterprise_id, kind").all();
      return { rows, ms: performance.now() - t0 };
    };
    // Twice: the first read brings the file into the page cache (the job then finds it there too).
    read();
    const { rows, ms: baseline } = read();

    const t1 = performance.now();
    // As the app's call does: the parts' ranges cut on the main connection, then the job.
    const parts = rowidParts(db, jobs.cores()) ?? undefined;
    const final = await jobs.wait(jobs.start({ type: 'self-check', resourcesDir: RESOURCES, parts }, { actor: 'bench', today: TODAY }).id);
    const job = performance.now() - t1;
    if (final.state !== 'done') throw new Error(`self-check job ${final.state}: ${final.error?.message}`);
    const tally = jobResult<SelfCheckTally>(final)!;

    const t2 = performance.now();
    const single = selfCheckAll(db, RESOURCES, TODAY);
    const inThread = performance.now() - t2;
    if (passes(single) !== passes(tally)) throw new Error(`split and single-thread tallies differ: ${passes(tally)} vs ${passes(single)}`);

    const what = `${tally.enterprises.toLocaleString('en')} × ${tally.bySet.length} sets`;
    const base = `baseline: reading the ${rows.length.toLocaleString('en')} rows and item counts`;
    return [
      {
        name: `self-check of every enterprise, job on ${os.availableParallelism()} workers (${what}, ms)`,
        unit: 'ms',
        value: job,
        baseline,
        note: `target < 10000 ms; ${base}; pass/fail/unknown: ${passes(tally)}`,
      },
      { name: `self-check of every enterprise in one thread (${what}, ms)`, unit: 'ms', value: inThread, baseline, note: base },
    ];
  } finally {
    await jobs.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
