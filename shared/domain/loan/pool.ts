/**
 * A securitisation pool (知识产权 ABS 底层资产池): loans grouped under a pool name, their totals
 * and how concentrated they are by district, sector and time to maturity. Shares are of the
 * outstanding principal, the figure an ABS is sized on.
 */
import { daysBetween } from '../dates';
import type { LoanState } from './servicing';

export interface PoolLoan {
  caseId: string;
  borrower: string;
  district: string;
  sector: string;
  bank: string;
  principalFen: number;
  outstandingFen: number;
  ratePercent: number;
  maturityOn: string;
  state: LoanState;
  items: { number: string; title: string; status: string; weakened: boolean }[];
}

export interface Concentration {
  key: string;
  count: number;
  outstandingFen: number;
  /** Share of the pool's outstanding principal, 0–1. */
  share: number;
}

export interface PoolView {
  count: number;
  principalFen: number;
  outstandingFen: number;
  /** Weighted by outstanding principal (null for an empty or fully repaid pool). */
  weightedRatePercent: number | null;
  weightedDaysToMaturity: number | null;
  itemCount: number;
  weakenedLoans: number;
  overdueLoans: number;
  byDistrict: Concentration[];
  bySector: Concentration[];
  byMaturity: Concentration[];
  /** The largest single borrower's share. */
  largestBorrowerShare: number;
}

export const MATURITY_BUCKETS = ['已到期', '3 个月内', '3–6 个月', '6–12 个月', '12 个月以上'] as const;

export function maturityBucket(maturityOn: string, asOf: string): (typeof MATURITY_BUCKETS)[number] {
  const d = daysBetween(asOf, maturityOn);
  if (d < 0) return '已到期';
  if (d <= 91) return '3 个月内';
  if (d <= 182) return '3–6 个月';
  if (d <= 365) return '6–12 个月';
  return '12 个月以上';
}

function group(loans: readonly PoolLoan[], keyOf: (l: PoolLoan) => string, total: number, order?: readonly string[]): Concentration[] {
  const by = new Map<string, Concentration>();
  for (const l of loans) {
    const k = keyOf(l);
    const g = by.get(k) ?? { key: k, count: 0, outstandingFen: 0, share: 0 };
    g.count++;
    g.outstandingFen += l.outstandingFen;
    by.set(k, g);
  }
  const out = [...by.values()].map((g) => ({ ...g, share: total ? g.outstandingFen / total : 0 }));
  return order
    ? out.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    : out.sort((a, b) => b.outstandingFen - a.outstandingFen || a.key.localeCompare(b.key, 'zh-CN'));
}

export function poolView(loans: readonly PoolLoan[], asOf: string): PoolView {
  const outstanding = loans.reduce((s, l) => s + l.outstandingFen, 0);
  const weighted = (f: (l: PoolLoan) => number) =>
    outstanding ? loans.reduce((s, l) => s + f(l) * l.outstandingFen, 0) / outstanding : null;
  const byBorrower = group(loans, (l) => l.borrower, outstanding);
  return {
    count: loans.length,
    principalFen: loans.reduce((s, l) => s + l.principalFen, 0),
    outstandingFen: outstanding,
    weightedRatePercent: weighted((l) => l.ratePercent),
    weightedDaysToMaturity: weighted((l) => Math.max(0, daysBetween(asOf, l.maturityOn))),
    itemCount: loans.reduce((s, l) => s + l.items.length, 0),
    weakenedLoans: loans.filter((l) => l.items.some((i) => i.weakened)).length,
    overdueLoans: loans.filter((l) => l.state === 'overdue' || l.state === 'npl').length,
    byDistrict: group(loans, (l) => l.district, outstanding),
    bySector: group(loans, (l) => l.sector || '未填写', outstanding),
    byMaturity: group(loans, (l) => maturityBucket(l.maturityOn, asOf), outstanding, MATURITY_BUCKETS),
    largestBorrowerShare: byBorrower[0]?.share ?? 0,
  };
}
