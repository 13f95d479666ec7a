import { z } from 'zod';
import { QUALIFICATIONS } from '../domain/enterprise';
import { IP_KINDS } from '../domain/ip';
import { boundedNumber, fenAmount, shortText } from './common';

export const LOAN_OVER_CAPACITY = ['warn', 'block'] as const;

/** The product fields the catalogue editor checks as they are typed. */
export const bankFields = {
  minAmountFen: fenAmount('最低额度'),
  maxAmountFen: fenAmount('最高额度'),
  maxTermMonths: boundedNumber('最长期限', 1, 360, { int: true, unit: ' 个月' }),
  loanToValue: boundedNumber('质押率', 0, 1),
};

/** A bank product of the catalogue (resources/banks/products.json, editable in the app). */
export const bankProductSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1, '产品编号不能为空')
      .max(64)
      .regex(/^[a-z0-9-]+$/, '产品编号只能用小写字母、数字和短横线'),
    bank: shortText(40).min(1, '银行不能为空'),
    name: shortText(60).min(1, '产品名称不能为空'),
    minAmountFen: bankFields.minAmountFen,
    maxAmountFen: bankFields.maxAmountFen,
    maxTermMonths: bankFields.maxTermMonths,
    ipKinds: z.array(z.enum(IP_KINDS)).min(1, '至少接受一种知识产权'),
    loanToValue: z.record(z.enum(IP_KINDS), bankFields.loanToValue),
    source: shortText(200),
    minYearsInBusiness: z.number().min(0).max(50).optional(),
    qualificationsAny: z.array(z.enum(QUALIFICATIONS)).optional(),
    /** A loan above what the valuation supports: 'warn' (to be confirmed, the default) or 'block'. */
    loanOverCapacity: z.enum(LOAN_OVER_CAPACITY, { message: '超出可支持额度时的处理应为 warn（提示确认）或 block（不允许）' }).optional(),
  })
  .refine((p) => p.minAmountFen <= p.maxAmountFen, { message: '最低额度不能高于最高额度', path: ['maxAmountFen'] });

export const bankCatalogSchema = z
  .array(bankProductSchema)
  .min(1, '至少保留一个产品')
  .max(200)
  .superRefine((ps, ctx) => {
    const seen = new Set<string>();
    ps.forEach((p, n) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [n, 'id'], message: `产品编号重复：${p.id}` });
      seen.add(p.id);
    });
  });
