/**
 * A case's loan after registration, read from the synced records (the same reader the
 * mutations decide on, on the desktop and the server): its terms from the pledge contract, the
 * repayments, the servicing as of a day, the watch over its pledged items, default, disposal
 * and recovery. The desktop's 贷后管理 page, the mutations and the figures all read it here.
 */
import type { StateReader, SyncRecord } from '../../sync/records';
import { PLEDGE_STANDS, PLEDGE_WAS_REGISTERED, type PledgeStatus } from '../case-statuses';
import type { IpKind, LegalStatus } from '../ip';
import { recoveryOf, type DefaultRecord, type Disposal, type Recovery } from './disposal';
import type { CompensationResult } from './compensation';
import type { PlanLine, RepaymentMethod, ScheduleTerms } from './schedule';
import { serviceLoan, type Extension, type Repayment, type Servicing } from './servicing';
import { securityWeakened, watchPledge, type IpEvent, type WatchedItem, type WatchWarning } from './watch';

export interface Insurance {
  insurer: string;
  policyNo: string;
  premiumFen: number;
  coverPercent: number;
  claimedFen: number | null;
  paidFen: number | null;
  paidOn: string | null;
}

export const CLAIM_STATUS_LABELS = { draft: '草稿', submitted: '已申请', paid: '已拨付', rejected: '未通过' } as const;

/** A risk-compensation claim as worked out when it was made, and what became of it. */
export interface Claim {
  poolId: string;
  madeOn: string;
  priorEnterpriseFen: number;
  result: CompensationResult;
  status: keyof typeof CLAIM_STATUS_LABELS;
  paidFen: number | null;
}

export interface LoanRecordData {
  method: RepaymentMethod;
  plan: PlanLine[];
  extensions: (Extension & { note?: string })[];
  defaultRecord: DefaultRecord | null;
  disposal: Disposal | null;
  insurance: Insurance | null;
  claim: Claim | null;
  poolName: string;
}

export interface LoanFacts {
  /** The loan contract's terms, or why they are not complete yet. */
  terms: ScheduleTerms | null;
  missing: string | null;
  pledgeStatus: PledgeStatus | null;
  /** Registered with CNIPA and not yet cancelled: the loan is in 贷后管理. */
  pledgeStands: boolean;
  record: LoanRecordData;
  /** Whether a repayment method was chosen (a loan record exists). */
  tracked: boolean;
  repayments: (Repayment & { id: string; note: string })[];
  servicing: Servicing | null;
  warnings: WatchWarning[];
  weakened: boolean;
  recovery: Recovery | null;
  bank: string;
  pledgeEndOn: string | null;
  /** The pledged items as watched, with their legal-status events. */
  items: (WatchedItem & { events: IpEvent[] })[];
}

const EMPTY: LoanRecordData = {
  method: 'equal_instalment',
  plan: [],
  extensions: [],
  defaultRecord: null,
  disposal: null,
  insurance: null,
  claim: null,
  poolName: '',
};

export function loanRecordOf(r: SyncRecord | null): LoanRecordData {
  if (!r || r.deleted) return EMPTY;
  const d = r.data as Partial<LoanRecordData>;
  return {
    method: d.method ?? EMPTY.method,
    plan: d.plan ?? [],
    extensions: d.extensions ?? [],
    defaultRecord: d.defaultRecord ?? null,
    disposal: d.disposal ?? null,
    insurance: d.insurance ?? null,
    claim: d.claim ?? null,
    poolName: d.poolName ?? '',
  };
}

/** The loan's terms from its pledge record, or what is missing. */
export function termsOf(pledge: SyncRecord | null, record: LoanRecordData): { terms: ScheduleTerms | null; missing: string | null } {
  const p = pledge && !pledge.deleted ? pledge.data : null;
  if (!p || !PLEDGE_WAS_REGISTERED.includes(p.status as PledgeStatus)) return { terms: null, missing: '质押尚未登记，登记后进入贷后管理' };
  if (!p.loanFen || !p.loanStart || !p.loanEnd || p.ratePercent === null || p.ratePercent === undefined)
    return { terms: null, missing: '贷款合同信息不完整（金额、年利率、发放日、到期日），请先在质押登记中补全' };
  return {
    terms: {
      principalFen: Number(p.loanFen),
      annualRatePercent: Number(p.ratePercent),
      startOn: String(p.loanStart),
      endOn: String(p.loanEnd),
      method: record.method,
      plan: record.method === 'custom' ? record.plan : undefined,
    },
    missing: null,
  };
}

