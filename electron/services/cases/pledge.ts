import type { Database } from 'better-sqlite3';
import { PLEDGE_EDITABLE, PLEDGE_STATUS_LABELS } from '../../../shared/domain/case-statuses';
import { AppError } from '../../../shared/errors';
import type { PledgeInput } from '../../../shared/schemas/case';
import type { PledgeView } from '../../../shared/types/case';
import type { WriteContext } from '../enterprises/repository';
import { diff, recordEvent } from './audit';
import { getCaseRecord } from './repository';

const COLUMNS = `bank, pledgee, loan_contract_no AS loanContractNo, loan_fen AS loanFen, rate_percent AS ratePercent, loan_start AS loanStart,
  loan_end AS loanEnd, pledge_contract_no AS pledgeContractNo, secured_fen AS securedFen, pledge_start AS pledgeStart, pledge_end AS pledgeEnd,
  appraised, agent, status, reg_no AS regNo, reg_date AS regDate, submitted_on AS submittedOn, status_reason AS statusReason, updated_by AS updatedBy, updated_at AS updatedAt`;

export function getPledge(db: Database, caseId: string): PledgeView | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM pledges WHERE case_id = ?`).get(caseId) as
    (Omit<PledgeView, 'appraised'> & { appraised: number }) | undefined;
  return r ? { ...r, appraised: r.appraised === 1 } : null;
}

export function savePledge(db: Database, input: PledgeInput, ctx: WriteContext): void {
  db.transaction(() => {
    const record = getCaseRecord(db, input.caseId);
    if (record.stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再修改');
    const current = getPledge(db, input.caseId);
    if (current && !PLEDGE_EDITABLE.includes(current.status)) {
      throw new AppError(
        'CONFLICT',
        `质押登记状态为“${PLEDGE_STATUS_LABELS[current.status]}”，不能直接修改${current.status === 'submitted' ? '（请先撤回）' : '（请先办理变更）'}`,
      );
    }
    const { caseId, ...fields } = input;
    const values = [
      fields.bank,
      fields.pledgee,
      fields.loanContractNo,
      fields.loanFen,
      fields.ratePercent,
      fields.loanStart,
      fields.loanEnd,
      fields.pledgeContractNo,
      fields.securedFen,
      fields.pledgeStart,
      fields.pledgeEnd,
      +fields.appraised,
      fields.agent,
    ];
    if (!current) {
      db.prepare(
        `INSERT INTO pledges (case_id, bank, pledgee, loan_contract_no, loan_fen, rate_percent, loan_start, loan_end, pledge_contract_no, secured_fen, pledge_start, pledge_end, appraised, agent, status, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
      ).run(caseId, ...values, ctx.actor, ctx.now);
      recordEvent(
        db,
        caseId,
        {
          action: 'pledge',
          summary: `录入贷款与质押合同（${fields.bank || '未填银行'}，合同 ${fields.loanContractNo || '未填'}）`,
          after: fields,
        },
        ctx,
      );
      return;
    }
    const changed = diff(current as unknown as Record<string, unknown>, fields);
    if (!changed) return;
    db.prepare(
      `UPDATE pledges SET (bank, pledgee, loan_contract_no, loan_fen, rate_percent, loan_start, loan_end, pledge_contract_no, secured_fen, pledge_start, pledge_end, appraised, agent, updated_by, updated_at)
       = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE case_id = ?`,
    ).run(...values, ctx.actor, ctx.now, caseId);
    recordEvent(db, caseId, { action: 'pledge', summary: '修改贷款与质押合同', ...changed }, ctx);
  }).immediate();
}
