/**
 * The officer's dashboard on this computer's data: the rows are read here, the figures computed
 * by shared/domain/stats.ts (the same functions the central service uses on its rows).
 */
import type { Database } from 'better-sqlite3';
import { addDays, addYears, daysBetween } from '../../../shared/domain/dates';
import type { District } from '../../../shared/domain/districts';
import { registrationFigures, spread, type RegistrationRow } from '../../../shared/domain/stats';
import { targetProgress, type TargetProgress } from '../../../shared/domain/targets';
import type { StatsFilter } from '../../../shared/schemas/stats';
import type { DashboardView } from '../../../shared/types/stats';
import { Where } from '../sql';
import { BANK, BANK_BRANCH, CASE_KIND, REG_AMOUNT, WAS_REGISTERED } from './sql';
import { headBank } from '../../../shared/domain/banks';

const FROM = 'FROM cases c JOIN enterprises e ON e.id = c.enterprise_id LEFT JOIN pledges p ON p.case_id = c.id';

/** The joins a count over cases c needs for the filter: the enterprise for districts, the pledge for a bank. */
const caseJoins = (f: StatsFilter) =>
  `${f.districts.length ? ' JOIN enterprises e ON e.id = c.enterprise_id' : ''}${f.bank || f.branch ? ' LEFT JOIN pledges p ON p.case_id = c.id' : ''}`;

/** The filter's districts, bank and steward (not its period) as conditions on c, e and p. */
function scoped(f: StatsFilter): Where {
  const w = new Where().in('e.district', f.districts);
  if (f.bank) w.add(`${BANK} = ?`, f.bank);
  if (f.branch) w.add(`${BANK_BRANCH} = ?`, f.branch);
  if (f.steward) w.add('c.steward = ?', f.steward);
  return w;
}

/** A registration of the period with its case's first visit and loan start (for the days from one to the other). */
type TimedRow = RegistrationRow & { firstVisit: string | null; loanStart: string | null };

export function registrationRows(db: Database, f: StatsFilter, from: string, to: string): RegistrationRow[];
export function registrationRows(db: Database, f: StatsFilter, from: string, to: string, timed: true): TimedRow[];
export function registrationRows(db: Database, f: StatsFilter, from: string, to: string, timed = false): RegistrationRow[] {
  const w = scoped(f).add(WAS_REGISTERED).add('p.reg_date BETWEEN ? AND ?', from, to);
  const timing = timed ? ', (SELECT min(v.visited_on) FROM visits v WHERE v.case_id = c.id) AS firstVisit, p.loan_start AS loanStart' : '';
  const rows = db
    .prepare(
      `SELECT c.id AS caseId, e.district, ${BANK_BRANCH} AS branch, ${CASE_KIND} AS kind, p.reg_date AS regDate, ${REG_AMOUNT} AS amountFen, c.steward${timing}
         ${FROM} ${w} ORDER BY p.reg_date`,
    )
    .all(...w.params) as (Omit<RegistrationRow, 'bank'> & Partial<TimedRow>)[];
  // The head bank by the shared rule (the SQL BANK is the same rule, for filters).
  for (const r of rows) (r as RegistrationRow).bank = headBank(r.branch);
  return rows as RegistrationRow[];
}

