/**
 * What the post-loan part accepts: the schedule and compensation inputs (CLI and app), the
 * risk-compensation pools shipped in resources/compensation/, and the servicing records.
 */
import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { DISPOSAL_ROUTES } from '../domain/loan/disposal';
import { PORTFOLIO_STATES } from '../domain/loan/portfolio';
import { REPAYMENT_METHODS } from '../domain/loan/schedule';
import { REPAYMENT_KINDS } from '../domain/loan/servicing';
import { IP_EVENT_KINDS } from '../domain/loan/watch';
import { boundedNumber, fenAmount, id, isoDate, MAX_FEN, pastDate, shortText } from './common';

/** An annual rate in percent, up to four decimals (3.4500 %). */
export const annualRate = boundedNumber('年利率', 0, 36, { unit: '%' }).refine(
  (p) => Math.abs(p * 10000 - Math.round(p * 10000)) < 1e-6,
  '年利率最多四位小数',
);
const percent = boundedNumber('比例', 0, 100, { unit: '%' });

export const planLine = z.object({ dueOn: isoDate, principalFen: fenAmount('本期本金') }).strict();

/** `schedule <input.json>`: the terms of one loan. */
export const scheduleInput = z
  .object({
    principalFen: fenAmount('贷款本金', { min: 1 }),
    annualRatePercent: annualRate,
    startOn: isoDate,
    months: boundedNumber('贷款期限', 1, 360, { int: true, unit: ' 个月' }),
    method: z.enum(REPAYMENT_METHODS),
    plan: z.array(planLine).max(360).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'custom' && !v.plan?.length)
      ctx.addIssue({ code: 'custom', path: ['plan'], message: '自定义计划须列出每期的还款日与本金' });
  });
export type ScheduleInput = z.output<typeof scheduleInput>;

/** A risk-compensation pool (风险补偿资金池) as shipped: data, never code, like the subsidy policies. */
export const compensationPoolSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    version: z.string().min(1),
    level: z.enum(['city', 'district']),
    district: z.enum(DISTRICTS).nullable(),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    source: z.string().min(1),
    weak: z.boolean(),
    note: z.string().default(''),
    /** The pool's share of the counted loss. */
    sharePercent: percent,
    /** What the loss is: the principal outstanding at default, or principal and interest. */
    basis: z.enum(['principal', 'principal_and_interest']),
    /** Only the part of a loan up to this much counts (the loss taken pro rata); null: the whole loan. */
    loanPartCapFen: fenAmount('计入上限').nullable(),
    perLoanCapFen: fenAmount('单笔上限').nullable(),
    perEnterpriseCapFen: fenAmount('单户上限').nullable(),
    /** A claim can be made once the loan has been overdue this many days. */
    minOverdueDays: z.number().int().min(0).max(3650),
    materials: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type CompensationPool = z.output<typeof compensationPoolSchema>;

/** `compensation <input.json>` and the claim form: the loss of one defaulted loan. */
export const compensationInput = z
  .object({
    poolId: z.string().min(1),
    loanFen: fenAmount('贷款本金', { min: 1 }),
    loanStartOn: isoDate,
    defaultOn: isoDate,
    overdueDays: z.number().int().min(0).max(36500),
    outstandingPrincipalFen: fenAmount('未还本金'),
    outstandingInterestFen: fenAmount('未还利息').default(0),
    /** Recovered so far from disposal of the pledge and other sources. */
    recoveredFen: fenAmount('已回收金额').default(0),
    /** Paid by an IP pledge insurance policy for this loss. */
    insurancePaidFen: fenAmount('保险赔付').default(0),
    /** Compensation already paid to this enterprise from the same pool (other loans). */
    priorEnterpriseFen: fenAmount('该企业已获补偿').default(0),
  })
  .strict();
export type CompensationInput = z.output<typeof compensationInput>;

// ---- the servicing records (mutation arguments) ----

export const loanPlanInput = z
  .object({ caseId: id, method: z.enum(REPAYMENT_METHODS), plan: z.array(planLine).max(360).default([]) })
  .strict();

