/**
 * 统计看板 from facts: every case once (with its pledge and first visit), its visits and subsidy
 * applications, the whitelist's counts and the districts' targets. A source (the desktop's
 * SQLite store, the central service's PostgreSQL) reads the facts once; each filter change is
 * then worked out here in memory, by the rules of stats.ts, so every view and source agree.
 */
import { addYears, daysBetween } from './dates';
import type { District } from './districts';
import type { Directory } from './institutions';
import { registrationFigures, spread, type RegistrationRow } from './stats';
import { targetProgress, type TargetProgress } from './targets';
import type { StatsFilter } from '../schemas/stats';
import type { DashboardView } from '../types/stats';

/** A case as the figures see it; a registered one is also the registration row stats.ts counts. */
export interface CaseFact extends Omit<RegistrationRow, 'regDate'> {
  stage: string;
  outcome: string | null;
  /** The UTC date the case was opened. */
  openedOn: string;
  /** CNIPA recorded the pledge (registered, changed or cancelled since). */
  registered: boolean;
  regDate: string | null;
  loanStart: string | null;
  firstVisit: string | null;
  /** Days from the first visit to the loan start and to the registration, when both are known and in that order. */
  daysToLoan: number | null;
  daysToRegistration: number | null;
}

/** What a source reads of a case: its pledge's bank as typed (null without a pledge). */
export type CaseRead = Omit<CaseFact, 'bank' | 'branch' | 'daysToLoan' | 'daysToRegistration'> & { bankText: string | null };

/** A case's fact from what a source read: the bank resolved by the directory, the day counts worked out once. */
export function caseFact(c: CaseRead, directory: Directory): CaseFact {
  const bank = directory.resolve(c.bankText);
  const days = (to: string | null) => (c.firstVisit && to && to >= c.firstVisit ? daysBetween(c.firstVisit, to) : null);
  // Every field named (not spread): a district holds tens of thousands of cases, read at once.
  return {
    caseId: c.caseId,
    district: c.district,
    steward: c.steward,
    stage: c.stage,
    outcome: c.outcome,
    openedOn: c.openedOn,
    branch: bank.branch,
    bank: bank.head,
    kind: c.kind,
    registered: c.registered,
    regDate: c.regDate,
    amountFen: c.amountFen,
    loanStart: c.loanStart,
    firstVisit: c.firstVisit,
    daysToLoan: days(c.loanStart),
    daysToRegistration: c.registered ? days(c.regDate) : null,
  };
}

export interface DashboardFacts {
  cases: CaseFact[];
  /** Each visit: the index of its case in `cases` and its date. */
  visits: { caseAt: number; on: string }[];
  subsidies: { caseAt: number; status: string; submittedOn: string | null; amountFen: number; approvedFen: number; paidFen: number }[];
  /** Whitelist entries counted by batch, status and steward, the latest batches first. */
  whitelist: { batch: string; district: string; status: string; steward: string; n: number }[];
  targets: { year: number; district: District; registrations: number | null; amountFen: number | null }[];
}

/** The filter's districts, bank and steward (not its period). */
function inScope(f: StatsFilter): (c: CaseFact) => boolean {
  const districts = f.districts.length ? new Set<string>(f.districts) : null;
  return (c) =>
    (!districts || districts.has(c.district)) &&
    (!f.bank || c.bank === f.bank) &&
    (!f.branch || c.branch === f.branch) &&
    (!f.steward || c.steward === f.steward);
}

type Registered = CaseFact & RegistrationRow;

/** The cases in scope registered from `from` to `to` (each is its registration row). */
function registeredIn(cases: readonly CaseFact[], scope: (c: CaseFact) => boolean, from: string, to: string): Registered[] {
  return cases.filter((c): c is Registered => c.registered && c.regDate! >= from && c.regDate! <= to && scope(c));
}

/** The registrations of the period as the figures of stats.ts take them. */
export function registrationRowsOf(facts: DashboardFacts, f: StatsFilter, from: string, to: string): RegistrationRow[] {
  return registeredIn(facts.cases, inScope(f), from, to);
}

