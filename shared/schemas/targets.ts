/** A district's yearly targets (registrations and their amount), set by its officer. */
import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { boundedNumber, fenAmount, MAX_FEN } from './common';

export const targetInput = z
  .object({
    district: z.enum(DISTRICTS, { message: '请选择所属区' }),
    year: boundedNumber('年份', 2000, 2100, { int: true }),
    /** 登记笔数 for the year; null: no target. */
    registrations: boundedNumber('目标笔数', 0, 100_000, { int: true }).nullable().default(null),
    /** 登记金额 for the year; null: no target. */
    amountFen: fenAmount('目标金额', { max: MAX_FEN.loan * 100 })
      .nullable()
      .default(null),
  })
  .strict();
export type TargetInput = z.input<typeof targetInput>;
export type Target = z.output<typeof targetInput> & { id: string };

export const targetYear = z.object({ year: boundedNumber('年份', 2000, 2100, { int: true }) }).strict();
