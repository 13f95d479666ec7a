import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type FeeType, type SubsidyStatus } from '../../../shared/domain/case-statuses';
import { paymentDateProblem } from '../../../shared/domain/date-order';
import { computeSubsidy, type SubsidyResult } from '../../../shared/domain/subsidy';
import { AppError } from '../../../shared/errors';
import type { Policy, SubsidyInput } from '../../../shared/schemas/policy';
import type { Qualification } from '../../../shared/domain/enterprise';
import type { PaymentView, SubsidyView } from '../../../shared/types/case';
import { getEnterprise } from '../enterprises/repository';
import { getPledge } from './pledge';
import { getCaseRecord } from './repository';

export function listPayments(db: Database, caseId: string): PaymentView[] {
  return db
    .prepare(
      'SELECT id, paid_on AS paidOn, kind, amount_fen AS amountFen, note, created_by AS createdBy, created_at AS createdAt FROM payments WHERE case_id = ? ORDER BY paid_on, created_at',
    )
    .all(caseId) as PaymentView[];
}

export function getSubsidy(db: Database, caseId: string): SubsidyView | null {
  const r = db
    .prepare(
      `SELECT policy_id AS policyId, policy_version AS policyVersion, repaid, other_subsidy AS otherSubsidy, materials, calc, amount_fen AS amountFen, status,
       status_note AS statusNote, status_on AS statusOn, submitted_on AS submittedOn, approved_fen AS approvedFen, approved_on AS approvedOn,
       paid_fen AS paidFen, paid_on AS paidOn, updated_by AS updatedBy, updated_at AS updatedAt FROM subsidy_applications WHERE case_id = ?`,
    )
    .get(caseId) as
    | (Omit<SubsidyView, 'repaid' | 'otherSubsidy' | 'materials' | 'calc'> & {
        repaid: number;
        otherSubsidy: number;
        materials: string;
        calc: string;
      })
    | undefined;
  return r
    ? { ...r, repaid: r.repaid === 1, otherSubsidy: r.otherSubsidy === 1, materials: JSON.parse(r.materials), calc: JSON.parse(r.calc) }
    : null;
}

export interface SubsidyDraft {
  caseId: string;
  policyId: string;
  repaid: boolean;
  otherSubsidy: boolean;
  materials: Record<string, boolean>;
}

/** The calculator's input, from the case's loan, payments, enterprise and items. */
export function subsidyInputFor(
  db: Database,
  draft: Omit<SubsidyDraft, 'materials'>,
  policy: Policy,
  year: string,
  expected: readonly Qualification[] = [],
): SubsidyInput {
  const record = getCaseRecord(db, draft.caseId);
  const pledge = getPledge(db, draft.caseId);
  if (!pledge?.loanFen || !pledge.loanStart || !pledge.loanEnd)
    throw new AppError('CONFLICT', '尚未录入完整的贷款信息（金额、发放日、到期日），无法计算贴息');
  const payments = listPayments(db, draft.caseId);
  // A payment that no longer fits the loan (its dates were corrected later) is not summed silently.
  const misdated = payments.map((p) => paymentDateProblem(p.kind, p.paidOn, pledge.loanStart)).filter((x): x is string => x !== null);
  if (misdated.length) throw new AppError('CONFLICT', `支付记录与贷款日期不符，请先更正：${misdated.join('；')}`);
  const enterprise = getEnterprise(db, record.enterpriseId);
  const kinds = db
    .prepare('SELECT DISTINCT a.kind FROM case_items i JOIN ip_assets a ON a.id = i.ip_asset_id WHERE i.case_id = ?')
    .pluck()
    .all(draft.caseId) as SubsidyInput['ipKinds'];
  const already = db
    .prepare(
      `SELECT coalesce(sum(coalesce(s.paid_fen, s.approved_fen)), 0) FROM subsidy_applications s JOIN cases c ON c.id = s.case_id
       WHERE c.enterprise_id = ? AND c.id <> ? AND s.policy_id = ? AND s.status IN ('approved', 'paid') AND substr(s.approved_on, 1, 4) = ?`,
    )
    .pluck()
    .get(record.enterpriseId, draft.caseId, policy.id, year) as number;
  return {
    policyId: policy.id,
    loan: { principalFen: pledge.loanFen, startDate: pledge.loanStart, endDate: pledge.loanEnd, repaid: draft.repaid },
    interestPaidFen: payments.filter((p) => p.kind === 'interest').reduce((s, p) => s + p.amountFen, 0),
    fees: payments.filter((p) => p.kind !== 'interest').map((p) => ({ type: p.kind as FeeType, amountFen: p.amountFen })),
    enterprise: { district: enterprise.district, qualifications: enterprise.qualifications, expectedQualifications: [...expected] },
    ipKinds: kinds,
    alreadyGrantedThisYearFen: already,
    otherSubsidyForThisLoan: draft.otherSubsidy,
  };
}

export function calcForCase(
  db: Database,
  draft: Omit<SubsidyDraft, 'materials'>,
  policy: Policy,
  today: string,
  expected: readonly Qualification[] = [],
): { input: SubsidyInput; result: SubsidyResult } {
  const input = subsidyInputFor(db, draft, policy, today.slice(0, 4), expected);
  if (input.ipKinds.length === 0) throw new AppError('CONFLICT', '案件没有质押物，无法计算贴息');
  return { input, result: computeSubsidy(policy, input) };
}

export interface SubsidyStatusChange {
  caseId: string;
  to: SubsidyStatus;
  note: string;
  /** The approved or paid amount (required for those two moves). */
  amountFen: number | null;
  /** The day of the approval or payment. */
  on: string | null;
}
