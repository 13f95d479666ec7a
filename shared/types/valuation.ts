import type { Qualification } from '../domain/enterprise';
import type { IpKind } from '../domain/ip';

export interface IndicatorSet {
  id: string;
  version: string;
  title: string;
  source: string;
  scenario: string;
  dimensions: { key: string; name: string; weight: number; indicators: { key: string; name: string; weight: number }[] }[];
}

export interface BankProduct {
  id: string;
  bank: string;
  name: string;
  minAmountFen: number;
  maxAmountFen: number;
  maxTermMonths: number;
  ipKinds: IpKind[];
  loanToValue: Record<IpKind, number>;
  source: string;
  /** Optional eligibility rules of the product. */
  minYearsInBusiness?: number;
  qualificationsAny?: Qualification[];
  /** A loan above what the valuation supports: 'warn' (the default) or 'block'. */
  loanOverCapacity?: 'warn' | 'block';
}

export interface ValuationRunSummary {
  id: string;
  enterpriseId: string;
  title: string;
  engineVersion: string;
  indicatorSet: string;
  items: number;
  totalFen: number;
  p10Fen: number | null;
  loanFen: number | null;
  createdBy: string;
  createdAt: string;
}

/** One valued item as the engine reports it (yuan, rounded to the fen). */
export interface YearLine {
  t: number;
  from: string;
  to: string;
  revenue: number;
  fraction: number;
  discountFactor: number;
  presentValue: number;
}

export interface SensitivityRow {
  input: 'revenue' | 'shareRate' | 'discountRate';
  low: number;
  high: number;
  valueAtLow: number;
  valueAtHigh: number;
}

export interface ValuationResult {
  engineVersion: string;
  approach: 'income' | 'cost' | 'market';
  valuationDate: string;
  /** Yuan, rounded to the fen. */
  value: number;
  valueFen: number;
  expiry: string | null;
  reason: string | null;
  shareRate?: number;
  discountRate?: number;
  years?: YearLine[];
  working: string[];
  uncertainty?: { paths: number; seed: number } & {
    p10: number;
    p50: number;
    p90: number;
    mean: number;
    histogram: { from: number; to: number; count: number }[];
  };
  sensitivity?: SensitivityRow[];
  loan?: { basis: 'P10' | 'value'; basisValue: number; loanToValue: number; amount: number; amountFen: number };
}
