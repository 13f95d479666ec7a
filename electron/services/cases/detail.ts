import type { Database } from 'better-sqlite3';
import { entryBlockers, nextStage, type CaseFacts } from '../../../shared/domain/case-stages';
import { PLEDGE_WAS_REGISTERED } from '../../../shared/domain/case-statuses';
import { guidanceChecklist } from '../../../shared/domain/guidance';
import { rankProducts } from '../../../shared/domain/products';
import { checkRegistration } from '../../../shared/domain/registration';
import type { CaseDetail, CaseItemView, CaseRecord, PledgeView } from '../../../shared/types/case';
import type { BankProduct, ValuationRunSummary } from '../../../shared/types/valuation';
import { getEnterprise } from '../enterprises/repository';
import { runItemValues } from '../valuation/runs';
import { listEvents } from './audit';
import { caseItems } from './items';
import { getPledge } from './pledge';
import { getSubsidy, listPayments } from './subsidy';
import { listVisits } from './visits';
import { getCaseRecord } from './repository';

/** Per-item values from the linked valuation (the loan rule splits its P10 by their shares) and the product it was valued for. */
function itemValues(
  db: Database,
  valuationId: string | null,
): { run: ValuationRunSummary | null; byAsset: Map<string, number>; productId: string | null } {
  if (!valuationId) return { run: null, byAsset: new Map(), productId: null };
  const { summary, byAsset, productId } = runItemValues(db, valuationId);
  return { run: summary, byAsset, productId };
}

export function caseFacts(
  record: CaseRecord,
  items: CaseItemView[],
  blockedItems: number,
  hasValuation: boolean,
  pledge: PledgeView | null,
  subsidyPaid: boolean,
): CaseFacts {
  return {
    needFen: record.needFen,
    itemCount: items.length,
    blockedItems,
    hasValuation,
    hasLoan: Boolean(pledge && pledge.bank && pledge.loanContractNo && pledge.loanFen && pledge.loanStart && pledge.loanEnd),
    pledgeRegistered: Boolean(pledge?.regNo && PLEDGE_WAS_REGISTERED.includes(pledge.status)),
    pledgeRefused: pledge?.status === 'refused',
    subsidyPaid,
  };
}

export function getCaseDetail(db: Database, id: string, products: BankProduct[], today: string): CaseDetail {
  const record = getCaseRecord(db, id);
  const enterprise = getEnterprise(db, record.enterpriseId);
  const items = caseItems(db, id, today);
  const checklist = guidanceChecklist({
    enterprise,
    items,
    needTermMonths: record.needTermMonths,
    confirmations: record.confirmations,
    documents: record.documents,
    today,
  });
  const { run, byAsset, productId } = itemValues(db, record.valuationId);
  const valueFen = run ? (run.p10Fen ?? run.totalFen) : record.manualValueFen;
  const pledge = getPledge(db, id);
  const ranked = rankProducts(products, {
    needFen: record.needFen,
    termMonths: record.needTermMonths,
    foundedOn: enterprise.foundedOn,
    qualifications: enterprise.qualifications,
    items: items.filter((i) => i.assessment.pledgeable).map((i) => ({ kind: i.kind, valueFen: byAsset.get(i.id) ?? null })),
    valuation: run ? { conservativeFen: run.p10Fen ?? run.totalFen, totalFen: run.totalFen } : null,
    portfolioValueFen: run ? null : record.manualValueFen,
    today,
  });
  // The loan is checked against the chosen product (else the one the run was valued for).
  const chosen = ranked.find((m) => m.product.id === (record.productId || productId));
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
  const subsidy = getSubsidy(db, id);
  // Registration is what CNIPA refuses on, so the stage gate uses the filing check once a
  // loan exists, and the pre-loan checklist before.
  const blockedItems = pledge ? registration.blockedItems : checklist.blockedItems;
  const facts = caseFacts(record, items, blockedItems, valueFen !== null, pledge, subsidy?.status === 'paid');
  const next = nextStage(record.stage);
  return {
    record,
    enterprise,
    items,
    checklist,
    products: ranked,
    valuation: run,
    valueFen,
    pledge,
    registration,
    payments: listPayments(db, id),
    subsidy,
    visits: listVisits(db, id),
    events: listEvents(db, id),
    facts,
    next: { stage: next, blockers: next ? entryBlockers(next, facts) : [] },
  };
}
