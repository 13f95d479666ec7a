import { z } from 'zod';
import {
  PAYMENT_KIND_LABELS,
  SUBSIDY_MOVE_VERBS,
  SUBSIDY_MOVES,
  SUBSIDY_STATUS_LABELS,
  SUBSIDY_STATUSES,
  type FeeType,
  type PaymentKind,
  type SubsidyStatus,
} from '../../domain/case-statuses';
import { decisionDateProblem, paymentDateProblem } from '../../domain/date-order';
import type { District } from '../../domain/districts';
import type { Qualification } from '../../domain/enterprise';
import type { IpKind } from '../../domain/ip';
import { computeSubsidy, type SubsidyResult } from '../../domain/subsidy';
import { formatYuan } from '../../money';
import { id } from '../../schemas/common';
import { paymentInput, subsidyDraft, subsidyStatusInput } from '../../schemas/case';
import type { Policy, SubsidyInput } from '../../schemas/policy';
import { accept, refuse, refuseAt, type StateReader } from '../records';
import { caseEvent, live } from './helpers';
import { defineMutation, remove, upsert } from './types';

const ROLES = ['steward', 'admin'] as const;
const CLOSED = '案件已结案，不能再修改';

/** Records a payment of interest or a fee; interest cannot predate the loan. */
export const paymentSave = defineMutation({
  name: 'payment.save',
  args: paymentInput.safeExtend({ id }),
  roles: ROLES,
  keys: (a) => [
    { entity: 'case', id: a.caseId },
    { entity: 'pledge', id: a.caseId },
  ],
  decide(a, state, ctx) {
    const c = live(state, 'case', a.caseId);
    if (!c) return refuse('服务案件不存在');
    if (c.data.stage === 'closed') return refuse(CLOSED);
    const problem = paymentDateProblem(a.kind, a.paidOn, (live(state, 'pledge', a.caseId)?.data.loanStart as string | null) ?? null);
    if (problem) return refuseAt('paidOn', problem);
    const { id: paymentId, ...fields } = a;
    const summary = `登记${PAYMENT_KIND_LABELS[a.kind]}支付 ${formatYuan(a.amountFen)} 元（${a.paidOn}）`;
    return accept(
      upsert('payment', paymentId, fields),
      caseEvent(ctx, a.caseId, 0, { action: 'payment', summary, after: { id: paymentId, ...fields } }),
    );
  },
});

export const paymentDelete = defineMutation({
  name: 'payment.delete',
  args: z.object({ id }).strict(),
  roles: ROLES,
  keys: (a) => [{ entity: 'payment', id: a.id }],
  decide(a, state, ctx) {
    const p = live(state, 'payment', a.id);
    if (!p) return refuse('支付记录不存在或已删除');
    const caseId = String(p.data.caseId);
    if (live(state, 'case', caseId)?.data.stage === 'closed') return refuse(CLOSED);
    const kind = p.data.kind as PaymentKind;
    const summary = `删除${PAYMENT_KIND_LABELS[kind]}支付记录 ${formatYuan(Number(p.data.amountFen))} 元（${String(p.data.paidOn)}）`;
    return accept(remove('payment', a.id), caseEvent(ctx, caseId, 0, { action: 'payment_delete', summary, before: p.data }));
  },
});

/** The calculator's input, from the case's loan, payments, enterprise, items and the enterprise's other grants this year. */
export function subsidyInputOf(
  state: StateReader,
  draft: { caseId: string; repaid: boolean; otherSubsidy: boolean },
  policy: Policy,
  year: string,
): SubsidyInput | string {
  const c = live(state, 'case', draft.caseId);
  if (!c) return '服务案件不存在';
  const pledge = live(state, 'pledge', draft.caseId)?.data;
  if (!pledge?.loanFen || !pledge.loanStart || !pledge.loanEnd) return '尚未录入完整的贷款信息（金额、发放日、到期日），无法计算贴息';
  const enterpriseId = String(c.data.enterpriseId);
  const e = live(state, 'enterprise', enterpriseId)?.data;
  if (!e) return '企业不存在';
  const payments = state
    .children('payment', 'caseId', draft.caseId)
    .map((p) => p.data as { kind: PaymentKind; paidOn: string; amountFen: number });
  // A payment that no longer fits the loan (its dates were corrected later) is not summed silently.
  const misdated = payments
    .map((p) => paymentDateProblem(p.kind, p.paidOn, String(pledge.loanStart)))
    .filter((x): x is string => x !== null);
  if (misdated.length) return `支付记录与贷款日期不符，请先更正：${misdated.join('；')}`;
  const kinds = [
    ...new Set(
      ((c.data.items as string[] | undefined) ?? [])
        .map((i) => live(state, 'ip_asset', i)?.data.kind as IpKind | undefined)
        .filter((k): k is IpKind => k !== undefined),
    ),
  ];
  const already = state
    .children('case', 'enterpriseId', enterpriseId)
    .filter((other) => other.id !== draft.caseId)
    .map((other) => live(state, 'subsidy', other.id)?.data)
    .filter(
      (s) =>
        s &&
        s.policyId === policy.id &&
        (s.status === 'approved' || s.status === 'paid') &&
        String(s.approvedOn ?? '').slice(0, 4) === year,
    )
    .reduce((sum, s) => sum + Number(s!.paidFen ?? s!.approvedFen ?? 0), 0);
  return {
    policyId: policy.id,
    loan: {
      principalFen: Number(pledge.loanFen),
      startDate: String(pledge.loanStart),
      endDate: String(pledge.loanEnd),
      repaid: draft.repaid,
    },
    interestPaidFen: payments.filter((p) => p.kind === 'interest').reduce((s, p) => s + p.amountFen, 0),
    fees: payments.filter((p) => p.kind !== 'interest').map((p) => ({ type: p.kind as FeeType, amountFen: p.amountFen })),
    enterprise: { district: e.district as District, qualifications: (e.qualifications as Qualification[]) ?? [] },
    ipKinds: kinds,
    alreadyGrantedThisYearFen: already,
    otherSubsidyForThisLoan: draft.otherSubsidy,
  };
}

