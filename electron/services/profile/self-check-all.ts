/**
 * Every enterprise's self-check at once (the officer's district overview): the records read in
 * three queries — enterprises, granted items counted by kind, the profiles — and each
 * enterprise's verdict against the sets in force, tallied per set. A job splits the table into
 * rowid ranges, one per core (rowidParts), and adds the tallies up.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { qualificationsOf } from '../../../shared/domain/enterprise';
import type { District } from '../../../shared/domain/districts';
import { qualificationInputOf } from '../../../shared/domain/profile/qualification-input';
import { verdictOf } from '../../../shared/domain/qualification';
import type { SelfCheckTally } from '../../../shared/domain/qualification/tally';
import type { ProfileData } from '../../../shared/schemas/profile';
import { criteriaInForce } from '../qualification/load';
import { countsFor, grantedCountsOf } from './granted-counts';
import { getRecord } from '../sync/store';

interface Row {
  id: string;
  name: string;
  district: District;
  founded_on: string | null;
  employees: number | null;
  revenue_fen: number | null;
  rd_fen: number | null;
  qualifications: number;
}

export interface SelfCheckOptions {
  /**
   * This call's rows: rowid from `[0]` to `[1]` (null: to the end, so rows added meanwhile are
   * counted once, by the last part). The job fixes every part's range before any starts.
   */
  rowids?: [number, number | null];
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

/** How often a long pass looks at the cancel flag and says how far it got. */
const CHECK_EVERY = 250;

export function selfCheckAll(db: Database, resourcesDir: string, today: string, opts: SelfCheckOptions = {}): SelfCheckTally {
  const sets = criteriaInForce(resourcesDir, today);
  const from = opts.rowids?.[0] ?? Number.MIN_SAFE_INTEGER;
  const to = opts.rowids?.[1] ?? Number.MAX_SAFE_INTEGER;
  const counts = grantedCountsOf(db, { rowids: [from, to] });
  const profiled = new Set(
    db
      .prepare(
        'SELECT enterprise_id FROM enterprise_profiles WHERE enterprise_id IN (SELECT id FROM enterprises WHERE rowid BETWEEN ? AND ?)',
      )
      .pluck()
      .all(from, to) as string[],
  );
  const total = db.prepare('SELECT count(*) FROM enterprises WHERE rowid BETWEEN ? AND ?').pluck().get(from, to) as number;
  const tally = sets.map((s) => ({ id: s.id, title: s.title, pass: 0, fail: 0, unknown: 0 }));
  let n = 0;
  opts.onProgress?.(0, total);
  for (const e of db
    .prepare(
      'SELECT id, name, district, founded_on, employees, revenue_fen, rd_fen, qualifications FROM enterprises WHERE rowid BETWEEN ? AND ?',
    )
    .iterate(from, to) as IterableIterator<Row>) {
    if (++n % CHECK_EVERY === 0) {
      if (opts.isCancelled?.()) throw new AppError('CONFLICT', '自评已取消');
      opts.onProgress?.(n, total);
    }
    const profile = profiled.has(e.id)
      ? ((getRecord(db, 'enterprise_profile', e.id)?.data as Partial<ProfileData> | undefined) ?? null)
      : null;
    const input = qualificationInputOf(
      {
        name: e.name,
        district: e.district,
        foundedOn: e.founded_on,
        employees: e.employees,
        revenueFen: e.revenue_fen,
        rdFen: e.rd_fen,
        qualifications: qualificationsOf(e.qualifications),
      },
      profile,
      countsFor(counts, e.id),
      today,
    );
    for (let i = 0; i < sets.length; i++) tally[i]![verdictOf(sets[i]!, input, today)]++;
  }
  // A part too small to reach a check still honours a cancel that came while it ran.
  if (opts.isCancelled?.()) throw new AppError('CONFLICT', '自评已取消');
  opts.onProgress?.(n, total);
  return { enterprises: n, asOf: today, bySet: tally };
}

/**
 * The table cut into `parts` rowid ranges, read once before any part starts (parts that start
 * later must not see another table); the last is open-ended. Null for an empty table.
 */
export function rowidParts(db: Database, parts: number): [number, number | null][] | null {
  const { lo, hi } = db.prepare('SELECT min(rowid) AS lo, max(rowid) AS hi FROM enterprises').get() as {
    lo: number | null;
    hi: number | null;
  };
  if (lo === null || hi === null) return null;
  const size = Math.ceil((hi - lo + 1) / parts);
  const out: [number, number | null][] = [];
  for (let from = lo; from <= hi; from += size) out.push([from, from + size > hi ? null : from + size - 1]);
  return out;
}