export const repaymentInput = z
  .object({
    caseId: id,
    id: id.optional(),
    paidOn: pastDate('还款日期'),
    kind: z.enum(REPAYMENT_KINDS),
    amountFen: fenAmount('还款金额', { min: 1, max: MAX_FEN.loan }),
    note: shortText(200).default(''),
  })
  .strict();

export const extensionInput = z
  .object({
    caseId: id,
    agreedOn: pastDate('展期协议日期'),
    newEndOn: isoDate,
    annualRatePercent: annualRate.nullable().default(null),
    method: z.enum(['equal_instalment', 'equal_principal', 'interest_only']),
    note: shortText(200).default(''),
  })
  .strict();

export const defaultInput = z
  .object({ caseId: id, declaredOn: pastDate('违约认定日期'), cause: shortText(200).refine((s) => s.length > 0, '请填写违约原因') })
  .strict();

export const disposalStep = z
  .object({
    name: shortText(60),
    party: shortText(80).default(''),
    doneOn: isoDate.nullable().default(null),
    note: shortText(200).default(''),
  })
  .strict();
export const disposalProceed = z
  .object({ receivedOn: pastDate('回收日期'), amountFen: fenAmount('回收金额', { min: 1 }), note: shortText(200).default('') })
  .strict();
export const disposalInput = z
  .object({
    caseId: id,
    route: z.enum(DISPOSAL_ROUTES),
    startedOn: pastDate('处置开始日期'),
    steps: z.array(disposalStep).max(30),
    proceeds: z.array(disposalProceed).max(200),
    /** The lender's share of what disposal brings in (a third-party manager keeps the rest). */
    lenderSharePercent: percent.default(100),
    closedOn: pastDate('处置完成日期').nullable().default(null),
  })
  .strict();
export type DisposalInput = z.output<typeof disposalInput>;

export const insuranceInput = z
  .object({
    caseId: id,
    insurer: shortText(80).refine((s) => s.length >= 2, '请填写保险公司'),
    policyNo: shortText(60).default(''),
    premiumFen: fenAmount('保费'),
    coverPercent: percent,
    claimedFen: fenAmount('索赔金额').nullable().default(null),
    paidFen: fenAmount('赔付金额').nullable().default(null),
    paidOn: isoDate.nullable().default(null),
  })
  .strict();

export const CLAIM_STATUSES = ['draft', 'submitted', 'paid', 'rejected'] as const;
/** A risk-compensation claim as the form saves it (the day it is worked out on is the writer's today). */
export const claimInput = z
  .object({
    caseId: id,
    poolId: z.string().min(1, '请选择风险补偿资金池'),
    priorEnterpriseFen: fenAmount('该企业已获补偿').default(0),
    status: z.enum(CLAIM_STATUSES).default('draft'),
    paidFen: fenAmount('拨付金额').nullable().default(null),
  })
  .strict();

export const ipEventInput = z
  .object({
    id: id.optional(),
    ipAssetId: id,
    kind: z.enum(IP_EVENT_KINDS),
    occurredOn: pastDate('事件日期'),
    endedOn: isoDate.nullable().default(null),
    note: shortText(200).default(''),
    source: z.enum(['steward', 'import']).default('steward'),
  })
  .strict()
  .refine((v) => !v.endedOn || v.endedOn >= v.occurredOn, { path: ['endedOn'], message: '解除日期不能早于事件日期' });

export const poolAssignInput = z.object({ caseId: id, poolName: shortText(60) }).strict();

/** The 贷后管理 list: by text (enterprise, bank, steward), district, bank head, state, pool. */
export const loanFilter = z
  .object({
    search: shortText(60).default(''),
    district: z.enum(DISTRICTS).optional(),
    /** The dashboard's districts (any of them). */
    districts: z.array(z.enum(DISTRICTS)).max(DISTRICTS.length).optional(),
    bank: shortText(80).optional(),
    /** A state, or `weakened` (security weakened) or `attention` (overdue, non-performing or weakened). */
    state: z.enum([...PORTFOLIO_STATES, 'weakened', 'attention']).optional(),
    poolName: shortText(60).optional(),
    includeClosed: z.boolean().default(false),
  })
  .strict();
export type LoanFilter = z.output<typeof loanFilter>;