/** The calculation for a case, or the reason it cannot be made. */
export function subsidyCalcOf(
  state: StateReader,
  draft: { caseId: string; repaid: boolean; otherSubsidy: boolean },
  policy: Policy,
  today: string,
): SubsidyResult | string {
  const input = subsidyInputOf(state, draft, policy, today.slice(0, 4));
  if (typeof input === 'string') return input;
  if (input.ipKinds.length === 0) return '案件没有质押物，无法计算贴息';
  return computeSubsidy(policy, input);
}

/** Saves the draft application with its calculation; ticking a material is its own audit line. */
export const subsidySave = defineMutation({
  name: 'subsidy.save',
  args: subsidyDraft,
  roles: ROLES,
  keys: (a) => [
    { entity: 'case', id: a.caseId },
    { entity: 'subsidy', id: a.caseId },
    { entity: 'pledge', id: a.caseId },
  ],
  decide(a, state, ctx) {
    const c = live(state, 'case', a.caseId);
    if (!c) return refuse('服务案件不存在');
    if (c.data.stage === 'closed') return refuse(CLOSED);
    const current = live(state, 'subsidy', a.caseId)?.data;
    const status = current?.status as SubsidyStatus | undefined;
    if (status && status !== 'draft')
      return refuse(`贴息申请状态为“${SUBSIDY_STATUS_LABELS[status]}”，不能修改${status === 'rejected' ? '（请先退回草稿）' : ''}`);
    const policy = ctx.policy(a.policyId);
    const calc = subsidyCalcOf(state, a, policy, ctx.today);
    if (typeof calc === 'string') return refuse(calc);
    const materials = { ...((current?.materials as Record<string, boolean>) ?? {}), ...a.materials };
    const same =
      current &&
      current.policyId === policy.id &&
      current.repaid === a.repaid &&
      current.otherSubsidy === a.otherSubsidy &&
      current.amountFen === calc.totalFen &&
      (current.calc as SubsidyResult).eligible === calc.eligible;
    const ticked = Object.entries(a.materials).filter(
      ([m, v]) => (((current?.materials as Record<string, boolean>) ?? {})[m] === true) !== v,
    );
    if (same && ticked.length === 0) return accept();
    const fields = {
      caseId: a.caseId,
      policyId: policy.id,
      policyVersion: policy.version,
      repaid: a.repaid,
      otherSubsidy: a.otherSubsidy,
      materials,
      calc,
      amountFen: calc.totalFen,
    };
    const draft = current
      ? fields
      : {
          ...fields,
          status: 'draft',
          statusNote: '',
          statusOn: null,
          submittedOn: null,
          approvedFen: null,
          approvedOn: null,
          paidFen: null,
          paidOn: null,
        };
    const event = same
      ? caseEvent(ctx, a.caseId, 0, {
          action: 'subsidy_materials',
          summary: ticked.map(([m, v]) => `申报材料${v ? '已备' : '取消'}：${m}`).join('；'),
          before: { materials: current.materials },
          after: { materials },
        })
      : caseEvent(ctx, a.caseId, 0, {
          action: 'subsidy',
          summary: `贴息测算（${policy.title} ${policy.version}）：${calc.eligible ? `${formatYuan(calc.totalFen)} 元` : `不符合条件（${calc.failures.length} 项）`}`,
          before: current ? { policyId: current.policyId, amountFen: current.amountFen } : undefined,
          after: { policyId: policy.id, amountFen: calc.totalFen, eligible: calc.eligible },
        });
    return accept(upsert('subsidy', a.caseId, draft), event);
  },
});

/**
 * 草稿 → 已提交 → 已批准 → 已拨付 / 未通过. Submitting recomputes from the records, needs every
 * material and a non-zero amount; approval and payment record the amount and the day.
 */
