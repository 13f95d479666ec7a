/**
 * Input of one valuation (the CLI's `value <input.json>` and the valuation calls). Amounts
 * are in yuan here, as users and banks state them; results are rounded to the fen.
 */
import { z } from 'zod';
import { IP_KINDS } from '../domain/ip';
import { isoDate } from './common';

const rate = (what: string) => z.number({ message: `${what}应为数字` }).finite();

/** A triangular or (bounded) normal distribution for one uncertain input. */
export const distribution = z.discriminatedUnion('type', [
  z.object({ type: z.literal('triangular'), min: z.number().finite(), mode: z.number().finite(), max: z.number().finite() }).strict()
    .refine((d) => d.min <= d.mode && d.mode <= d.max, { message: '三角分布应满足 min ≤ mode ≤ max' }),
  z.object({ type: z.literal('normal'), mean: z.number().finite(), sd: z.number().min(0, '标准差不能为负'), min: z.number().finite(), max: z.number().finite() }).strict()
    .refine((d) => d.min <= d.mean && d.mean <= d.max, { message: '正态分布的截断区间应包含均值' }),
]);
export type Distribution = z.infer<typeof distribution>;

export const uncertaintyInput = z
  .object({
    paths: z.number().int().min(100).max(1_000_000).default(10_000),
    seed: z.number().int().default(1),
    /** A multiplier applied to every year's revenue (1 = as given). */
    revenue: distribution.optional(),
    shareRate: distribution.optional(),
    discountRate: distribution.optional(),
  })
  .strict()
  .optional();

export const valuationAsset = z
  .object({
    kind: z.enum(IP_KINDS, { message: 'asset.kind 应为 invention、utility、design、trademark 或 software' }),
    filingDate: isoDate.optional(),
    registrationDate: isoDate.optional(),
    validUntil: isoDate.optional(),
    publishedOn: isoDate.optional(),
    title: z.string().max(200).optional(),
    number: z.string().max(40).optional(),
  })
  .strict();

export const incomeInput = z
  .object({
    /** Revenue (or profit) of the products using the IP, yuan per year, year 1 first. */
    revenue: z.array(z.number().finite().min(0, '收入不能为负')).min(1, '至少需要一年的收入').max(50, '最多 50 年'),
    /** k given directly … */
    shareRate: rate('分成率').min(0, '分成率不能为负').max(1, '分成率不能超过 1').optional(),
    /** … or derived from a range and a score S (0–100): k = min + (max − min) · S / 100. */
    shareRange: z.object({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) }).strict().refine((r) => r.min <= r.max, { message: '分成率区间应满足 min ≤ max' }).optional(),
    score: z.number().min(0).max(100).optional(),
    discountRate: rate('折现率').gt(0, '折现率应大于 0').lt(1, '折现率应小于 1'),
  })
  .strict()
  .refine((v) => v.shareRate !== undefined || (v.shareRange !== undefined && v.score !== undefined), { message: '请给出分成率 shareRate，或分成率区间 shareRange 与评分 score', path: ['shareRate'] });

export const valuationInput = z
  .object({
    valuationDate: isoDate,
    asset: valuationAsset,
    approach: z.enum(['income', 'cost', 'market']),
    income: incomeInput.optional(),
    cost: z.object({ replacementCost: z.number().min(0, '重置成本不能为负'), depreciationRate: z.number().min(0, '贬值率不能为负').max(1, '贬值率不能超过 1') }).strict().optional(),
    market: z
      .object({ comparables: z.array(z.object({ price: z.number().min(0), factors: z.array(z.number().gt(0, '调整系数应大于 0')).max(20) }).strict()).min(1, '至少需要一个可比交易') })
      .strict()
      .optional(),
    uncertainty: uncertaintyInput,
    /** Loan-to-value from the bank product; the loan figure uses the conservative value. */
    loanToValue: z.number().min(0).max(1).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v[v.approach]) ctx.addIssue({ code: 'custom', path: [v.approach], message: `approach 为 ${v.approach} 时必须提供 ${v.approach} 参数` });
    if (v.uncertainty && v.approach !== 'income') ctx.addIssue({ code: 'custom', path: ['uncertainty'], message: '不确定性分析目前只用于收益法' });
    const start = v.asset.filingDate ?? v.asset.registrationDate ?? v.asset.publishedOn;
    if (start && v.valuationDate < start) ctx.addIssue({ code: 'custom', path: ['valuationDate'], message: `评估基准日 ${v.valuationDate} 早于申请/注册日 ${start}` });
    if (['invention', 'utility', 'design'].includes(v.asset.kind) && !v.asset.filingDate) ctx.addIssue({ code: 'custom', path: ['asset', 'filingDate'], message: '专利须提供申请日 filingDate' });
  });
export type ValuationInput = z.input<typeof valuationInput>;
export type ValuationData = z.output<typeof valuationInput>;