export function dashboardView(facts: DashboardFacts, f: StatsFilter, now: string): DashboardView {
  const scope = inScope(f);
  const prevFrom = addYears(f.from, -1);
  const prevTo = addYears(f.to, -1);
  const rows = registeredIn(facts.cases, scope, f.from, f.to);
  const before = registeredIn(facts.cases, scope, prevFrom, prevTo);
  // The data reaches back to the previous period when any case of the source was opened before
  // it ended (a district with none then had a base of zero). A source holds the user's districts.
  let hadBase = false;
  let opened = 0;
  let loaned = 0;
  let registered = 0;
  for (const c of facts.cases) {
    if (!hadBase && c.openedOn !== '' && c.openedOn <= prevTo) hadBase = true;
    if (c.openedOn < f.from || c.openedOn > f.to || !scope(c)) continue;
    opened++;
    if (c.registered || c.outcome === 'loaned' || c.outcome === 'subsidised') loaned++;
    if (c.registered) registered++;
  }

  const toLoan: number[] = [];
  const toRegistration: number[] = [];
  for (const c of rows) {
    if (c.daysToLoan !== null) toLoan.push(c.daysToLoan);
    if (c.daysToRegistration !== null) toRegistration.push(c.daysToRegistration);
  }
  const days = { toLoan: spread(toLoan), toRegistration: spread(toRegistration) };

  return {
    targets: f.bank || f.branch || f.steward ? null : progressOf(facts, f),
    period: { from: f.from, to: f.to, prevFrom, prevTo },
    asOf: now,
    registrations: registrationFigures(rows, before, f, hadBase),
    pipeline: { opened, loaned, registered, conversion: opened ? loaned / opened : null },
    days,
    subsidies: subsidiesOf(facts, f, scope),
    workload: workloadOf(facts, f, scope, rows),
    funnel: funnelOf(facts, f),
  };
}

function subsidiesOf(facts: DashboardFacts, f: StatsFilter, scope: (c: CaseFact) => boolean): DashboardView['subsidies'] {
  const by = new Map<string, DashboardView['subsidies'][number]>();
  for (const s of facts.subsidies) {
    if (!s.submittedOn || s.submittedOn < f.from || s.submittedOn > f.to || !scope(facts.cases[s.caseAt]!)) continue;
    const t = by.get(s.status) ?? { status: s.status, count: 0, amountFen: 0, approvedFen: 0, paidFen: 0 };
    t.count++;
    t.amountFen += s.amountFen;
    t.approvedFen += s.approvedFen;
    t.paidFen += s.paidFen;
    by.set(s.status, t);
  }
  return [...by.values()].sort((a, b) => (a.status < b.status ? -1 : 1));
}

/** Each steward's open cases (now), visits in the period and registrations in the period. */
function workloadOf(
  facts: DashboardFacts,
  f: StatsFilter,
  scope: (c: CaseFact) => boolean,
  rows: readonly RegistrationRow[],
): DashboardView['workload'] {
  const by = new Map<string, DashboardView['workload'][number]>();
  const of = (steward: string) => {
    const k = steward || '（未分配）';
    let w = by.get(k);
    if (!w) by.set(k, (w = { steward: k, openCases: 0, visits: 0, registrations: 0, amountFen: 0 }));
    return w;
  };
  for (const c of facts.cases) if (c.stage !== 'closed' && scope(c)) of(c.steward).openCases++;
  for (const v of facts.visits) {
    if (v.on < f.from || v.on > f.to) continue;
    const c = facts.cases[v.caseAt]!;
    if (scope(c)) of(c.steward).visits++;
  }
  for (const r of rows) {
    const w = of(r.steward);
    w.registrations++;
    w.amountFen += r.amountFen;
  }
  return [...by.values()].sort((a, b) => b.openCases - a.openCases || b.registrations - a.registrations);
}

/** The whitelist funnel by batch (the filter's districts and steward; batches have no period). */
function funnelOf(facts: DashboardFacts, f: StatsFilter): DashboardView['funnel'] {
  const funnel = new Map<string, DashboardView['funnel'][number]>();
  for (const r of facts.whitelist) {
    if (f.districts.length && !f.districts.includes(r.district as District)) continue;
    if (f.steward && r.steward !== f.steward) continue;
    const k = `${r.district}/${r.batch}`;
    const b = funnel.get(k) ?? { batch: r.batch, district: r.district, counts: {}, total: 0 };
    b.counts[r.status] = (b.counts[r.status] ?? 0) + r.n;
    b.total += r.n;
    funnel.set(k, b);
  }
  return [...funnel.values()];
}

/**
 * The districts' targets for the year the period ends in, against their registrations from the
 * year's first day to the period's end.
 */
function progressOf(facts: DashboardFacts, f: StatsFilter): TargetProgress | null {
  const year = Number(f.to.slice(0, 4));
  const targets = facts.targets.filter((t) => t.year === year && (!f.districts.length || f.districts.includes(t.district)));
  if (targets.length === 0) return null;
  const scope = inScope({ ...f, districts: targets.map((t) => t.district) });
  const actual = new Map<District, { count: number; amountFen: number }>();
  for (const c of registeredIn(facts.cases, scope, `${year}-01-01`, f.to)) {
    const a = actual.get(c.district) ?? { count: 0, amountFen: 0 };
    a.count++;
    a.amountFen += c.amountFen;
    actual.set(c.district, a);
  }
  return targetProgress(year, targets, actual);
}
