/**
 * What a case's records imply, computed the same way on the desktop and the server: each
 * item's pledgeability, the pre-loan checklist, the ranked bank products, the value the case
 * relies on, the pre-filing check, and the facts the stage machine decides moves by.
 */
import type { CaseItemView, CaseRecord, PledgeView } from '../types/case';
import type { BankProduct, ValuationRunSummary } from '../types/valuation';
import { formatIpNumber } from '../schemas/ip';
import { entryBlockers, nextStage, type CaseFacts, type Stage } from './case-stages';
import { PLEDGE_STANDS, PLEDGE_WAS_REGISTERED, type PledgeStatus, type SubsidyStatus } from './case-statuses';
import type { Qualification } from './enterprise';
import { guidanceChecklist, type Checklist } from './guidance';
import type { IpKind } from './ip';
import { assessPledgeability, type PledgeAsset } from './pledgeability';
import { rankProducts, type ProductMatch } from './products';
import { checkRegistration, type RegistrationCheck } from './registration';

/** An IP item as a case needs it. */
export interface CaseAsset extends PledgeAsset {
  id: string;
  kind: IpKind;
  number: string;
  title: string;
}

export type CasePledge = Pick<
  PledgeView,
  | 'status'
  | 'regNo'
  | 'bank'
  | 'pledgee'
  | 'loanContractNo'
  | 'loanFen'
  | 'loanStart'
  | 'loanEnd'
  | 'pledgeContractNo'
  | 'securedFen'
  | 'pledgeStart'
  | 'pledgeEnd'
>;

export interface CaseViewInput {
  record: Pick<CaseRecord, 'stage' | 'needFen' | 'needTermMonths' | 'confirmations' | 'documents' | 'productId' | 'manualValueFen'>;
  enterprise: { name: string; foundedOn: string | null; qualifications: Qualification[] };
  assets: CaseAsset[];
  pledge: CasePledge | null;
  subsidyStatus: SubsidyStatus | null;
  /** Where the loan stands after registration (shared/domain/loan/of-state.ts). */
  loan: { open: boolean; disposalClosed: boolean };
  /** The linked valuation: its summary, each asset's value in it, and the product it was valued for. */
  run: { summary: ValuationRunSummary; byAsset: Map<string, number>; productId: string | null } | null;
  /** Qualifications its self-check expects (预计符合) without a certificate on file. */
  expectedQualifications?: readonly Qualification[];
}

export interface CaseView {
  items: CaseItemView[];
  checklist: Checklist;
  products: ProductMatch[];
  valuation: ValuationRunSummary | null;
  valueFen: number | null;
  registration: RegistrationCheck;
  facts: CaseFacts;
  next: { stage: Stage | null; blockers: string[] };
}

/**
 * The case's items with their pledgeability today. While this case's own pledge stands the
 * items are marked pledged; that must not count as "already pledged" against this case.
 */
export function caseItemViews(
  assets: readonly CaseAsset[],
  pledgeStatus: PledgeStatus | null,
  enterpriseName: string,
  today: string,
): CaseItemView[] {
  const ownPledge = pledgeStatus !== null && PLEDGE_STANDS.includes(pledgeStatus);
  return [...assets]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.number.localeCompare(b.number))
    .map((a) => {
      const assessment = assessPledgeability(a, enterpriseName, today);
      const reasons = ownPledge ? assessment.reasons.filter((r) => r.code !== 'already_pledged') : assessment.reasons;
      const displayNumber = formatIpNumber(a.kind, a.number);
      return {
        id: a.id,
        kind: a.kind,
        number: a.number,
        displayNumber,
        title: a.title,
        label: `${displayNumber} ${a.title}`,
        grantDate: a.grantDate ?? null,
        owners: a.owners,
        assessment: { ...assessment, reasons, pledgeable: !reasons.some((r) => r.level === 'block') },
      };
    });
}

export function caseView(input: CaseViewInput, products: readonly BankProduct[], today: string): CaseView {
  const { record, enterprise, pledge, run } = input;
  const items = caseItemViews(input.assets, pledge?.status ?? null, enterprise.name, today);
  const checklist = guidanceChecklist({
    enterprise,
    items,
    needTermMonths: record.needTermMonths,
    confirmations: record.confirmations,
    documents: record.documents,
    today,
  });
  const valueFen = run ? (run.summary.p10Fen ?? run.summary.totalFen) : record.manualValueFen;
  const ranked = rankProducts(products, {
    needFen: record.needFen,
    termMonths: record.needTermMonths,
    foundedOn: enterprise.foundedOn,
    qualifications: enterprise.qualifications,
    expectedQualifications: input.expectedQualifications,
    items: items.filter((i) => i.assessment.pledgeable).map((i) => ({ kind: i.kind, valueFen: run?.byAsset.get(i.id) ?? null })),
    valuation: run ? { conservativeFen: run.summary.p10Fen ?? run.summary.totalFen, totalFen: run.summary.totalFen } : null,
    portfolioValueFen: run ? null : record.manualValueFen,
    today,
  });
  // The loan is checked against the chosen product (else the one the run was valued for).
  const chosen = ranked.find((m) => m.product.id === (record.productId || run?.productId));
  const support =
    chosen && chosen.capacityFen !== null
      ? {
          productName: `${chosen.product.bank} ${chosen.product.name}`,
          capacityFen: chosen.capacityFen,
          onExcess: chosen.product.loanOverCapacity ?? 'warn',
        }
      : null;
  const registration = checkRegistration(
    {
      pledgor: enterprise.name,
      pledgee: pledge?.pledgee || pledge?.bank || '',
      loanContractNo: pledge?.loanContractNo ?? '',
      loanFen: pledge?.loanFen ?? null,
      loanStart: pledge?.loanStart ?? null,
      loanEnd: pledge?.loanEnd ?? null,
      pledgeContractNo: pledge?.pledgeContractNo ?? '',
      securedFen: pledge?.securedFen ?? null,
      pledgeStart: pledge?.pledgeStart ?? null,
      pledgeEnd: pledge?.pledgeEnd ?? null,
    },
    items,
    record.confirmations,
    support,
  );
  // Registration is what CNIPA refuses on, so the stage gate uses the filing check once a
  // loan exists, and the pre-loan checklist before.
  const blockedItems = pledge ? registration.blockedItems : checklist.blockedItems;
  const facts: CaseFacts = {
    needFen: record.needFen,
    itemCount: items.length,
    blockedItems,
    hasValuation: valueFen !== null,
    hasLoan: Boolean(pledge && pledge.bank && pledge.loanContractNo && pledge.loanFen && pledge.loanStart && pledge.loanEnd),
    pledgeRegistered: Boolean(pledge?.regNo && PLEDGE_WAS_REGISTERED.includes(pledge.status)),
    pledgeRefused: pledge?.status === 'refused',
    subsidyPaid: input.subsidyStatus === 'paid',
    pledgeStands: pledge !== null && PLEDGE_STANDS.includes(pledge.status),
    loanOpen: input.loan.open,
    disposalClosed: input.loan.disposalClosed,
  };
  const next = nextStage(record.stage);
  return {
    items,
    checklist,
    products: ranked,
    valuation: run?.summary ?? null,
    valueFen,
    registration,
    facts,
    next: { stage: next, blockers: next ? entryBlockers(next, facts) : [] },
  };
}
