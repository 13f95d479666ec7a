/**
 * Input of one valuation (the CLI's `value <input.json>` and the valuation calls). Amounts
 * are in yuan here, as users and banks state them; results are rounded to the fen. Every
 * number has the range its field allows, and an uncertainty range varies a field only within
 * that same range: a value outside is refused with a message naming the field, never clamped.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { IP_KINDS } from '../domain/ip';
import { boundedNumber, DATE_MAX, DATE_MIN, isoDate } from './common';

/** Largest yearly revenue, replacement cost, comparable price or value of one item: 1 万亿元. */
export const MAX_AMOUNT_YUAN = 1e12;
/** Largest total of a portfolio, so that its sum in fen stays an exact integer: 10 万亿元. */
export const MAX_PORTFOLIO_YUAN = 1e13;
/** Most Monte Carlo paths: the valuation page's own limit. */
export const MAX_PATHS = 100_000;
/** A revenue multiplier above 10 (ten times the forecast) is a typing mistake. */
export const MAX_REVENUE_MULTIPLIER = 10;
/** Years of income one valuation may count. */
export const MAX_INCOME_YEARS = 50;

const number = (label: string) => z.number({ message: `${label}应为数字` }).finite(`${label}应为有限的数字`);
const amount = (label: string) => number(label).min(0, `${label}不能为负`).max(MAX_AMOUNT_YUAN, `${label}不能超过 1 万亿元`);
/** Strictly between 0 and 1, as a discount rate must be. */
const openUnit = (label: string) => number(label).gt(0, `${label}应大于 0`).lt(1, `${label}应小于 1`);

/** What a field allows; its uncertainty range obeys the same, and its sd at most the field's width. */
interface FieldRange {
  label: string;
  value: (label: string) => z.ZodNumber;
  width: number;
}
const FIELDS = {
  revenue: { label: '收入倍数', value: (l: string) => boundedNumber(l, 0, MAX_REVENUE_MULTIPLIER), width: MAX_REVENUE_MULTIPLIER },
  shareRate: { label: '分成率', value: (l: string) => boundedNumber(l, 0, 1), width: 1 },
  discountRate: { label: '折现率', value: openUnit, width: 1 },
} satisfies Record<string, FieldRange>;

/** A triangular or (bounded) normal distribution for one uncertain input, within its field's range. */
function distributionOf(f: FieldRange) {
  const part = (name: string) => f.value(`${f.label}波动区间的${name}`);
  return z.discriminatedUnion(
    'type',
    [
      z
        .object({ type: z.literal('triangular'), min: part('最小值'), mode: part('众数'), max: part('最大值') })
        .strict()
        .refine((d) => d.min <= d.mode && d.mode <= d.max, { message: `${f.label}波动区间应满足 最小值 ≤ 众数 ≤ 最大值` }),
      z
        .object({
          type: z.literal('normal'),
          mean: part('均值'),
          sd: boundedNumber(`${f.label}波动区间的标准差`, 0, f.width),
          min: part('最小值'),
          max: part('最大值'),
        })
        .strict()
        .refine((d) => d.min <= d.mean && d.mean <= d.max, { message: `${f.label}波动区间的截断区间应包含均值` }),
    ],
    { message: `${f.label}波动区间的 type 应为 triangular 或 normal` },
  );
}

export type Distribution = z.infer<ReturnType<typeof distributionOf>>;

/** Each single-value field with its range, for forms that check a value as it is typed. */
export const valuationFields = {
  discountRate: FIELDS.discountRate.value('折现率'),
  shareRate: FIELDS.shareRate.value('分成率'),
  revenueMultiplier: FIELDS.revenue.value('收入倍数'),
  score: boundedNumber('指标评分', 0, 100),
  paths: boundedNumber('模拟次数', 100, MAX_PATHS, { int: true }),
  years: boundedNumber('收益年限', 1, MAX_INCOME_YEARS, { int: true, unit: ' 年' }),
  revenueYuan: number('收入').min(0, '收入不能为负').max(MAX_AMOUNT_YUAN, '每年收入不能超过 1 万亿元'),
};

