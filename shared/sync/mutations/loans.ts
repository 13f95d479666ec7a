/**
 * After the loan (贷后管理): the repayment method, repayments, extensions, default, disposal,
 * insurance, a risk-compensation claim and the securitisation pool of a case's loan. Each reads
 * the loan as shared/domain/loan/of-state.ts works it out, so a refusal here is the same on
 * the desktop and the server.
 */
import { z } from 'zod';
import { computeCompensation } from '../../domain/loan/compensation';
import { lossAtDefault, ROUTE_INFO } from '../../domain/loan/disposal';
import { CLAIM_STATUS_LABELS, loanFacts, type LoanFacts, type LoanRecordData } from '../../domain/loan/of-state';
import { planProblems, REPAYMENT_METHOD_LABELS } from '../../domain/loan/schedule';
import { REPAYMENT_KIND_LABELS, serviceLoan } from '../../domain/loan/servicing';
import { formatYuan } from '../../money';
import { id, isoDate } from '../../schemas/common';
import {
  claimInput,
  defaultInput,
  disposalInput,
  extensionInput,
  insuranceInput,
  loanPlanInput,
  poolAssignInput,
  repaymentInput,
} from '../../schemas/loan';
import { accept, refuse, refuseAt, type Decision, type StateReader, type Write } from '../records';
import { caseEvent, live } from './helpers';
import { defineMutation, remove, upsert, type DecideContext } from './types';

const ROLES = ['steward', 'admin'] as const;
const yuan = (fen: number) => `${formatYuan(fen)} 元`;
const ALL_RECORDED = '9999-12-31';

const caseKeys = (a: { caseId: string }) => [
  { entity: 'case' as const, id: a.caseId },
  { entity: 'pledge' as const, id: a.caseId },
  { entity: 'loan' as const, id: a.caseId },
];

/** The case's loan, or why nothing can be recorded on it now. */
function openLoan(state: StateReader, caseId: string, ctx: DecideContext, needTracked = true): LoanFacts | Decision {
  const c = live(state, 'case', caseId);
  if (!c) return refuse('服务案件不存在');
  if (c.data.stage === 'closed') return refuse('案件已结案，不能再修改');
  const f = loanFacts(state, caseId, ctx.today)!;
  if (!f.terms) return refuse(f.missing!);
  if (needTracked && !f.tracked) return refuse('请先在贷后管理中选择还款方式，生成还款计划');
  return f;
}
const isDecision = (x: LoanFacts | Decision): x is Decision => 'ok' in x;

/** The loan record's fields to write: all of them when the record is new. */
function loanWrite(f: LoanFacts, caseId: string, fields: Partial<LoanRecordData>): Write {
  return upsert('loan', caseId, f.tracked ? fields : { caseId, ...f.record, ...fields });
}

export const loanPlan = defineMutation({
  name: 'loan.plan',
  args: loanPlanInput,
  roles: ROLES,
  keys: caseKeys,
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx, false);
    if (isDecision(f)) return f;
    if (f.repayments.length && f.tracked && a.method !== f.record.method)
      return refuseAt('method', '已有还款记录，不能更改还款方式（如合同变更，请以展期记录新的还款方式）');
    if (a.method === 'custom') {
      const problems = planProblems(f.terms!.principalFen, f.terms!.startOn, f.terms!.endOn, a.plan);
      if (problems.length) return refuseAt('plan', problems.join('；'));
    }
    const plan = a.method === 'custom' ? a.plan : [];
    return accept(
      loanWrite(f, a.caseId, { method: a.method, plan }),
      caseEvent(ctx, a.caseId, 0, {
        action: 'loan_plan',
        summary: `还款方式：${REPAYMENT_METHOD_LABELS[a.method]}`,
        after: { method: a.method, plan },
      }),
    );
  },
});

