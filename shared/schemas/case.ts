import { z } from 'zod';
import { PAYMENT_KINDS, PLEDGE_STATUSES, SUBSIDY_STATUSES } from '../domain/case-statuses';
import { OUTCOMES, STAGES } from '../domain/case-stages';
import { DISTRICTS } from '../domain/districts';
import { fen, id, isoDate, shortText } from './common';

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
  })
  .strict();
export type CaseFilter = z.output<typeof caseFilter>;
export const caseQuery = caseFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict();

export const caseCreate = z.object({ enterpriseId: id, steward: shortText(40).default(''), bankOfficer: shortText(80).default('') }).strict();

const flags = z.record(z.string().max(120), z.boolean());
export const caseUpdate = z
  .object({
    id,
    steward: shortText(40).optional(),
    bankOfficer: shortText(80).optional(),
    needFen: fen.min(1, '融资需求应大于 0').nullable().optional(),
    needTermMonths: z.number().int().min(1, '期限至少 1 个月').max(120, '期限不超过 120 个月').nullable().optional(),
    purpose: shortText(200).optional(),
    productId: z.string().max(64).optional(),
    confirmations: flags.optional(),
    documents: flags.optional(),
    valuationId: id.nullable().optional(),
    manualValueFen: fen.min(1, '价值应大于 0').nullable().optional(),
    manualValueBasis: shortText(200).optional(),
  })
  .strict();
export type CaseUpdate = z.output<typeof caseUpdate>;

export const caseItemsSet = z.object({ id, ipAssetIds: z.array(id).max(500) }).strict();

const reason = z.string().trim().max(500);
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
    visitedOn: isoDate,
    place: shortText(200).default(''),
    attendees: z.array(shortText(80).min(1)).max(30).default([]),
    notes: shortText(4000).default(''),
    nextSteps: shortText(1000).default(''),
    followUpOn: isoDate.nullable().default(null),
  })
  .strict()
  .refine((v) => !v.followUpOn || v.followUpOn >= v.visitedOn, { message: '跟进日期不能早于走访日期', path: ['followUpOn'] });

const contractNo = shortText(80);
export const pledgeInput = z
  .object({
    caseId: id,
    bank: shortText(80).default(''),
    pledgee: shortText(120).default(''),
    loanContractNo: contractNo.default(''),
    loanFen: fen.min(1, '贷款金额应大于 0').nullable().default(null),
    ratePercent: z.number().min(0, '利率不能为负').max(36, '年利率超过 36%，请核对').nullable().default(null),
    loanStart: isoDate.nullable().default(null),
    loanEnd: isoDate.nullable().default(null),
    pledgeContractNo: contractNo.default(''),
    securedFen: fen.min(1, '担保债权数额应大于 0').nullable().default(null),
    pledgeStart: isoDate.nullable().default(null),
    pledgeEnd: isoDate.nullable().default(null),
    appraised: z.boolean().default(false),
    agent: shortText(120).default(''),
  })
  .strict()
  .refine((p) => !p.loanStart || !p.loanEnd || p.loanEnd > p.loanStart, { message: '贷款到期日应晚于起始日', path: ['loanEnd'] })
  .refine((p) => !p.pledgeStart || !p.pledgeEnd || p.pledgeEnd > p.pledgeStart, { message: '质押期限结束日应晚于起始日', path: ['pledgeEnd'] });
export type PledgeInput = z.output<typeof pledgeInput>;

export const pledgeStatusInput = z
  .object({ caseId: id, to: z.enum(PLEDGE_STATUSES), regNo: shortText(60).default(''), regDate: isoDate.nullable().default(null), reason: reason.default('') })
  .strict();

export const paymentInput = z.object({ caseId: id, paidOn: isoDate, kind: z.enum(PAYMENT_KINDS), amountFen: fen.min(1, '金额应大于 0'), note: shortText(200).default('') }).strict();

export const subsidyDraft = z
  .object({ caseId: id, policyId: z.string().min(1, '请选择贴息政策').max(64), repaid: z.boolean(), otherSubsidy: z.boolean().default(false), materials: flags.default({}) })
  .strict();

export const subsidyStatusInput = z.object({ caseId: id, to: z.enum(SUBSIDY_STATUSES), note: reason.default('') }).strict();
