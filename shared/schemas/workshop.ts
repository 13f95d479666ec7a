/**
 * A workshop of the association's IP-finance training (知识产权金融跨界人才培训): its session,
 * who was invited and who came, the materials handed out. Real records: they live in the
 * working database and sync, never in the sandbox.
 */
import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { id, isoDate, shortText } from './common';

export const ATTENDEE_KINDS = ['bank', 'enterprise', 'agency', 'government'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];
export const ATTENDEE_KIND_LABELS: Record<AttendeeKind, string> = {
  bank: '银行',
  enterprise: '企业',
  agency: '服务机构',
  government: '政府部门',
};

export const attendeeInput = z
  .object({
    name: shortText(40).min(1, '请填写姓名'),
    organisation: shortText(80).min(1, '请填写单位'),
    kind: z.enum(ATTENDEE_KINDS, { message: '请选择类别：银行、企业、服务机构或政府部门' }),
    /** Came to the session (an invitee who did not stays listed as absent). */
    attended: z.boolean().default(false),
  })
  .strict();
export type Attendee = z.output<typeof attendeeInput>;

export const materialInput = z
  .object({
    title: shortText(100).min(1, '请填写资料名称'),
    note: shortText(200).default(''),
  })
  .strict();

/** The fields as such (a conflict settled with a typed value checks its field against these). */
export const workshopFields = z
  .object({
    id,
    date: isoDate,
    topic: shortText(100).min(2, '请填写培训主题（至少 2 个字）'),
    trainer: shortText(40).min(1, '请填写讲师'),
    venue: shortText(100).min(1, '请填写地点'),
    district: z.enum(DISTRICTS).nullable().default(null),
    attendees: z.array(attendeeInput).max(500, '一期培训最多登记 500 名学员').default([]),
    materials: z.array(materialInput).max(50, '资料最多 50 项').default([]),
    notes: shortText(1000).default(''),
  })
  .strict();

export const workshopInput = workshopFields.superRefine((w, ctx) => {
  const seen = new Set<string>();
  w.attendees.forEach((a, i) => {
    const key = `${a.name}\n${a.organisation}`;
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: ['attendees', i, 'name'], message: `学员“${a.name}（${a.organisation}）”重复` });
    seen.add(key);
  });
});
export type WorkshopInput = z.input<typeof workshopInput>;
export type WorkshopData = z.output<typeof workshopInput>;

export const workshopFilter = z
  .object({
    search: z.string().max(100).default(''),
    year: z.number().int().min(2000).max(2100).optional(),
    kind: z.enum(ATTENDEE_KINDS).optional(),
  })
  .strict();
export type WorkshopFilter = z.output<typeof workshopFilter>;