export const subsidyStatus = defineMutation({
  name: 'subsidy.status',
  args: subsidyStatusInput.safeExtend({ from: z.enum(SUBSIDY_STATUSES).optional() }),
  roles: ROLES,
  keys: (a) => [
    { entity: 'case', id: a.caseId },
    { entity: 'subsidy', id: a.caseId },
    { entity: 'pledge', id: a.caseId },
  ],
  decide(a, state, ctx) {
    const c = live(state, 'case', a.caseId);
    const cur = live(state, 'subsidy', a.caseId)?.data;
    if (!c) return refuse('服务案件不存在');
    if (!cur) return refuse('尚未填写贴息申请');
    if (c.data.stage === 'closed') return refuse('案件已结案，不能再变更');
    const from = cur.status as SubsidyStatus;
    if (a.from && a.from !== from) return refuse(`贴息申请已是“${SUBSIDY_STATUS_LABELS[from]}”（可能已在别处变更），请刷新后再操作`);
    if (!SUBSIDY_MOVES[from].includes(a.to))
      return refuse(`贴息申请不能从“${SUBSIDY_STATUS_LABELS[from]}”变为“${SUBSIDY_STATUS_LABELS[a.to]}”`);
    let calc = cur.calc as SubsidyResult;
    if (a.to === 'submitted') {
      if (c.data.stage !== 'subsidy') return refuse('案件需处于“贴息申报”阶段才能提交申请');
      const policy = ctx.policy(String(cur.policyId));
      const fresh = subsidyCalcOf(
        state,
        { caseId: a.caseId, repaid: Boolean(cur.repaid), otherSubsidy: Boolean(cur.otherSubsidy) },
        policy,
        ctx.today,
      );
      if (typeof fresh === 'string') return refuse(fresh);
      calc = fresh;
      if (!calc.eligible) return refuse(`不符合申报条件：${calc.failures.map((f) => f.message).join('；')}`);
      if (calc.totalFen === 0) return refuse('核定贴息为 0 元（没有可计入的利息或费用），无需申报');
      const missing = policy.materials.filter((m) => (cur.materials as Record<string, boolean>)[m] !== true);
      if (missing.length) return refuse(`不能${SUBSIDY_MOVE_VERBS.submitted}：申报材料尚缺 ${missing.length} 项（${missing.join('、')}）`);
    }
    if (a.to === 'rejected' && !a.note.trim()) return refuse('“未通过”须填写原因');
    if (a.to === 'approved' || a.to === 'paid') {
      const [ceiling, label, before] =
        a.to === 'approved'
          ? [calc.totalFen, '申请金额', { label: '提交申请', on: (cur.submittedOn as string | null) ?? null }]
          : [Number(cur.approvedFen ?? calc.totalFen), '核定金额', { label: '批准', on: (cur.approvedOn as string | null) ?? null }];
      if (a.amountFen! > ceiling)
        return refuseAt(
          'amountFen',
          `${a.to === 'approved' ? '核定' : '拨付'}金额 ${formatYuan(a.amountFen!)} 元超过${label} ${formatYuan(ceiling)} 元`,
        );
      const dateProblem = decisionDateProblem(a.on!, before);
      if (dateProblem) return refuseAt('on', dateProblem);
    }
    const fields = {
      status: a.to,
      statusNote: a.note.trim(),
      statusOn: a.on ?? ctx.today,
      calc,
      amountFen: calc.totalFen,
      submittedOn: a.to === 'submitted' ? (a.on ?? ctx.today) : cur.submittedOn,
      approvedFen: a.to === 'approved' ? a.amountFen : a.to === 'draft' ? null : cur.approvedFen,
      approvedOn: a.to === 'approved' ? a.on : a.to === 'draft' ? null : cur.approvedOn,
      paidFen: a.to === 'paid' ? a.amountFen : cur.paidFen,
      paidOn: a.to === 'paid' ? a.on : cur.paidOn,
    };
    const amount =
      a.to === 'approved' || a.to === 'paid'
        ? `${a.to === 'approved' ? '核定' : '拨付'} ${formatYuan(a.amountFen!)} 元，${a.on}`
        : `申请 ${formatYuan(calc.totalFen)} 元`;
    const after = {
      status: a.to,
      ...(a.to === 'approved' ? { approvedFen: a.amountFen, approvedOn: a.on } : {}),
      ...(a.to === 'paid' ? { paidFen: a.amountFen, paidOutOn: a.on } : {}),
    };
    return accept(
      upsert('subsidy', a.caseId, fields, false),
      caseEvent(ctx, a.caseId, 0, {
        action: 'subsidy_status',
        summary: `贴息申请：${SUBSIDY_STATUS_LABELS[from]} → ${SUBSIDY_STATUS_LABELS[a.to]}（${amount}）`,
        before: { status: from },
        after,
        reason: a.note.trim(),
      }),
    );
  },
});
