import {
  PLEDGE_EDITABLE,
  PLEDGE_MOVE_VERBS,
  PLEDGE_MOVES,
  PLEDGE_STANDS,
  PLEDGE_STATUS_LABELS,
  PLEDGE_STATUSES,
  type PledgeStatus,
} from '../../domain/case-statuses';
import { isOpen } from '../../domain/check-lines';
import { registrationDateProblem } from '../../domain/date-order';
import { z } from 'zod';
import { pledgeInput, pledgeStatusInput } from '../../schemas/case';
import { accept, refuse, refuseAt, type Write } from '../records';
import { caseEvent, caseState, live } from './helpers';
import { changedFields, defineMutation, upsert } from './types';

const ROLES = ['steward', 'admin'] as const;

/** The loan and pledge contract; editable while drafting, after a refusal, or during a change. */
export const pledgeSave = defineMutation({
  name: 'pledge.save',
  args: pledgeInput,
  roles: ROLES,
  keys: (a) => [
    { entity: 'case', id: a.caseId },
    { entity: 'pledge', id: a.caseId },
  ],
  decide(a, state, ctx) {
    const c = live(state, 'case', a.caseId);
    if (!c) return refuse('服务案件不存在');
    if (c.data.stage === 'closed') return refuse('案件已结案，不能再修改');
    const current = live(state, 'pledge', a.caseId);
    const status = current?.data.status as PledgeStatus | undefined;
    if (status && !PLEDGE_EDITABLE.includes(status)) {
      return refuse(
        `质押登记状态为“${PLEDGE_STATUS_LABELS[status]}”，不能直接修改${status === 'submitted' ? '（请先撤回）' : '（请先办理变更）'}`,
      );
    }
    const fields = current ? a : { ...a, status: 'draft', regNo: '', regDate: null, submittedOn: null, statusReason: '' };
    const changed = changedFields(current?.data ?? null, fields);
    if (Object.keys(changed).length === 0) return accept();
    const summary = current ? '修改贷款与质押合同' : `录入贷款与质押合同（${a.bank || '未填银行'}，合同 ${a.loanContractNo || '未填'}）`;
    const before = current ? Object.fromEntries(Object.keys(changed).map((k) => [k, current.data[k] ?? null])) : undefined;
    return accept(upsert('pledge', a.caseId, changed), caseEvent(ctx, a.caseId, 0, { action: 'pledge', summary, before, after: changed }));
  },
});

/**
 * 草稿 → 已提交 → 已登记 / 不予登记 → 变更 → 注销. Filing needs a clean pre-filing check in the
 * 质押登记 stage; a registration its number and a date not before the filing; a refusal, a
 * change, a withdrawal and a cancellation a reason. Items are marked pledged while it stands.
 */
export const pledgeStatus = defineMutation({
  name: 'pledge.status',
  args: pledgeStatusInput.safeExtend({ from: z.enum(PLEDGE_STATUSES).optional() }),
  roles: ROLES,
  keys: (a) => [
    { entity: 'case', id: a.caseId },
    { entity: 'pledge', id: a.caseId },
  ],
  decide(a, state, ctx) {
    const c = caseState(state, a.caseId, ctx);
    if (!c) return refuse('服务案件不存在');
    if (!c.pledge) return refuse('尚未录入贷款与质押合同');
    if (c.data.stage === 'closed') return refuse('案件已结案，不能再变更');
    const p = c.pledge.data;
    const from = p.status as PledgeStatus;
    if (a.from && a.from !== from) return refuse(`质押登记已是“${PLEDGE_STATUS_LABELS[from]}”（可能已在别处变更），请刷新后再操作`);
    if (!PLEDGE_MOVES[from].includes(a.to))
      return refuse(`质押登记不能从“${PLEDGE_STATUS_LABELS[from]}”变为“${PLEDGE_STATUS_LABELS[a.to]}”`);
    const reasons: string[] = [];
    if (a.to === 'submitted') {
      if (c.data.stage !== 'registration') reasons.push('案件需处于“质押登记”阶段才能提交登记');
      reasons.push(...c.view.registration.lines.filter(isOpen).map((l) => `${l.subject}：${l.message}${l.confirmKey ? '（需确认）' : ''}`));
    }
    if (a.to === 'registered' && (!a.regNo.trim() || !a.regDate)) reasons.push('请填写登记号和登记日期');
    const dateProblem =
      a.to === 'registered' && a.regDate ? registrationDateProblem(a.regDate, (p.submittedOn as string | null) ?? null) : null;
    if (dateProblem) return refuseAt('regDate', dateProblem);
    if (['refused', 'changed', 'cancelled'].includes(a.to) || (from === 'submitted' && a.to === 'draft')) {
      if (!a.reason.trim()) reasons.push(`“${PLEDGE_STATUS_LABELS[a.to]}”须填写原因或说明`);
    }
    if (reasons.length) return refuse(reasons.length === 1 ? reasons[0]! : `不能${PLEDGE_MOVE_VERBS[a.to]}：${reasons.join('；')}`);
    const regNo = a.to === 'registered' ? a.regNo.trim() : String(p.regNo ?? '');
    const regDate = a.to === 'registered' ? a.regDate : ((p.regDate as string | null) ?? null);
    const submittedOn = a.to === 'submitted' ? (a.submittedOn ?? ctx.today) : ((p.submittedOn as string | null) ?? null);
    const writes: Write[] = [
      upsert('pledge', a.caseId, { status: a.to, regNo, regDate, submittedOn, statusReason: a.reason.trim() }, false),
    ];
    const stands = PLEDGE_STANDS.includes(a.to);
    if (stands !== PLEDGE_STANDS.includes(from))
      for (const item of c.items) writes.push(upsert('ip_asset', item, { pledged: stands }, false));
    const extra = a.to === 'registered' ? `，登记号 ${regNo}，登记日 ${regDate}` : a.to === 'submitted' ? `，提交日 ${submittedOn}` : '';
    writes.push(
      caseEvent(ctx, a.caseId, 0, {
        action: 'pledge_status',
        summary: `质押登记：${PLEDGE_STATUS_LABELS[from]} → ${PLEDGE_STATUS_LABELS[a.to]}${extra}`,
        before: { status: from },
        after: { status: a.to, regNo, regDate, ...(a.to === 'submitted' ? { submittedOn } : {}) },
        reason: a.reason.trim(),
      }),
    );
    return accept(...writes);
  },
});
