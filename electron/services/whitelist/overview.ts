import type { Database } from 'better-sqlite3-multiple-ciphers';
import { addDays } from '../../../shared/domain/dates';
import { funnelOf, type EntryStatus, type Funnel } from '../../../shared/domain/whitelist';
import type { District } from '../../../shared/domain/districts';

export interface OfficerOverview {
  funnel: Funnel;
  /** Per district: all enterprises, those on a whitelist, and those financed. */
  byDistrict: { district: District; enterprises: number; whitelisted: number; loaned: number; needFen: number }[];
  bySteward: { steward: string; enterprises: number; loaned: number; needFen: number; overdue: number }[];
  notVisited: { days: number; count: number };
  totals: { enterprises: number; entries: number; needFen: number };
}

/**
 * The officer's view over the current state of each whitelisted enterprise (the
 * denormalised wl_* columns), so every figure is one indexed scan of enterprises.
 */
export function officerOverview(db: Database, today: string, notVisitedDays = 30): OfficerOverview {
  const counts = new Map(
    (
      db.prepare('SELECT wl_status AS status, count(*) AS n FROM enterprises WHERE wl_status IS NOT NULL GROUP BY wl_status').all() as {
        status: EntryStatus;
        n: number;
      }[]
    ).map((r) => [r.status, r.n]),
  );
  const cutoff = addDays(today, -notVisitedDays);
  const byDistrict = db
    .prepare(
      `SELECT district, count(*) AS enterprises, count(wl_status) AS whitelisted, coalesce(sum(wl_status = '已放款'), 0) AS loaned, coalesce(sum(wl_need_fen), 0) AS needFen
         FROM enterprises GROUP BY district ORDER BY whitelisted DESC, enterprises DESC`,
    )
    .all() as OfficerOverview['byDistrict'];
  // Grouped by the raw column so the steward-led covering index delivers the groups in order.
  const bySteward = (
    db
      .prepare(
        `SELECT wl_steward AS steward, count(*) AS enterprises, sum(wl_status = '已放款') AS loaned, coalesce(sum(wl_need_fen), 0) AS needFen,
                sum(wl_status IN ('待走访', '已走访', '推进中') AND (last_visit_on IS NULL OR last_visit_on <= ?)) AS overdue
           FROM enterprises INDEXED BY enterprises_overview WHERE wl_status IS NOT NULL GROUP BY wl_steward`,
      )
      .all(cutoff) as OfficerOverview['bySteward']
  )
    .map((r) => ({ ...r, steward: r.steward || '（未分配）' }))
    .sort((a, b) => b.enterprises - a.enterprises);
  const notVisited = db
    .prepare(
      `SELECT count(*) FROM enterprises WHERE wl_status IN ('待走访', '已走访', '推进中') AND (last_visit_on IS NULL OR last_visit_on <= ?)`,
    )
    .pluck()
    .get(cutoff) as number;
  const totals = db
    .prepare(
      'SELECT (SELECT count(*) FROM enterprises) AS enterprises, (SELECT count(*) FROM whitelist_entries) AS entries, (SELECT coalesce(sum(wl_need_fen), 0) FROM enterprises) AS needFen',
    )
    .get() as OfficerOverview['totals'];
  return {
    funnel: funnelOf(Object.fromEntries(counts) as Partial<Record<EntryStatus, number>>),
    byDistrict,
    bySteward,
    notVisited: { days: notVisitedDays, count: notVisited },
    totals,
  };
}