export function loanFacts(state: StateReader, caseId: string, asOf: string): LoanFacts | null {
  const c = state.get('case', caseId);
  if (!c || c.deleted) return null;
  const pledge = state.get('pledge', caseId);
  const loanRec = state.get('loan', caseId);
  const record = loanRecordOf(loanRec);
  const { terms, missing } = termsOf(pledge, record);
  const repayments = state
    .children('repayment', 'caseId', caseId)
    .map((r) => ({
      id: r.id,
      paidOn: String(r.data.paidOn),
      amountFen: Number(r.data.amountFen),
      kind: r.data.kind as Repayment['kind'],
      note: String(r.data.note ?? ''),
    }))
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.id.localeCompare(b.id)));
  const servicing = terms ? serviceLoan(terms, repayments, record.extensions, asOf) : null;
  const pledgeStatus = (pledge && !pledge.deleted ? (pledge.data.status as PledgeStatus) : null) ?? null;
  const pledgeStands = pledgeStatus !== null && PLEDGE_STANDS.includes(pledgeStatus);
  const items = ((c.data.items as string[] | undefined) ?? [])
    .map((id) => state.get('ip_asset', id))
    .filter((a): a is SyncRecord => a !== null && !a.deleted);
  const watched = items.map((a) => ({
    id: a.id,
    number: String(a.data.number),
    title: String(a.data.title ?? ''),
    kind: a.data.kind as IpKind,
    legalStatus: a.data.legalStatus as LegalStatus,
    filingDate: (a.data.filingDate as string | null) ?? null,
    grantDate: (a.data.grantDate as string | null) ?? null,
    registrationDate: (a.data.registrationDate as string | null) ?? null,
    validUntil: (a.data.validUntil as string | null) ?? null,
    publishedOn: (a.data.publishedOn as string | null) ?? null,
    feePaidThrough: (a.data.feePaidThrough as string | null) ?? null,
    events: state
      .children('ip_event', 'ipAssetId', a.id)
      .map((e) => ({ ...(e.data as unknown as IpEvent), id: e.id }))
      .sort((x, y) => (x.occurredOn < y.occurredOn ? 1 : x.occurredOn > y.occurredOn ? -1 : 0)),
  }));
  const pledgeEndOn = (pledge?.data.pledgeEnd as string | null | undefined) ?? null;
  const warnings =
    servicing && pledgeStands && servicing.state !== 'settled'
      ? watchPledge({
          items: watched,
          events: watched.flatMap((w) => w.events),
          loanEndOn: servicing.endOn,
          pledgeEndOn,
          asOf,
        })
      : [];
  const d = record.defaultRecord;
  const claimPaid = record.claim?.status === 'paid' ? (record.claim.paidFen ?? 0) : 0;
  const recovery = d ? recoveryOf(d, record.disposal, record.insurance?.paidFen ?? 0, claimPaid) : null;
  return {
    terms,
    missing,
    pledgeStatus,
    pledgeStands,
    record,
    tracked: Boolean(loanRec && !loanRec.deleted),
    repayments,
    servicing,
    warnings,
    weakened: securityWeakened(warnings),
    recovery,
    bank: String(pledge?.data.bank ?? ''),
    pledgeEndOn,
    items: watched,
  };
}

/** The loan is still open for the case's closing: tracked and neither settled nor disposed of. */
export function loanStillOpen(f: LoanFacts | null): boolean {
  if (!f?.tracked || !f.servicing) return false;
  if (f.record.disposal?.closedOn) return false;
  return f.servicing.state !== 'settled';
}

/** What the case's stage machine needs of the loan. */
export const loanSummary = (f: LoanFacts | null): { open: boolean; disposalClosed: boolean } => ({
  open: loanStillOpen(f),
  disposalClosed: Boolean(f?.record.defaultRecord && f.record.disposal?.closedOn),
});
