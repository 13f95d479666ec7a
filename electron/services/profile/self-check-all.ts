/**
 * Every enterprise's self-check at once (the officer's district overview): the records read in
 * three queries — enterprises, granted items counted by kind, the profiles — and each
 * enterprise's verdict against the sets in force, tallied per set. A job splits the table into
 * rowid ranges, one per core (`part` of `parts`), and adds the tallies up.
 */
import type { Database } from 'better-sqlite3';
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
  /** This call's share of the table: part `part` (from 0) of `parts` rowid ranges. */
  part?: number;
  parts?: number;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

/** The rowid range of part `part` of `parts`, evenly by rowid. */
function rangeOf(db: Database, part: number, parts: number): [number, number] {
  const { lo, hi } = db.prepare('SELECT min(rowid) AS lo, max(rowid) AS hi FROM enterprises').get() as {
    lo: number | null;
    hi: number | null;
  };
  if (lo === null || hi === null) return [1, 0];
  const size = Math.ceil((hi - lo + 1) / parts);
  return [lo + part * size, Math.min(hi, lo + (part + 1) * size - 1)];
}

export function selfCheckAll(db: Database, resourcesDir: string, today: string, opts: SelfCheckOptions = {}): SelfCheckTally {
  const sets = criteriaInForce(resourcesDir, today);
  const [from, to] = rangeOf(db, opts.part ?? 0, opts.parts ?? 1);
  const counts = grantedCountsOf(db, { rowids: [from, to] });
  const profiled = new Set(
    db
      .prepare(
        'SELECT enterprise_id FROM enterprise_profiles WHERE enterprise_id IN (SELECT id FROM enterprises WHERE rowid BETWEEN ? AND ?)',
      )
      .pluck()
      .all(from, to) as string[],
  );
  const total =
    to >= from ? (db.prepare('SELECT count(*) FROM enterprises WHERE rowid BETWEEN ? AND ?').pluck().get(from, to) as number) : 0;
  const tally = sets.map((s) => ({ id: s.id, title: s.title, pass: 0, fail: 0, unknown: 0 }));
  let n = 0;
  opts.onProgress?.(0, total);
  for (const e of db
    .prepare(
      'SELECT id, name, district, founded_on, employees, revenue_fen, rd_fen, qualifications FROM enterprises WHERE rowid BETWEEN ? AND ?',
    )
    .iterate(from, to) as IterableIterator<Row>) {
    if (++n % 2000 === 0) {
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
  opts.onProgress?.(n, total);
  return { enterprises: n, asOf: today, bySet: tally };
}
