import type { Database } from 'better-sqlite3';
import type { GrantedCounts } from '../../../shared/domain/profile/qualification-input';

const NONE: GrantedCounts = { invention: 0, utility: 0, design: 0, software: 0 };

/** Items in force by kind, per enterprise (one enterprise, or all): what the self-check counts, in one query. */
export function grantedCountsOf(db: Database, enterpriseId?: string): Map<string, GrantedCounts> {
  const rows = db
    .prepare(
      `SELECT enterprise_id AS id, kind, count(*) AS n FROM ip_assets WHERE legal_status = 'granted'
        AND kind IN ('invention', 'utility', 'design', 'software') ${enterpriseId ? 'AND enterprise_id = ?' : ''}
        GROUP BY enterprise_id, kind`,
    )
    .all(...(enterpriseId ? [enterpriseId] : [])) as { id: string; kind: keyof GrantedCounts; n: number }[];
  const counts = new Map<string, GrantedCounts>();
  for (const r of rows) {
    const c = counts.get(r.id) ?? { ...NONE };
    c[r.kind] = r.n;
    counts.set(r.id, c);
  }
  return counts;
}

export const countsFor = (counts: Map<string, GrantedCounts>, enterpriseId: string): GrantedCounts => counts.get(enterpriseId) ?? NONE;
