import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { ENTRY_STATUSES } from '../domain/whitelist';
import { boundedNumber, fenAmount, id, pastDate, shortText } from './common';

export const batchInput = z
  .object({
    name: shortText(80).min(1, '批次名称不能为空'),
    district: z.enum(DISTRICTS),
    surveyedOn: pastDate('摸排日期'),
    source: shortText(200).default(''),
  })
  .strict();
export type BatchInput = z.input<typeof batchInput>;

export const entryInput = z
  .object({
    batchId: id,
    enterpriseId: id,
    status: z.enum(ENTRY_STATUSES).default('待走访'),
    steward: shortText(40).default(''),
    needFen: fenAmount('融资需求', { min: 1 }).nullable().default(null),
    needTermMonths: boundedNumber('融资期限', 1, 360, { int: true, unit: ' 个月' }).nullable().default(null),
    priority: boundedNumber('优先级', 1, 3, { int: true }).default(2),
    lastVisitOn: pastDate('最近走访日期').nullable().default(null),
    /** When and by whom this enterprise was surveyed; omitted, a new entry takes its batch's and an existing one keeps its own. */
    surveyedOn: pastDate('摸排日期').optional(),
    source: shortText(200).optional(),
  })
  .strict();
export type EntryInput = z.input<typeof entryInput>;

export const statusChangeInput = z
  .object({
    entryId: id,
    status: z.enum(ENTRY_STATUSES),
    reason: shortText(500).min(1, '请填写变更原因'),
  })
  .strict();
