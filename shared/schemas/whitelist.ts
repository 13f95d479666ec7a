import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { ENTRY_STATUSES } from '../domain/whitelist';
import { fen, id, isoDate, shortText } from './common';

export const batchInput = z
  .object({
    name: shortText(80).min(1, '批次名称不能为空'),
    district: z.enum(DISTRICTS),
    surveyedOn: isoDate,
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
    needFen: fen.nullable().default(null),
    needTermMonths: z.number().int().min(1, '期限至少 1 个月').max(360).nullable().default(null),
    priority: z.number().int().min(1).max(3).default(2),
    lastVisitOn: isoDate.nullable().default(null),
    /** When and by whom this enterprise was surveyed; omitted, a new entry takes its batch's and an existing one keeps its own. */
    surveyedOn: isoDate.optional(),
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
