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
