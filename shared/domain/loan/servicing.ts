/**
 * Loan servicing (贷后还款): the schedule as the contract now stands (after early repayments
 * and extensions), every repayment allocated to it, and where the loan stands on a given day.
 *
 * Rules, stated once:
 * - An early repayment (提前还本) repays that much principal on its day, with the interest the
 *   repaid principal accrued since the last due date (days × 年利率 / 360); the instalments
 *   after it are worked out again on the smaller balance, keeping the end date (a typed plan
 *   drops principal from its last instalments first).
 * - An extension (展期) agreed on a day reworks every instalment after it, from the last due
 *   date before it to the new end date, at the new rate and method if changed.
 * - Repayments are allocated in date order to the earliest instalment not yet paid, interest
 *   before principal. Cash beyond every instalment is shown as overpaid, never moved silently.
 * - An instalment not paid in full by its due date is overdue from the next day; 90 days
 *   overdue makes the loan non-performing (不良, the banks' five-category rule). Penalty
 *   interest (罚息) is the contract's and is not computed here.
 */
import { formatYuan } from '../../money';
import { addDays, daysBetween } from '../dates';
import { buildSchedule, type Instalment, type PlanLine, type RepaymentMethod, type ScheduleTerms } from './schedule';

export const REPAYMENT_KINDS = ['instalment', 'prepayment'] as const;
export type RepaymentKind = (typeof REPAYMENT_KINDS)[number];
export const REPAYMENT_KIND_LABELS: Record<RepaymentKind, string> = { instalment: '按期还款', prepayment: '提前还本' };

export interface Repayment {
  id?: string;
  paidOn: string;
  amountFen: number;
  kind: RepaymentKind;
}

export interface Extension {
  agreedOn: string;
  newEndOn: string;
  /** A new rate for the extended loan; null keeps the rate. */
  annualRatePercent: number | null;
  method: Exclude<RepaymentMethod, 'custom'>;
}

export const NPL_DAYS = 90;

export type RowStatus = 'paid' | 'late' | 'overdue' | 'due';
export const ROW_STATUS_LABELS: Record<RowStatus, string> = { paid: '已还', late: '逾期后还清', overdue: '逾期', due: '未到期' };

export interface ServicedRow extends Instalment {
  kind: 'scheduled' | 'prepayment';
  paidFen: number;
  /** The day the row was paid in full (null while it is not). */
  paidOn: string | null;
  status: RowStatus;
  /** Days overdue on the day asked (overdue rows), or days late when paid (late rows). */
  daysLate: number;
}

export type LoanState = 'current' | 'overdue' | 'npl' | 'settled';
export const LOAN_STATE_LABELS: Record<LoanState, string> = {
  current: '正常还款',
  overdue: '逾期',
  npl: `逾期超过 ${NPL_DAYS} 天`,
  settled: '已结清',
};

export interface Servicing {
  rows: ServicedRow[];
  endOn: string;
  annualRatePercent: number;
  state: LoanState;
  principalPaidFen: number;
  interestPaidFen: number;
  outstandingPrincipalFen: number;
  /** Unpaid amounts of instalments already due. */
  overdueFen: number;
  overduePrincipalFen: number;
  overdueInterestFen: number;
  overdueDays: number;
  overdueCount: number;
  lateCount: number;
  nextDue: { dueOn: string; amountFen: number } | null;
  settledOn: string | null;
  overpaidFen: number;
  /** Problems with what was recorded (an early repayment above the balance): shown, never corrected silently. */
  problems: string[];
}

type Event = { on: string; prepay?: Repayment; extend?: Extension };

function reducePlanFromEnd(lines: PlanLine[], amountFen: number): PlanLine[] {
  const out = lines.map((l) => ({ ...l }));
  let left = amountFen;
  for (let i = out.length - 1; i >= 0 && left > 0; i--) {
    const cut = Math.min(out[i]!.principalFen, left);
    out[i]!.principalFen -= cut;
    left -= cut;
  }
  // The last line keeps the end date; lines emptied before it are dropped.
  return out.filter((l, i) => l.principalFen > 0 || i === out.length - 1);
}