export const repaymentSave = defineMutation({
  name: 'repayment.save',
  args: repaymentInput.safeExtend({ id }),
  roles: ROLES,
  keys: (a) => [...caseKeys(a), { entity: 'repayment', id: a.id }],
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx);
    if (isDecision(f)) return f;
    if (a.paidOn < f.terms!.startOn) return refuseAt('paidOn', `还款日期 ${a.paidOn} 早于贷款发放日 ${f.terms!.startOn}`);
    const others = f.repayments.filter((r) => r.id !== a.id);
    if (f.record.defaultRecord)
      return refuse(`贷款已于 ${f.record.defaultRecord.declaredOn} 认定违约：此后收回的款项请在“违约与处置”中登记为回收`);
    if (a.kind === 'prepayment') {
      // The schedule's balance on that day (missed instalments included) is what can be repaid early.
      const problem = serviceLoan(f.terms!, [...others, a], f.record.extensions, ALL_RECORDED).problems.find((p) =>
        p.startsWith(`${a.paidOn} 提前还本`),
      );
      if (problem) return refuseAt('amountFen', problem);
    }
    const { id: repaymentId, ...fields } = a;
    const current = live(state, 'repayment', repaymentId);
    const summary = `${current ? '修改' : '登记'}${REPAYMENT_KIND_LABELS[a.kind]} ${yuan(a.amountFen)}（${a.paidOn}）`;
    return accept(
      upsert('repayment', repaymentId, fields),
      caseEvent(ctx, a.caseId, 0, { action: 'repayment', summary, before: current?.data, after: fields }),
    );
  },
});

export const repaymentDelete = defineMutation({
  name: 'repayment.delete',
  args: z.object({ id }).strict(),
  roles: ROLES,
  keys: (a) => [{ entity: 'repayment', id: a.id }],
  decide(a, state, ctx) {
    const r = live(state, 'repayment', a.id);
    if (!r) return refuse('还款记录不存在或已删除');
    const caseId = String(r.data.caseId);
    if (live(state, 'case', caseId)?.data.stage === 'closed') return refuse('案件已结案，不能再修改');
    const summary = `删除${REPAYMENT_KIND_LABELS[r.data.kind as 'instalment']}记录 ${yuan(Number(r.data.amountFen))}（${String(r.data.paidOn)}）`;
    return accept(remove('repayment', a.id), caseEvent(ctx, caseId, 0, { action: 'repayment_delete', summary, before: r.data }));
  },
});

export const loanExtend = defineMutation({
  name: 'loan.extend',
  args: extensionInput,
  roles: ROLES,
  keys: caseKeys,
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx);
    if (isDecision(f)) return f;
    // Everything recorded counts (no record is dated after today), so both sides decide alike whatever their clock says.
    const s = serviceLoan(f.terms!, f.repayments, f.record.extensions, ALL_RECORDED);
    if (s.state === 'settled') return refuse('贷款已结清，无需展期');
    if (f.record.defaultRecord) return refuse('贷款已认定违约，不能展期');
    if (a.agreedOn < f.terms!.startOn) return refuseAt('agreedOn', `展期协议日期 ${a.agreedOn} 早于贷款发放日 ${f.terms!.startOn}`);
    if (a.agreedOn > s.endOn) return refuseAt('agreedOn', `展期须在贷款到期（${s.endOn}）前办理`);
    if (a.newEndOn <= s.endOn) return refuseAt('newEndOn', `展期后的到期日须晚于现到期日 ${s.endOn}`);
    const last = f.record.extensions.at(-1);
    if (last && a.agreedOn < last.agreedOn) return refuseAt('agreedOn', `展期协议日期不能早于上一次展期（${last.agreedOn}）`);
    const { caseId, ...ext } = a;
    const pledgeNote = f.pledgeEndOn && f.pledgeEndOn < a.newEndOn ? `；质押期限至 ${f.pledgeEndOn}，需办理质押登记变更延长质押期限` : '';
    return accept(
      loanWrite(f, caseId, { extensions: [...f.record.extensions, ext] }),
      caseEvent(ctx, caseId, 0, {
        action: 'loan_extend',
        summary: `展期至 ${a.newEndOn}（原到期日 ${s.endOn}${a.annualRatePercent !== null ? `，年利率 ${a.annualRatePercent}%` : ''}）${pledgeNote}`,
        after: ext,
      }),
    );
  },
});

