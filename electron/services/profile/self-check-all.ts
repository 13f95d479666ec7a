/**
 * Every enterprise's self-check at once (a district's overview, and the bench's target): the
 * records read in three queries — enterprises, granted items counted by kind, the profiles —
 * and each enterprise evaluated against the sets in force, tallied per set.
 */
import type { Database } from 'better-sqlite3';
import { qualificationsOf } from '../../../shared/domain/enterprise';
import type { District } from '../../../shared/domain/districts';
import { qualificationInputOf } from '../../../shared/domain/profile/qualification-input';
import { countsFor, grantedCountsOf } from './granted-counts';
import { evaluate, type Outcome } from '../../../shared/domain/qualification';
import type { ProfileData } from '../../../shared/schemas/profile';
import { criteriaInForce } from '../qualification/load';
import { getRecord } from '../sync/store';

export interface SelfCheckTally {
  enterprises: number;
  bySet: { id: string; title: string; pass: number; fail: number; unknown: number }[];
}

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

export function selfCheckAll(db: Database, resourcesDir: string, today: string): SelfCheckTally {
  const sets = criteriaInForce(resourcesDir, today);
  const counts = grantedCountsOf(db);
  const profiled = new Set(db.prepare('SELECT enterprise_id FROM enterprise_profiles').pluck().all() as string[]);
  const tally = sets.map((s) => ({ id: s.id, title: s.title, pass: 0, fail: 0, unknown: 0 }));
  let n = 0;
  for (const e of db
    .prepare('SELECT id, name, district, founded_on, employees, revenue_fen, rd_fen, qualifications FROM enterprises')
    .iterate() as IterableIterator<Row>) {
    n++;
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
    sets.forEach((set, i) => {
      const outcome: Outcome = evaluate(set, input, today).result;
      tally[i]![outcome]++;
    });
  }
  return { enterprises: n, bySet: tally };
}
