import type { Database } from 'better-sqlite3';
import {
  PLEDGE_MOVE_VERBS,
  PLEDGE_MOVES,
  PLEDGE_STANDS,
  PLEDGE_STATUS_LABELS,
  type PledgeStatus,
} from '../../../shared/domain/case-statuses';
import { isOpen } from '../../../shared/domain/check-lines';
import { registrationDateProblem } from '../../../shared/domain/date-order';
import { AppError } from '../../../shared/errors';
import type { BankProduct } from '../../../shared/types/valuation';
import { recordChange } from '../changes';
import type { WriteContext } from '../enterprises/repository';
import { recordEvent } from './audit';
import { getCaseDetail } from './detail';

export interface PledgeStatusChange {
  caseId: string;
  to: PledgeStatus;
  regNo: string;
  regDate: string | null;
  submittedOn: string | null;
  reason: string;
}

/**
 * Moves the registration through 草稿 → 已提交 → 已登记 / 不予登记 → 变更 → 注销. Filing needs a
 * clean pre-filing check; a registration needs its number and date; a refusal, a change,
 * a withdrawal and a cancellation need a reason. Items are marked pledged while it stands.
 */
export function changePledgeStatus(db: Database, c: PledgeStatusChange, products: BankProduct[], ctx: WriteContext, today: string): void {
  db.transaction(() => {
    const detail = getCaseDetail(db, c.caseId, products, today);
    const pledge = detail.pledge;
    if (!pledge) throw new AppError('CONFLICT', '尚未录入贷款与质押合同');
    if (detail.record.stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再变更');
    const from = pledge.status;
    if (!PLEDGE_MOVES[from].includes(c.to))
      throw new AppError('CONFLICT', `质押登记不能从“${PLEDGE_STATUS_LABELS[from]}”变为“${PLEDGE_STATUS_LABELS[c.to]}”`);
    const reasons: string[] = [];
    if (c.to === 'submitted') {
      if (detail.record.stage !== 'registration') reasons.push('案件需处于“质押登记”阶段才能提交登记');
      reasons.push(...detail.registration.lines.filter(isOpen).map((l) => `${l.subject}：${l.message}${l.confirmKey ? '（需确认）' : ''}`));
    }
    if (c.to === 'registered' && (!c.regNo.trim() || !c.regDate)) reasons.push('请填写登记号和登记日期');
    const dateProblem = c.to === 'registered' && c.regDate ? registrationDateProblem(c.regDate, pledge.submittedOn) : null;
    if (dateProblem) throw new AppError('INVALID_INPUT', dateProblem, [{ path: 'regDate', message: dateProblem }]);
    if (['refused', 'changed', 'cancelled'].includes(c.to) || (from === 'submitted' && c.to === 'draft')) {
      if (!c.reason.trim()) reasons.push(`“${PLEDGE_STATUS_LABELS[c.to]}”须填写原因或说明`);
    }
    if (reasons.length)
      throw new AppError(
        'CONFLICT',
        reasons.length === 1 ? reasons[0]! : `不能${PLEDGE_MOVE_VERBS[c.to]}：${reasons.join('；')}`,
        reasons.map((message) => ({ path: '', message })),
      );

    const regNo = c.to === 'registered' ? c.regNo.trim() : pledge.regNo;
    const regDate = c.to === 'registered' ? c.regDate : pledge.regDate;
    const submittedOn = c.to === 'submitted' ? (c.submittedOn ?? today) : pledge.submittedOn;
    db.prepare(
      'UPDATE pledges SET status = ?, reg_no = ?, reg_date = ?, submitted_on = ?, status_reason = ?, updated_by = ?, updated_at = ? WHERE case_id = ?',
    ).run(c.to, regNo, regDate, submittedOn, c.reason.trim(), ctx.actor, ctx.now, c.caseId);
    const stands = PLEDGE_STANDS.includes(c.to);
    if (stands !== PLEDGE_STANDS.includes(from)) {
      const mark = db.prepare('UPDATE ip_assets SET pledged = ?, updated_by = ?, updated_at = ? WHERE id = ?');
      for (const item of detail.items) {
        mark.run(+stands, ctx.actor, ctx.now, item.id);
        recordChange(db, 'ip_asset', item.id, 'upsert', ctx.now);
      }
    }
    const extra = c.to === 'registered' ? `，登记号 ${regNo}，登记日 ${regDate}` : c.to === 'submitted' ? `，提交日 ${submittedOn}` : '';
    recordEvent(
      db,
      c.caseId,
      {
        action: 'pledge_status',
        summary: `质押登记：${PLEDGE_STATUS_LABELS[from]} → ${PLEDGE_STATUS_LABELS[c.to]}${extra}`,
        before: { status: from },
        after: { status: c.to, regNo, regDate, ...(c.to === 'submitted' ? { submittedOn } : {}) },
        reason: c.reason.trim(),
      },
      ctx,
    );
  }).immediate();
}
