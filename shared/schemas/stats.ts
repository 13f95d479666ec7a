/** What the officer's dashboard and reports are filtered by: a period, districts, a bank, a steward. */
import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { isoDate, shortText } from './common';

export const statsFilter = z
  .object({
    from: isoDate,
    to: isoDate,
    districts: z.array(z.enum(DISTRICTS)).max(DISTRICTS.length).default([]),
    /** A head bank (shared/domain/institutions.ts), or with `branch` one of its branches as the figures name it. */
    bank: shortText(80).optional(),
    branch: shortText(80).optional(),
    steward: shortText(40).optional(),
  })
  .strict()
  .refine((f) => f.from <= f.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((f) => Number(f.to.slice(0, 4)) - Number(f.from.slice(0, 4)) <= 20, { path: ['from'], message: '统计区间不能超过 20 年' });
export type StatsFilter = z.output<typeof statsFilter>;
