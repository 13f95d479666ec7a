import type { Growth } from '../domain/stats';
import type { CaseFacts, Outcome, Stage } from '../domain/case-stages';
import type { LoanFacts } from '../domain/loan/of-state';
import type { PaymentKind, PledgeStatus, SubsidyStatus } from '../domain/case-statuses';
import type { District } from '../domain/districts';
import type { Checklist } from '../domain/guidance';
import type { IpKind } from '../domain/ip';
import type { Pledgeability } from '../domain/pledgeability';
import type { ProductMatch } from '../domain/products';
import type { RegistrationCheck } from '../domain/registration';
import type { SubsidyResult } from '../domain/subsidy';
import type { PledgeInput } from '../schemas/case';
import type { Enterprise } from './records';
import type { ValuationRunSummary } from './valuation';

export interface CaseSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  district: District;
  steward: string;
  bankOfficer: string;
  stage: Stage;
  paused: boolean;
  outcome: Outcome | null;
  needFen: number | null;
  bank: string | null;
  loanFen: number | null;
  pledgeStatus: PledgeStatus | null;
  regDate: string | null;
  subsidyStatus: SubsidyStatus | null;
  subsidyFen: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseRecord extends CaseSummary {
  pauseReason: string;
  outcomeReason: string;
  closedAt: string | null;
  needTermMonths: number | null;
  purpose: string;
  productId: string;
  confirmations: Record<string, boolean>;
  documents: Record<string, boolean>;
  valuationId: string | null;
  manualValueFen: number | null;
  manualValueBasis: string;
  createdBy: string;
  updatedBy: string;
}

export interface CaseItemView {
  id: string;
  kind: IpKind;
  displayNumber: string;
  /** Stored number: for patents without the dot, as CNIPA's Excel list wants it. */
  number: string;
  title: string;
  label: string;
  grantDate: string | null;
  owners: string[];
  /** Computed today; a pledge held by this very case is not counted against it. */
  assessment: Pledgeability;
}

export type PledgeView = Omit<PledgeInput, 'caseId'> & {
  status: PledgeStatus;
  regNo: string;
  regDate: string | null;
  /** When it was filed with CNIPA (the last time, if withdrawn and filed again). */
  submittedOn: string | null;
  statusReason: string;
  updatedBy: string;
  updatedAt: string;
};

export interface PaymentView {
  id: string;
  paidOn: string;
  kind: PaymentKind;
  amountFen: number;
  note: string;
  createdBy: string;
  createdAt: string;
}

export interface SubsidyView {
  policyId: string;
  policyVersion: string;
  repaid: boolean;
  otherSubsidy: boolean;
  materials: Record<string, boolean>;
  calc: SubsidyResult;
  amountFen: number;
  status: SubsidyStatus;
  statusNote: string;
  statusOn: string | null;
  submittedOn: string | null;
  /** What the district approved, and when (may be less than applied for). */
  approvedFen: number | null;
  approvedOn: string | null;
  /** What was actually paid out, and when. */
  paidFen: number | null;
  paidOn: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface VisitView {
  id: string;
  visitedOn: string;
  place: string;
  attendees: string[];
  notes: string;
  nextSteps: string;
  followUpOn: string | null;
  createdBy: string;
  updatedAt: string;
}

export interface CaseEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  summary: string;
  before: unknown;
  after: unknown;
  reason: string;
}

export interface CaseDetail {
  record: CaseRecord;
  enterprise: Enterprise;
  items: CaseItemView[];
  checklist: Checklist;
  products: ProductMatch[];
  valuation: ValuationRunSummary | null;
  /** The value the case relies on: the valuation's P10 (or total), else the agreed value. */
  valueFen: number | null;
  pledge: PledgeView | null;
  registration: RegistrationCheck;
  payments: PaymentView[];
  subsidy: SubsidyView | null;
  visits: VisitView[];
  events: CaseEvent[];
  /** After registration: the loan's servicing, the watch over its items, default and disposal (null for an unknown case). */
  loan: LoanFacts | null;
  facts: CaseFacts;
  /** The next stage and what still stops the case from entering it. */
  next: { stage: Stage | null; blockers: string[] };
}

export type ReminderKind = 'follow_up' | 'fee_due' | 'pledge_expiring' | 'subsidy_window';
export interface Reminder {
  kind: ReminderKind;
  due: string;
  overdue: boolean;
  caseId: string | null;
  enterpriseName: string;
  subject: string;
  message: string;
}

export interface StatRow {
  count: number;
  amountFen: number;
  /** Year-on-year change (shared/domain/stats.ts): a ratio, or a zero or missing base said in words. */
  countGrowth: Growth;
  amountGrowth: Growth;
}

export interface RegistrationStats {
  year: string | null;
  byYear: (StatRow & { year: string })[];
  byDistrict: (StatRow & { district: District })[];
  byBank: (StatRow & { bank: string })[];
}