/** The schedule as the contract stands after the early repayments and extensions recorded. */
export function currentSchedule(
  terms: ScheduleTerms,
  repayments: readonly Repayment[],
  extensions: readonly Extension[],
): { rows: (Instalment & { kind: ServicedRow['kind'] })[]; endOn: string; annualRatePercent: number; problems: string[] } {
  const problems: string[] = [];
  let cur = { ...terms, plan: terms.plan ? [...terms.plan] : undefined };
  let rows: (Instalment & { kind: ServicedRow['kind'] })[] = buildSchedule(cur).map((r) => ({ ...r, kind: 'scheduled' }));
  const events: Event[] = [
    ...extensions.map((e): Event => ({ on: e.agreedOn, extend: e })),
    ...repayments.filter((r) => r.kind === 'prepayment').map((r): Event => ({ on: r.paidOn, prepay: r })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.extend ? -1 : 1));

  for (const ev of events) {
    const kept = rows.filter((r) => r.dueOn <= ev.on);
    const lastScheduled = [...kept].reverse().find((r) => r.kind === 'scheduled');
    // Interest runs from the last due date, whatever was repaid early since.
    const periodStart = lastScheduled?.dueOn ?? terms.startOn;
    let balance = kept.length ? kept.at(-1)!.remainingFen : terms.principalFen;
    const extra: typeof rows = [];
    if (ev.extend) {
      if (ev.extend.newEndOn <= cur.endOn) problems.push(`${ev.on} 的展期到期日 ${ev.extend.newEndOn} 不晚于原到期日 ${cur.endOn}`);
      cur = {
        ...cur,
        endOn: ev.extend.newEndOn,
        annualRatePercent: ev.extend.annualRatePercent ?? cur.annualRatePercent,
        method: ev.extend.method,
        plan: undefined,
      };
    }
    if (ev.prepay) {
      const p = ev.prepay;
      if (p.amountFen > balance)
        problems.push(
          `${p.paidOn} 提前还本 ${formatYuan(p.amountFen)} 元，超过当时按计划的剩余本金 ${formatYuan(balance)} 元（逾期未还的各期请按期还款登记）`,
        );
      const principalFen = Math.min(p.amountFen, balance);
      const accrued = Math.round((principalFen * cur.annualRatePercent * daysBetween(periodStart, p.paidOn)) / 36000);
      balance -= principalFen;
      extra.push({
        no: 0,
        dueOn: p.paidOn,
        principalFen,
        interestFen: accrued,
        totalFen: principalFen + accrued,
        remainingFen: balance,
        kind: 'prepayment',
      });
      if (cur.method === 'custom' && cur.plan)
        cur.plan = reducePlanFromEnd(
          cur.plan.filter((l) => l.dueOn > periodStart),
          principalFen,
        );
    } else if (cur.method === 'custom' && cur.plan) cur.plan = cur.plan.filter((l) => l.dueOn > periodStart);
    const rest =
      balance > 0 && cur.endOn > periodStart
        ? buildSchedule({ ...cur, principalFen: balance, startOn: periodStart, anchorOn: terms.startOn }).map((r) => ({
            ...r,
            kind: 'scheduled' as const,
          }))
        : [];
    rows = [...kept, ...extra, ...rest];
  }
  rows.forEach((r, i) => (r.no = i + 1));
  return { rows, endOn: cur.endOn, annualRatePercent: cur.annualRatePercent, problems };
}