export const loanDefault = defineMutation({
  name: 'loan.default',
  args: defaultInput,
  roles: ROLES,
  keys: caseKeys,
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx);
    if (isDecision(f)) return f;
    if (f.record.defaultRecord) return refuse(`已于 ${f.record.defaultRecord.declaredOn} 认定违约`);
    if (a.declaredOn < f.terms!.startOn) return refuseAt('declaredOn', `违约认定日期 ${a.declaredOn} 早于贷款发放日 ${f.terms!.startOn}`);
    const at = serviceLoan(f.terms!, f.repayments, f.record.extensions, a.declaredOn);
    if (at.state === 'settled') return refuse(`贷款已于 ${at.settledOn} 结清，不能认定违约`);
    const defaultRecord = {
      declaredOn: a.declaredOn,
      cause: a.cause,
      outstandingPrincipalFen: at.outstandingPrincipalFen,
      outstandingInterestFen: at.overdueInterestFen,
    };
    return accept(
      loanWrite(f, a.caseId, { defaultRecord }),
      caseEvent(ctx, a.caseId, 0, {
        action: 'loan_default',
        summary: `认定违约（${a.declaredOn}）：未还本金 ${yuan(defaultRecord.outstandingPrincipalFen)}，欠息 ${yuan(defaultRecord.outstandingInterestFen)}`,
        after: defaultRecord,
        reason: a.cause,
      }),
    );
  },
});

export const loanDisposal = defineMutation({
  name: 'loan.disposal',
  args: disposalInput,
  roles: ROLES,
  keys: caseKeys,
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx);
    if (isDecision(f)) return f;
    const d = f.record.defaultRecord;
    if (!d) return refuse('尚未认定违约，不能登记质物处置');
    if (a.startedOn < d.declaredOn) return refuseAt('startedOn', `处置开始日期 ${a.startedOn} 早于违约认定日期 ${d.declaredOn}`);
    const early = a.proceeds.findIndex((p) => p.receivedOn < a.startedOn);
    if (early >= 0) return refuseAt(`proceeds.${early}.receivedOn`, `第 ${early + 1} 笔回收的日期早于处置开始日期 ${a.startedOn}`);
    const lastIn = a.proceeds.reduce((m, p) => (p.receivedOn > m ? p.receivedOn : m), a.startedOn);
    if (a.closedOn && a.closedOn < lastIn) return refuseAt('closedOn', `处置完成日期 ${a.closedOn} 早于最后一笔回收或开始日期 ${lastIn}`);
    const { caseId, ...disposal } = a;
    const total = a.proceeds.reduce((s, p) => s + p.amountFen, 0);
    const verb = f.record.disposal ? '更新' : '开始';
    return accept(
      loanWrite(f, caseId, { disposal }),
      caseEvent(ctx, caseId, 0, {
        action: 'loan_disposal',
        summary: `${verb}质物处置（${ROUTE_INFO[a.route].label}）：回收 ${yuan(total)}，损失 ${yuan(lossAtDefault(d))}${a.closedOn ? `，${a.closedOn} 处置完成` : ''}`,
        before: f.record.disposal,
        after: disposal,
      }),
    );
  },
});

