/**
 * A loan's repayment schedule (还款计划), in integer fen. Monthly methods charge a month's
 * interest at the annual rate ÷ 12 on the principal outstanding at the start of the month, as
 * Chinese banks quote 等额本息 / 等额本金; a typed plan (自定义) charges the days between its
 * dates at the annual rate ÷ 360 (日利率 = 年利率 / 360). Every amount is rounded half up to the
 * fen; the last instalment takes whatever principal is left, so the principal always sums exactly.
 */
import { addMonths, daysBetween } from '../dates';

export const REPAYMENT_METHODS = ['equal_instalment', 'equal_principal', 'interest_only', 'custom'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];
export const REPAYMENT_METHOD_LABELS: Record<RepaymentMethod, string> = {
  equal_instalment: '等额本息',
  equal_principal: '等额本金',
  interest_only: '先息后本',
  custom: '自定义计划',
};

/** One instalment of a typed plan: its due date and the principal repaid on it. */
export interface PlanLine {
  dueOn: string;
  principalFen: number;
}

export interface ScheduleTerms {
  principalFen: number;
  annualRatePercent: number;
  startOn: string;
  /** The last due date (the loan's end). */
  endOn: string;
  method: RepaymentMethod;
  /** For `custom`: the instalments as typed, in date order, their principal summing to the loan's. */
  plan?: readonly PlanLine[];
  /**
   * The day monthly due dates count from when a schedule is reworked part-way (the loan's own
   * start), so a loan written on the 31st keeps falling due on each month's last day.
   */
  anchorOn?: string;
}

export interface Instalment {
  no: number;
  dueOn: string;
  principalFen: number;
  interestFen: number;
  totalFen: number;
  /** Principal outstanding after this instalment is paid. */
  remainingFen: number;
}

const round = (x: number): number => Math.round(x);
const monthInterest = (balanceFen: number, annualRatePercent: number): number => round((balanceFen * annualRatePercent) / 1200);

/** The monthly due dates from `startOn` to `endOn`: one a month on the start's day, the last on the end day itself. */
export function monthlyDueDates(startOn: string, endOn: string): string[] {
  if (endOn <= startOn) throw new RangeError(`到期日 ${endOn} 须晚于起始日 ${startOn}`);
  const out: string[] = [];
  for (let k = 1; ; k++) {
    const d = addMonths(startOn, k);
    if (d >= endOn) break;
    out.push(d);
  }
  out.push(endOn);
  return out;
}

/** The level monthly payment of 等额本息: P·r·(1+r)^n / ((1+r)^n − 1), rounded to the fen. */
export function levelPayment(principalFen: number, annualRatePercent: number, n: number): number {
  const r = annualRatePercent / 1200;
  if (r === 0) return round(principalFen / n);
  const g = Math.pow(1 + r, n);
  return round((principalFen * r * g) / (g - 1));
}

function monthly(terms: ScheduleTerms): Instalment[] {
  const dates = terms.anchorOn
    ? monthlyDueDates(terms.anchorOn, terms.endOn).filter((d) => d > terms.startOn)
    : monthlyDueDates(terms.startOn, terms.endOn);
  const n = dates.length;
  const level = terms.method === 'equal_instalment' ? levelPayment(terms.principalFen, terms.annualRatePercent, n) : 0;
  const even = round(terms.principalFen / n);
  let balance = terms.principalFen;
  return dates.map((dueOn, i) => {
    const interestFen = monthInterest(balance, terms.annualRatePercent);
    const last = i === n - 1;
    let principalFen: number;
    if (last) principalFen = balance;
    else if (terms.method === 'equal_instalment') principalFen = Math.min(balance, Math.max(0, level - interestFen));
    else if (terms.method === 'equal_principal') principalFen = Math.min(balance, even);
    else principalFen = 0;
    balance -= principalFen;
    return { no: i + 1, dueOn, principalFen, interestFen, totalFen: principalFen + interestFen, remainingFen: balance };
  });
}

function typed(terms: ScheduleTerms): Instalment[] {
  const plan = terms.plan ?? [];
  let balance = terms.principalFen;
  let from = terms.startOn;
  return plan.map((line, i) => {
    const interestFen = round((balance * terms.annualRatePercent * daysBetween(from, line.dueOn)) / 36000);
    const principalFen = i === plan.length - 1 ? balance : line.principalFen;
    balance -= principalFen;
    from = line.dueOn;
    return { no: i + 1, dueOn: line.dueOn, principalFen, interestFen, totalFen: principalFen + interestFen, remainingFen: balance };
  });
}

/** Why a typed plan cannot stand (empty when it can). */
export function planProblems(principalFen: number, startOn: string, endOn: string, plan: readonly PlanLine[]): string[] {
  const out: string[] = [];
  if (!plan.length) return ['自定义计划至少需要一期'];
  let prev = startOn;
  plan.forEach((l, i) => {
    if (l.dueOn <= prev) out.push(`第 ${i + 1} 期的还款日 ${l.dueOn} 须晚于${i ? `第 ${i} 期` : '贷款起始日'}（${prev}）`);
    prev = l.dueOn;
  });
  const sum = plan.reduce((s, l) => s + l.principalFen, 0);
  if (sum !== principalFen) out.push(`各期本金合计 ${sum} 分，应等于贷款本金 ${principalFen} 分`);
  if (plan.at(-1)!.dueOn !== endOn) out.push(`最后一期的还款日（${plan.at(-1)!.dueOn}）应为贷款到期日 ${endOn}`);
  return out;
}

export function buildSchedule(terms: ScheduleTerms): Instalment[] {
  if (terms.principalFen <= 0) return [];
  return terms.method === 'custom' ? typed(terms) : monthly(terms);
}