/** Where the loan stands at the end of `asOf`, counting only repayments made by then. */
export function serviceLoan(
  terms: ScheduleTerms,
  allRepayments: readonly Repayment[],
  extensions: readonly Extension[],
  asOf: string,
): Servicing {
  const repayments = allRepayments.filter((r) => r.paidOn <= asOf);
  const schedule = currentSchedule(
    terms,
    repayments,
    extensions.filter((e) => e.agreedOn <= asOf),
  );
  const rows: ServicedRow[] = schedule.rows.map((r) =>
    r.kind === 'prepayment'
      ? { ...r, paidFen: r.totalFen, paidOn: r.dueOn, status: 'paid', daysLate: 0 }
      : { ...r, paidFen: 0, paidOn: null, status: 'due', daysLate: 0 },
  );
  let principalPaid = 0;
  let interestPaid = 0;
  for (const r of rows) {
    if (r.kind === 'prepayment') {
      principalPaid += r.principalFen;
      interestPaid += r.interestFen;
    }
  }
  const cash = repayments.filter((r) => r.kind === 'instalment').sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let overpaid = 0;
  let i = 0;
  for (const pay of cash) {
    let left = pay.amountFen;
    while (left > 0) {
      while (i < rows.length && (rows[i]!.kind === 'prepayment' || rows[i]!.paidFen >= rows[i]!.totalFen)) i++;
      const row = rows[i];
      if (!row) break;
      const take = Math.min(left, row.totalFen - row.paidFen);
      // Interest first: what of this take goes to principal is what passes the row's interest.
      const beforeToPrincipal = Math.max(0, row.paidFen - row.interestFen);
      row.paidFen += take;
      const afterToPrincipal = Math.max(0, row.paidFen - row.interestFen);
      principalPaid += afterToPrincipal - beforeToPrincipal;
      interestPaid += take - (afterToPrincipal - beforeToPrincipal);
      left -= take;
      if (row.paidFen >= row.totalFen) row.paidOn = pay.paidOn;
    }
    overpaid += left;
  }

  let overdueFen = 0;
  let overduePrincipal = 0;
  let overdueDays = 0;
  let overdueCount = 0;
  let lateCount = 0;
  let nextDue: Servicing['nextDue'] = null;
  for (const r of rows) {
    if (r.kind === 'prepayment') continue;
    if (r.paidOn) {
      r.daysLate = Math.max(0, daysBetween(r.dueOn, r.paidOn));
      r.status = r.daysLate > 0 ? 'late' : 'paid';
      if (r.daysLate > 0) lateCount++;
    } else if (r.dueOn < asOf) {
      r.status = 'overdue';
      r.daysLate = daysBetween(r.dueOn, asOf);
      const unpaid = r.totalFen - r.paidFen;
      overdueFen += unpaid;
      overduePrincipal += Math.min(r.principalFen, unpaid);
      overdueDays = Math.max(overdueDays, r.daysLate);
      overdueCount++;
    } else if (!nextDue) nextDue = { dueOn: r.dueOn, amountFen: r.totalFen - r.paidFen };
  }
  const unpaidRows = rows.filter((r) => !r.paidOn);
  const settledOn = unpaidRows.length ? null : rows.reduce((m, r) => (r.paidOn! > m ? r.paidOn! : m), terms.startOn);
  const state: LoanState = settledOn ? 'settled' : overdueDays > NPL_DAYS ? 'npl' : overdueCount ? 'overdue' : 'current';
  return {
    rows,
    endOn: schedule.endOn,
    annualRatePercent: schedule.annualRatePercent,
    state,
    principalPaidFen: principalPaid,
    interestPaidFen: interestPaid,
    outstandingPrincipalFen: terms.principalFen - principalPaid,
    overdueFen,
    overduePrincipalFen: overduePrincipal,
    overdueInterestFen: overdueFen - overduePrincipal,
    overdueDays,
    overdueCount,
    lateCount,
    nextDue,
    settledOn,
    overpaidFen: overpaid,
    problems: schedule.problems,
  };
}

/** The day an instalment becomes overdue (the day after its due date). */
export const overdueFrom = (dueOn: string): string => addDays(dueOn, 1);