export const uncertaintyInput = z
  .object({
    paths: valuationFields.paths.default(10_000),
    seed: z.number({ message: '随机种子应为数字' }).int('随机种子应为整数').default(1),
    /** A multiplier applied to every year's revenue (1 = as given). */
    revenue: distributionOf(FIELDS.revenue).optional(),
    shareRate: distributionOf(FIELDS.shareRate).optional(),
    discountRate: distributionOf(FIELDS.discountRate).optional(),
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
    title: z.string().max(200, '名称不能超过 200 个字符').optional(),
    number: z.string().max(40, '编号不能超过 40 个字符').optional(),
  })
  .strict();

export const incomeInput = z
  .object({
    /** Revenue (or profit) of the products using the IP, yuan per year, year 1 first. */
    revenue: z.array(valuationFields.revenueYuan).min(1, '至少需要一年的收入').max(MAX_INCOME_YEARS, `最多 ${MAX_INCOME_YEARS} 年`),
    /** k given directly … */
    shareRate: number('分成率').min(0, '分成率不能为负').max(1, '分成率不能超过 1').optional(),
    /** … or derived from a range and a score S (0–100): k = min + (max − min) · S / 100. */
    shareRange: z
      .object({ min: boundedNumber('分成率区间下限', 0, 1), max: boundedNumber('分成率区间上限', 0, 1) })
      .strict()
      .refine((r) => r.min <= r.max, { message: '分成率区间应满足 min ≤ max' })
      .optional(),
    score: valuationFields.score.optional(),
    discountRate: valuationFields.discountRate,
  })
  .strict()
  .refine((v) => v.shareRate !== undefined || (v.shareRange !== undefined && v.score !== undefined), {
    message: '请给出分成率 shareRate，或分成率区间 shareRange 与评分 score',
    path: ['shareRate'],
  });

const comparable = z
  .object({
    price: amount('可比交易价格'),
    factors: z.array(number('调整系数').gt(0, '调整系数应大于 0').max(10, '调整系数不能大于 10')).max(20, '调整系数最多 20 个'),
  })
  .strict()
  .refine((c) => c.factors.reduce((p, f) => p * f, c.price) <= MAX_AMOUNT_YUAN, { message: '可比交易调整后的价格不能超过 1 万亿元' });

/** A date the comparisons below can trust (a refused one is reported by its own field). */
const usable = (d: string | undefined): d is string => d !== undefined && isIsoDate(d) && d >= DATE_MIN && d <= DATE_MAX;

export const valuationInput = z
  .object({
    valuationDate: isoDate,
    asset: valuationAsset,
    approach: z.enum(['income', 'cost', 'market'], { message: 'approach 应为 income、cost 或 market' }),
    income: incomeInput.optional(),
    cost: z
      .object({
        replacementCost: amount('重置成本'),
        depreciationRate: number('贬值率').min(0, '贬值率不能为负').max(1, '贬值率不能超过 1'),
      })
      .strict()
      .optional(),
    market: z
      .object({ comparables: z.array(comparable).min(1, '至少需要一个可比交易').max(100, '可比交易最多 100 个') })
      .strict()
      .optional(),
    uncertainty: uncertaintyInput,
    /** Loan-to-value from the bank product; the loan figure uses the conservative value. */
    loanToValue: boundedNumber('质押率', 0, 1).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v[v.approach])
      ctx.addIssue({ code: 'custom', path: [v.approach], message: `approach 为 ${v.approach} 时必须提供 ${v.approach} 参数` });
    if (v.uncertainty && v.approach !== 'income')
      ctx.addIssue({ code: 'custom', path: ['uncertainty'], message: '不确定性分析目前只用于收益法' });
    const start = v.asset.filingDate ?? v.asset.registrationDate ?? v.asset.publishedOn;
    if (usable(start) && usable(v.valuationDate) && v.valuationDate < start)
      ctx.addIssue({ code: 'custom', path: ['valuationDate'], message: `评估基准日 ${v.valuationDate} 早于申请/注册日 ${start}` });
    if (['invention', 'utility', 'design'].includes(v.asset.kind) && !v.asset.filingDate)
      ctx.addIssue({ code: 'custom', path: ['asset', 'filingDate'], message: '专利须提供申请日 filingDate' });
  });
export type ValuationInput = z.input<typeof valuationInput>;
export type ValuationData = z.output<typeof valuationInput>;
