/**
 * The dashboard's facts (shared/domain/dashboard.ts) read from this computer's store, kept per
 * connection until the data changes: a filter change is then worked out in memory rather than
 * by reading every registration again. A change is seen by SQLite's own counters — data_version
 * for commits of other connections (the sync worker, another window), total_changes() for this
 * connection's writes — so a figure is never older than the data.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { caseFact, type CaseFact, type DashboardFacts } from '../../../shared/domain/dashboard';
import type { District } from '../../../shared/domain/districts';
import { CASE_KIND, REG_AMOUNT, WAS_REGISTERED } from './sql';
import { dataVersionOf } from '../db/data-version';
import { directoryOf } from '../institutions/directory';

const cache = new WeakMap<Database, { key: string; facts: DashboardFacts }>();

export function dashboardFacts(db: Database): DashboardFacts {
  // Inside a transaction of this connection the facts may yet be rolled back: read, never kept.
  if (db.inTransaction) return readFacts(db);
  const key = dataVersionOf(db);
  const hit = cache.get(db);
  if (hit?.key === key) return hit.facts;
  // One read transaction, so the facts are of one moment even while the sync worker writes.
  const facts = db.transaction(() => readFacts(db))();
  cache.set(db, { key, facts });
  return facts;
}

function readFacts(db: Database): DashboardFacts {
  // The first visit of each case from the visits read anyway (rather than a grouped subquery).
  const visitRows = db.prepare('SELECT case_id, visited_on FROM visits').raw().all() as [string, string][];
  const firstVisit = new Map<string, string>();
  for (const [caseId, on] of visitRows) {
    const first = firstVisit.get(caseId);
    if (first === undefined || on < first) firstVisit.set(caseId, on);
  }
  // A case was opened when its 'create' event says: the event travels with the case, while a
  // pulled case's row is stamped when it arrived (shared/domain/dashboard-records.ts reads the same).
  const opened = new Map(
    db.prepare("SELECT case_id, min(at) FROM case_events WHERE action = 'create' GROUP BY case_id").raw().all() as [string, string][],
  );
  const rows = db
    .prepare(
      `SELECT c.id, e.district, coalesce(c.steward, ''), c.stage, c.outcome, c.created_at, p.bank, ${CASE_KIND},
              coalesce(${WAS_REGISTERED}, 0), p.reg_date, ${REG_AMOUNT}, p.loan_start
         FROM cases c JOIN enterprises e ON e.id = c.enterprise_id LEFT JOIN pledges p ON p.case_id = c.id`,
    )
    .raw()
    .all() as [
    string,
    District,
    string,
    string,
    string | null,
    string,
    string,
    CaseFact['kind'],
    number,
    string | null,
    number,
    string | null,
  ][];
  const directory = directoryOf(db);
  const at = new Map<string, number>();
  const cases: CaseFact[] = new Array(rows.length);
  // Raw rows, each made into its fact in one step: the case list of a district is read at once.
  for (let i = 0; i < rows.length; i++) {
    const [caseId, district, steward, stage, outcome, createdAt, bankText, kind, registered, regDate, amountFen, loanStart] = rows[i]!;
    at.set(caseId, i);
    const openedAt = opened.get(caseId) ?? createdAt;
    cases[i] = caseFact(
      {
        caseId,
        district,
        steward,
        stage,
        outcome,
        openedOn: openedAt.slice(0, 10),
        bankText,
        kind,
        registered: registered === 1,
        regDate,
        amountFen,
        loanStart,
        firstVisit: firstVisit.get(caseId) ?? null,
      },
      directory,
    );
  }
  const visits: DashboardFacts['visits'] = [];
  for (const [caseId, on] of visitRows) {
    const i = at.get(caseId);
    if (i !== undefined) visits.push({ caseAt: i, on });
  }
  const subsidies: DashboardFacts['subsidies'] = [];
  for (const s of db
    .prepare(
      `SELECT case_id AS caseId, status, submitted_on AS submittedOn, coalesce(amount_fen, 0) AS amountFen,
              coalesce(approved_fen, 0) AS approvedFen, coalesce(paid_fen, 0) AS paidFen FROM subsidy_applications`,
    )
    .all() as (Omit<DashboardFacts['subsidies'][number], 'caseAt'> & { caseId: string })[]) {
    const i = at.get(s.caseId);
    if (i !== undefined)
      subsidies.push({
        caseAt: i,
        status: s.status,
        submittedOn: s.submittedOn,
        amountFen: s.amountFen,
        approvedFen: s.approvedFen,
        paidFen: s.paidFen,
      });
  }
  return {
    cases,
    visits,
    subsidies,
    whitelist: db
      .prepare(
        `SELECT b.name AS batch, b.district, w.status, coalesce(w.steward, '') AS steward, count(*) AS n
           FROM whitelist_entries w JOIN whitelist_batches b ON b.id = w.batch_id
          GROUP BY b.id, w.status, w.steward ORDER BY b.surveyed_on DESC, b.name`,
      )
      .all() as DashboardFacts['whitelist'],
    targets: db
      .prepare('SELECT year, district, registrations, amount_fen AS amountFen FROM district_targets ORDER BY year, district')
      .all() as DashboardFacts['targets'],
  };
}
