import { z } from 'zod';
import { PAYMENT_KINDS, PLEDGE_STATUSES, SUBSIDY_STATUSES } from '../domain/case-statuses';
import { OUTCOMES, STAGES } from '../domain/case-stages';
import { DISTRICTS } from '../domain/districts';
import { IP_KINDS } from '../domain/ip';
import { boundedNumber, fenAmount, id, isoDate, MAX_FEN, pastDate, shortText } from './common';

const caseId = z.object({ caseId: id }).strict();
export { caseId as caseRef };

export const caseFilter = z
  .object({
    search: shortText(60).default(''),
    enterpriseId: id.optional(),
    stage: z.enum(STAGES).optional(),
    district: z.enum(DISTRICTS).optional(),
    steward: shortText(40).optional(),
    /** Closed cases are hidden unless asked for (or the stage filter is 结案). */
    includeClosed: z.boolean().default(false),
    pausedOnly: z.boolean().default(false),
    /** The dashboard's drill-down: cases registered in a period, of districts, a bank, a kind of pledged items. */
    regFrom: isoDate.optional(),
    regTo: isoDate.optional(),
    districts: z.array(z.enum(DISTRICTS)).max(DISTRICTS.length).optional(),
    /** A head bank (shared/domain/institutions.ts), or with `branch` one of its branches as the figures name it. */
    bank: shortText(80).optional(),
    branch: shortText(80).optional(),
    ipKind: z.enum([...IP_KINDS, 'mixed', 'none']).optional(),
  })
  .strict();
export type CaseFilter = z.output<typeof caseFilter>;
export const caseQuery = caseFilter
  .extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) })
  .strict();

export const caseCreate = z
  .object({ enterpriseId: id, steward: shortText(40).default(''), bankOfficer: shortText(80).default('') })
  .strict();

const flags = z.record(z.string().max(120), z.boolean());
export const caseUpdate = z
  .object({
    id,
    steward: shortText(40).optional(),
    bankOfficer: shortText(80).optional(),
    needFen: fenAmount('融资需求', { min: 1 }).nullable().optional(),
    needTermMonths: boundedNumber('需求期限', 1, 120, { int: true, unit: ' 个月' }).nullable().optional(),
    purpose: shortText(200).optional(),
    productId: z.string().max(64).optional(),
    confirmations: flags.optional(),
    documents: flags.optional(),
    valuationId: id.nullable().optional(),
    manualValueFen: fenAmount('协商价值', { min: 1 }).nullable().optional(),
    manualValueBasis: shortText(200).optional(),
  })
  .strict();
export type CaseUpdate = z.output<typeof caseUpdate>;

export const caseItemsSet = z.object({ id, ipAssetIds: z.array(id).max(500) }).strict();

const reason = shortText(500);
export const caseMove = z
  .object({
    id,
    move: z.discriminatedUnion('type', [
      z.object({ type: z.literal('advance') }).strict(),
      z.object({ type: z.literal('back'), to: z.enum(STAGES), reason }).strict(),
      z.object({ type: z.literal('pause'), reason }).strict(),
      z.object({ type: z.literal('resume') }).strict(),
      z.object({ type: z.literal('close'), outcome: z.enum(OUTCOMES), reason }).strict(),
    ]),
  })
  .strict();

export const visitInput = z
  .object({
    caseId: id,
    id: id.optional(),
    visitedOn: pastDate('走访日期'),
    place: shortText(200).default(''),
    attendees: z.array(shortText(80).min(1)).max(30).default([]),
    notes: shortText(4000).default(''),
    nextSteps: shortText(1000).default(''),
    followUpOn: isoDate.nullable().default(null),
  })
  .strict()
  .refine((v) => !v.followUpOn || v.followUpOn >= v.visitedOn, { message: '跟进日期不能早于走访日期', path: ['followUpOn'] })
  .refine((v) => v.notes !== '', { message: '请填写走访情况', path: ['notes'] });

const contractNo = shortText(80);
export const pledgeInput = z
  .object({
    caseId: id,
    bank: shortText(80).default(''),
    pledgee: shortText(120).default(''),
    loanContractNo: contractNo.default(''),
    loanFen: fenAmount('贷款金额', { min: 1 }).nullable().default(null),
    ratePercent: boundedNumber('年利率', 0, 36, { unit: '%' }).nullable().default(null),
    loanStart: isoDate.nullable().default(null),
    loanEnd: isoDate.nullable().default(null),
    pledgeContractNo: contractNo.default(''),
    securedFen: fenAmount('担保债权数额', { min: 1 }).nullable().default(null),
    pledgeStart: isoDate.nullable().default(null),
    pledgeEnd: isoDate.nullable().default(null),
    appraised: z.boolean().default(false),
    agent: shortText(120).default(''),
  })
  .strict()
  .refine((p) => !p.loanStart || !p.loanEnd || p.loanEnd > p.loanStart, { message: '贷款到期日应晚于起始日', path: ['loanEnd'] })
  .refine((p) => !p.pledgeStart || !p.pledgeEnd || p.pledgeEnd > p.pledgeStart, {
    message: '质押期限结束日应晚于起始日',
    path: ['pledgeEnd'],
  });
export type PledgeInput = z.output<typeof pledgeInput>;

export const pledgeStatusInput = z
  .object({
    caseId: id,
    to: z.enum(PLEDGE_STATUSES),
    regNo: shortText(60).default(''),
    regDate: pastDate('登记日期').nullable().default(null),
    /** The day the application was filed (today when not given). */
    submittedOn: pastDate('提交日期').nullable().default(null),
    reason: reason.default(''),
  })
  .strict();

export const paymentInput = z
  .object({
    caseId: id,
    paidOn: pastDate('支付日期'),
    kind: z.enum(PAYMENT_KINDS),
    amountFen: fenAmount('支付金额', { min: 1, max: MAX_FEN.payment }),
    note: shortText(200).default(''),
  })
  .strict();

export const subsidyDraft = z
  .object({
    caseId: id,
    policyId: z.string().min(1, '请选择贴息政策').max(64),
    repaid: z.boolean(),
    otherSubsidy: z.boolean().default(false),
    materials: flags.default({}),
  })
  .strict();

/** Approval and payment record the amount the district granted or paid, and the day. */
export const subsidyStatusInput = z
  .object({
    caseId: id,
    to: z.enum(SUBSIDY_STATUSES),
    note: reason.default(''),
    amountFen: fenAmount('金额', { min: 0, max: MAX_FEN.loan }).nullable().default(null),
    on: pastDate('日期').nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to !== 'approved' && v.to !== 'paid') return;
    const what = v.to === 'approved' ? '核定' : '拨付';
    if (v.amountFen === null) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: `请填写${what}金额` });
    if (v.on === null) ctx.addIssue({ code: 'custom', path: ['on'], message: `请填写${what}日期` });
  });
