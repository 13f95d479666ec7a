import { z } from 'zod';
import { FEE_TYPES, PAYMENT_KINDS } from '../domain/case-statuses';
import { DISTRICTS } from '../domain/districts';
import { QUALIFICATIONS } from '../domain/enterprise';
import { IP_KINDS } from '../domain/ip';
import { fen, fenAmount, isoDate, MAX_FEN } from './common';

/** A percentage with at most two decimals, so it is an exact number of basis points. */
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, '比例最多两位小数');

/**
 * A subsidy policy as shipped in resources/policies/: data, never code. Each line pays a
 * rate of what was paid (interest, or some fee types), optionally on a base capped at a
 * share of the principal, optionally capped itself; the enterprise's annual cap bounds the sum.
 */
export const policySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    district: z.enum(DISTRICTS).nullable(),
    level: z.enum(['district', 'city']),
    title: z.string().min(1),
    version: z.string().min(1),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    source: z.string().min(1),
    weak: z.boolean(),
    note: z.string().default(''),
    lines: z
      .array(
        z
          .object({
            key: z.string().min(1),
            label: z.string().min(1),
            pays: z.array(z.enum(PAYMENT_KINDS)).min(1),
            ratePercent: percent,
            baseCapPercentOfPrincipal: percent.nullable().default(null),
            capFen: fen.nullable().default(null),
          })
          .strict(),
      )
      .min(1),
    annualCapFen: fen.nullable(),
    rules: z
      .object({
        ipKinds: z.array(z.enum(IP_KINDS)).min(1).optional(),
        maxLoanTermMonths: z.number().int().min(1).optional(),
        repaymentRequired: z.boolean().default(false),
        districtFiling: z.boolean().default(false),
        qualificationsAny: z.array(z.enum(QUALIFICATIONS)).optional(),
        noDoubleSubsidy: z.boolean().default(true),
      })
      .strict(),
    materials: z.array(z.string().min(1)),
  })
  .strict();
export type Policy = z.output<typeof policySchema>;
export type PolicyLine = Policy['lines'][number];

/** The amount fields of the calculator, shared with its form. */
export const subsidyAmounts = {
  principalFen: fenAmount('贷款本金', { min: 1 }),
  interestPaidFen: fenAmount('实付利息', { max: MAX_FEN.payment }),
  feeFen: fenAmount('费用', { max: MAX_FEN.payment }),
  alreadyFen: fenAmount('本年已获贴息'),
};

export const subsidyInput = z
  .object({
    policyId: z.string().min(1, '请选择贴息政策'),
    loan: z
      .object({
        principalFen: subsidyAmounts.principalFen,
        startDate: isoDate,
        endDate: isoDate,
        repaid: z.boolean(),
      })
      .strict()
      .refine((l) => l.endDate > l.startDate, { message: '贷款到期日应晚于发放日', path: ['endDate'] }),
    interestPaidFen: subsidyAmounts.interestPaidFen,
    fees: z
      .array(z.object({ type: z.enum(FEE_TYPES), amountFen: subsidyAmounts.feeFen }).strict())
      .max(200, '费用最多 200 笔')
      .default([]),
    enterprise: z
      .object({
        district: z.enum(DISTRICTS),
        qualifications: z.array(z.enum(QUALIFICATIONS)).default([]),
        /** Passed by the self-check without a certificate on file (预计符合): named, never counted as held. */
        expectedQualifications: z.array(z.enum(QUALIFICATIONS)).optional(),
      })
      .strict(),
    ipKinds: z.array(z.enum(IP_KINDS)).min(1, '至少需要一项质押的知识产权'),
    alreadyGrantedThisYearFen: subsidyAmounts.alreadyFen.default(0),
    otherSubsidyForThisLoan: z.boolean().default(false),
  })
  .strict();
export type SubsidyInput = z.output<typeof subsidyInput>;
