import type { RegistrationFigures } from '../domain/stats';
import type { TargetProgress } from '../domain/targets';

export interface Spread {
  n: number;
  median: number;
  p25: number;
  p75: number;
}

export interface DashboardView {
  /** Progress against the districts' yearly targets (the year the period ends in); null without targets or under a bank or steward filter. */
  targets: TargetProgress | null;
  period: { from: string; to: string; prevFrom: string; prevTo: string };
  /** When these figures were read (the data's as-of time). */
  asOf: string;
  registrations: RegistrationFigures;
  /** Cases opened in the period, and how far they got. */
  pipeline: { opened: number; loaned: number; registered: number; conversion: number | null };
  /** Days from a case's first visit to its loan start and to its registration (cases registered in the period). */
  days: { toLoan: Spread | null; toRegistration: Spread | null };
  /** Subsidy applications submitted in the period, by where they stand. */
  subsidies: { status: string; count: number; amountFen: number; approvedFen: number; paidFen: number }[];
  workload: { steward: string; openCases: number; visits: number; registrations: number; amountFen: number }[];
  funnel: { batch: string; district: string; counts: Record<string, number>; total: number }[];
}
