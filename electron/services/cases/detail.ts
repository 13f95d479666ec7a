import type { Database } from 'better-sqlite3-multiple-ciphers';
import { caseView } from '../../../shared/domain/case-view';
import { loanFacts, loanSummary } from '../../../shared/domain/loan/of-state';
import { localState } from '../sync/store';
import type { CaseDetail } from '../../../shared/types/case';
import type { Qualification } from '../../../shared/domain/enterprise';
import type { BankProduct } from '../../../shared/types/valuation';
import { getEnterprise } from '../enterprises/repository';
import { getIpAsset } from '../ip/repository';
import { runItemValues } from '../valuation/runs';
import { listEvents } from './audit';
import { getPledge } from './pledge';
import { getSubsidy, listPayments } from './subsidy';
import { listVisits } from './visits';
import { getCaseRecord } from './repository';

/** The case as its view shows it: the records, and what they imply (computed in shared/). */
export function getCaseDetail(
  db: Database,
  id: string,
  products: BankProduct[],
  today: string,
  /** Finds the qualifications the enterprise's self-check expects (预计符合), when criteria are at hand. */
  expected?: (enterpriseId: string) => readonly Qualification[],
): CaseDetail {
  const record = getCaseRecord(db, id);
  const enterprise = getEnterprise(db, record.enterpriseId);
  const assetIds = db.prepare('SELECT ip_asset_id FROM case_items WHERE case_id = ?').pluck().all(id) as string[];
  const pledge = getPledge(db, id);
  const subsidy = getSubsidy(db, id);
  const run = record.valuationId ? runItemValues(db, record.valuationId) : null;
  const loan = loanFacts(localState(db), id, today);
  const view = caseView(
    {
      record,
      enterprise,
      assets: assetIds.map((a) => getIpAsset(db, a, today)),
      pledge,
      subsidyStatus: subsidy?.status ?? null,
      loan: loanSummary(loan),
      run,
      expectedQualifications: expected?.(enterprise.id),
    },
    products,
    today,
  );
  return {
    record,
    enterprise,
    pledge,
    payments: listPayments(db, id),
    subsidy,
    visits: listVisits(db, id),
    events: listEvents(db, id),
    loan,
    ...view,
  };
}
