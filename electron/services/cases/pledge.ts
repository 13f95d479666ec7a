import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PledgeView } from '../../../shared/types/case';

const COLUMNS = `bank, pledgee, loan_contract_no AS loanContractNo, loan_fen AS loanFen, rate_percent AS ratePercent, loan_start AS loanStart,
  loan_end AS loanEnd, pledge_contract_no AS pledgeContractNo, secured_fen AS securedFen, pledge_start AS pledgeStart, pledge_end AS pledgeEnd,
  appraised, agent, status, reg_no AS regNo, reg_date AS regDate, submitted_on AS submittedOn, status_reason AS statusReason, updated_by AS updatedBy, updated_at AS updatedAt`;

export function getPledge(db: Database, caseId: string): PledgeView | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM pledges WHERE case_id = ?`).get(caseId) as
    (Omit<PledgeView, 'appraised'> & { appraised: number }) | undefined;
  return r ? { ...r, appraised: r.appraised === 1 } : null;
}