export const loanInsurance = defineMutation({
  name: 'loan.insurance',
  args: insuranceInput,
  roles: ROLES,
  keys: caseKeys,
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx);
    if (isDecision(f)) return f;
    if (a.paidFen !== null && !a.paidOn) return refuseAt('paidOn', '请填写赔付日期');
    if (a.paidFen !== null && a.claimedFen !== null && a.paidFen > a.claimedFen)
      return refuseAt('paidFen', `赔付金额 ${yuan(a.paidFen)} 超过索赔金额 ${yuan(a.claimedFen)}`);
    const { caseId, ...insurance } = a;
    return accept(
      loanWrite(f, caseId, { insurance }),
      caseEvent(ctx, caseId, 0, {
        action: 'loan_insurance',
        summary: `保证保险：${a.insurer}，保费 ${yuan(a.premiumFen)}，承担损失 ${a.coverPercent}%${a.paidFen !== null ? `，已赔付 ${yuan(a.paidFen)}` : ''}`,
        before: f.record.insurance,
        after: insurance,
      }),
    );
  },
});

const claimArgs = claimInput.safeExtend({ asOf: isoDate });

/** A risk-compensation claim: worked out against the pool on the loan's default and recoveries, kept with its working. */
export const loanClaim = defineMutation({
  name: 'loan.claim',
  args: claimArgs,
  roles: ROLES,
  keys: caseKeys,
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx);
    if (isDecision(f)) return f;
    const d = f.record.defaultRecord;
    if (!d) return refuse('尚未认定违约，不能申请风险补偿');
    const prev = f.record.claim;
    if (prev?.status === 'paid') return refuse('风险补偿已拨付，不能再修改');
    const s = serviceLoan(f.terms!, f.repayments, f.record.extensions, a.asOf);
    const result = computeCompensation(ctx.pool(a.poolId), {
      poolId: a.poolId,
      loanFen: f.terms!.principalFen,
      loanStartOn: f.terms!.startOn,
      defaultOn: d.declaredOn,
      overdueDays: s.overdueDays,
      outstandingPrincipalFen: d.outstandingPrincipalFen,
      outstandingInterestFen: d.outstandingInterestFen,
      recoveredFen: f.recovery?.lenderProceedsFen ?? 0,
      insurancePaidFen: f.record.insurance?.paidFen ?? 0,
      priorEnterpriseFen: a.priorEnterpriseFen,
    });
    if (a.status !== 'draft' && a.status !== 'rejected' && !result.eligible) return refuse(`不符合补偿条件：${result.failures.join('；')}`);
    if (a.status === 'paid' && (a.paidFen === null || a.paidFen > result.amountFen))
      return refuseAt(
        'paidFen',
        a.paidFen === null ? '请填写拨付金额' : `拨付金额 ${yuan(a.paidFen)} 超过核算金额 ${yuan(result.amountFen)}`,
      );
    const claim = {
      poolId: a.poolId,
      madeOn: a.asOf,
      priorEnterpriseFen: a.priorEnterpriseFen,
      result,
      status: a.status,
      paidFen: a.status === 'paid' ? a.paidFen : null,
    };
    return accept(
      loanWrite(f, a.caseId, { claim }),
      caseEvent(ctx, a.caseId, 0, {
        action: 'loan_claim',
        summary: `风险补偿（${result.pool.title}）：核算 ${yuan(result.amountFen)}，状态 ${CLAIM_STATUS_LABELS[a.status]}`,
        before: prev,
        after: { ...claim, result: { amountFen: result.amountFen, eligible: result.eligible } },
      }),
    );
  },
});

export const loanPool = defineMutation({
  name: 'loan.pool',
  args: poolAssignInput,
  roles: ROLES,
  keys: caseKeys,
  decide(a, state, ctx) {
    const f = openLoan(state, a.caseId, ctx);
    if (isDecision(f)) return f;
    return accept(
      loanWrite(f, a.caseId, { poolName: a.poolName }),
      caseEvent(ctx, a.caseId, 0, {
        action: 'loan_pool',
        summary: a.poolName ? `纳入资产池“${a.poolName}”` : `移出资产池“${f.record.poolName}”`,
      }),
    );
  },
});
