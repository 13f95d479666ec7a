import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { GrantedCounts } from '../../../shared/domain/profile/qualification-input';

const NONE: GrantedCounts = { invention: 0, utility: 0, design: 0, software: 0 };

/** Whose items: one enterprise, or those whose rows fall in a rowid range of the enterprises table. */
export type CountsScope = { enterpriseId: string } | { rowids: [number, number] };

/** Items in force by kind, per enterprise: what the self-check counts, in one query. */
export function grantedCountsOf(db: Database, scope: CountsScope): Map<string, GrantedCounts> {
  const [where, params] =
    'enterpriseId' in scope
      ? ['enterprise_id = @id', { id: scope.enterpriseId }]
      : ['enterprise_id IN (SELECT id FROM enterprises WHERE rowid BETWEEN @from AND @to)', { from: scope.rowids[0], to: scope.rowids[1] }];
  const counts = new Map<string, GrantedCounts>();
  for (const r of db
    .prepare(
      `SELECT enterprise_id AS id, kind, count(*) AS n FROM ip_assets WHERE legal_status = 'granted'
        AND kind IN ('invention', 'utility', 'design', 'software') AND ${where}
        GROUP BY enterprise_id, kind`,
    )
    .iterate(params) as IterableIterator<{ id: string; kind: keyof GrantedCounts; n: number }>) {
    let c = counts.get(r.id);
    if (!c) counts.set(r.id, (c = { ...NONE }));
    c[r.kind] = r.n;
  }
  return counts;
}

export const countsFor = (counts: Map<string, GrantedCounts>, enterpriseId: string): GrantedCounts => counts.get(enterpriseId) ?? NONE;