/** The dashboard for a period; `now` is the as-of time. */
export function dashboard(db: Database, f: StatsFilter, now: string): DashboardView {
  const prevFrom = addYears(f.from, -1);
  const prevTo = addYears(f.to, -1);
  const rows = registrationRows(db, f, f.from, f.to, true);
  const before = registrationRows(db, f, prevFrom, prevTo);
  // The data reaches back to the previous period when some case was opened before it ended.
  const earliest = db.prepare('SELECT min(created_at) FROM cases').pluck().get() as string | null;
  const hadBase = earliest !== null && earliest.slice(0, 10) <= prevTo;
  const registrations = registrationFigures(rows, before, f, hadBase);

  // Opened on a day of the period (the UTC date of created_at, as before), read by the created_at index.
  const opened = scoped(f).add('c.created_at >= ? AND c.created_at < ?', f.from, addDays(f.to, 1));
  const pipeline = db
    .prepare(
      `SELECT count(*) AS opened, coalesce(sum(coalesce(${WAS_REGISTERED}, 0) OR c.outcome IN ('loaned', 'subsidised')), 0) AS loaned,
              coalesce(sum(${WAS_REGISTERED}), 0) AS registered ${FROM} ${opened}`,
    )
    .get(...opened.params) as { opened: number; loaned: number; registered: number };

  const visited = rows.filter((t) => t.firstVisit);
  const days = {
    toLoan: spread(visited.filter((t) => t.loanStart && t.loanStart >= t.firstVisit!).map((t) => daysBetween(t.firstVisit!, t.loanStart!))),
    toRegistration: spread(visited.filter((t) => t.regDate >= t.firstVisit!).map((t) => daysBetween(t.firstVisit!, t.regDate))),
  };

  const sub = scoped(f).add('s.submitted_on BETWEEN ? AND ?', f.from, f.to);
  const subsidies = db
    .prepare(
      `SELECT s.status, count(*) AS count, coalesce(sum(s.amount_fen), 0) AS amountFen, coalesce(sum(s.approved_fen), 0) AS approvedFen,
              coalesce(sum(s.paid_fen), 0) AS paidFen
         ${FROM} JOIN subsidy_applications s ON s.case_id = c.id ${sub} GROUP BY s.status`,
    )
    .all(...sub.params) as DashboardView['subsidies'];

  const workload = workloadOf(db, f, rows);

  const batches = new Where().in('b.district', f.districts);
  if (f.steward) batches.add('w.steward = ?', f.steward);
  const funnelRows = db
    .prepare(
      `SELECT b.name AS batch, b.district, w.status, count(*) AS n FROM whitelist_entries w JOIN whitelist_batches b ON b.id = w.batch_id
         ${batches} GROUP BY b.id, w.status ORDER BY b.surveyed_on DESC, b.name`,
    )
    .all(...batches.params) as { batch: string; district: string; status: string; n: number }[];
  const funnel = new Map<string, DashboardView['funnel'][number]>();
  for (const r of funnelRows) {
    const k = `${r.district}/${r.batch}`;
    const b = funnel.get(k) ?? { batch: r.batch, district: r.district, counts: {}, total: 0 };
    b.counts[r.status] = r.n;
    b.total += r.n;
    funnel.set(k, b);
  }

  return {
    targets: f.bank || f.steward ? null : progressOf(db, f),
    period: { from: f.from, to: f.to, prevFrom, prevTo },
    asOf: now,
    registrations,
    pipeline: { ...pipeline, conversion: pipeline.opened ? pipeline.loaned / pipeline.opened : null },
    days,
    subsidies,
    workload,
    funnel: [...funnel.values()],
  };
}

/**
 * The districts' targets for the year the period ends in, against their registrations from the
 * year's first day to the period's end. Targets are per district, so none under a bank or steward filter.
 */
function progressOf(db: Database, f: StatsFilter): TargetProgress | null {
  const year = Number(f.to.slice(0, 4));
  const w = new Where().add('year = ?', year).in('district', f.districts);
  const targets = db
    .prepare(`SELECT district, registrations, amount_fen AS amountFen FROM district_targets ${w} ORDER BY district`)
    .all(...w.params) as { district: District; registrations: number | null; amountFen: number | null }[];
  if (targets.length === 0) return null;
  const actual = new Map<District, { count: number; amountFen: number }>();
  for (const r of registrationRows(db, { ...f, districts: targets.map((t) => t.district) }, `${year}-01-01`, f.to)) {
    const a = actual.get(r.district as District) ?? { count: 0, amountFen: 0 };
    a.count++;
    a.amountFen += r.amountFen;
    actual.set(r.district as District, a);
  }
  return targetProgress(year, targets, actual);
}

/**
 * Each steward's open cases (now), visits in the period and registrations in the period (from the
 * rows already read), in three cheap reads rather than one pass over every case.
 */
function workloadOf(db: Database, f: StatsFilter, rows: readonly RegistrationRow[]): DashboardView['workload'] {
  const by = new Map<string, DashboardView['workload'][number]>();
  const of = (steward: string) => {
    const k = steward || '（未分配）';
    let w = by.get(k);
    if (!w) by.set(k, (w = { steward: k, openCases: 0, visits: 0, registrations: 0, amountFen: 0 }));
    return w;
  };
  const open = scoped(f).add("c.stage <> 'closed'");
  for (const r of db
    .prepare(`SELECT c.steward, count(*) AS n FROM cases c${caseJoins(f)} ${open} GROUP BY c.steward`)
    .all(...open.params) as {
    steward: string;
    n: number;
  }[])
    of(r.steward).openCases += r.n;
  const visited = scoped(f).add('v.visited_on BETWEEN ? AND ?', f.from, f.to);
  for (const r of db
    .prepare(`SELECT c.steward, count(*) AS n FROM visits v JOIN cases c ON c.id = v.case_id${caseJoins(f)} ${visited} GROUP BY c.steward`)
    .all(...visited.params) as { steward: string; n: number }[])
    of(r.steward).visits += r.n;
  for (const r of rows) {
    const w = of(r.steward);
    w.registrations++;
    w.amountFen += r.amountFen;
  }
  return [...by.values()].sort((a, b) => b.openCases - a.openCases || b.registrations - a.registrations);
}
