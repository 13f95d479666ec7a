import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { QUALIFICATIONS } from '../domain/enterprise';
import { checkUscc } from '../validators/uscc';
import { boundedNumber, fenAmount, id, MAX_FEN, pastDate, shortText } from './common';

export const uscc = z.string().transform((raw, ctx) => {
  const r = checkUscc(raw);
  if (!r.valid) {
    ctx.addIssue({ code: 'custom', message: r.reason });
    return z.NEVER;
  }
  return r.normalized;
});

export const contact = z
  .object({ name: shortText(40).min(1, '联系人姓名不能为空'), role: shortText(40).default(''), phone: shortText(40).default('') })
  .strict();

export const enterpriseInput = z
  .object({
    id: id.optional(),
    name: shortText(120).min(2, '企业名称不能为空'),
    uscc,
    district: z.enum(DISTRICTS, { message: `所属区应为：${DISTRICTS.join('、')}` }),
    street: shortText(60).default(''),
    address: shortText(200).default(''),
    industry: shortText(60).default(''),
    foundedOn: pastDate('成立日期').nullable().default(null),
    registeredCapitalFen: fenAmount('注册资本', { max: MAX_FEN.enterprise }).nullable().default(null),
    employees: boundedNumber('员工人数', 0, 1_000_000, { int: true, unit: ' 人' }).nullable().default(null),
    revenueFen: fenAmount('上年营收', { max: MAX_FEN.enterprise }).nullable().default(null),
    rdFen: fenAmount('研发投入', { max: MAX_FEN.enterprise }).nullable().default(null),
    qualifications: z.array(z.enum(QUALIFICATIONS)).max(QUALIFICATIONS.length).default([]),
    contacts: z.array(contact).max(20).default([]),
    notes: shortText(4000).default(''),
  })
  .strict();
export type EnterpriseInput = z.input<typeof enterpriseInput>;
export type EnterpriseData = z.output<typeof enterpriseInput>;
