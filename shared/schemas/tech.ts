/**
 * Technology needs of enterprises (技术需求) and research achievements of universities and
 * institutes (科技成果), matched both ways (electron/services/matching/), and the steward's
 * follow-up of a pairing (introduced → negotiating → agreed, or dropped).
 */
import { z } from 'zod';
import { fenAmount, id, isoDate, shortText } from './common';

/** An IPC class as written on patents: H01M, H01M 4/, H01M 4/13 (spaces and case forgiven). */
export const ipcClass = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/\s+/g, ' '))
  .refine((s) => /^[A-H]\d{2}[A-Z]( ?\d{1,4}(\/\d{0,6})?)?$/.test(s), { message: 'IPC 分类号格式应如 H01M 或 H01M 4/13' });
const ipcList = z.array(ipcClass).max(20, 'IPC 分类最多 20 个').default([]);

export const techNeedInput = z
  .object({
    id,
    enterpriseId: id,
    title: shortText(100).min(2, '请填写需求名称（至少 2 个字）'),
    description: shortText(2000).default(''),
    field: shortText(40).default(''),
    ipcClasses: ipcList,
    budgetFen: fenAmount('预算', { min: 0 }).nullable().default(null),
    deadline: isoDate.nullable().default(null),
  })
  .strict();
export type TechNeedInput = z.input<typeof techNeedInput>;
export type TechNeedData = z.output<typeof techNeedInput>;

export const TRANSFER_MODES = ['转让', '许可', '作价入股'] as const;
export const MATURITIES = ['实验室', '小试', '中试', '产业化'] as const;

export const achievementInput = z
  .object({
    id,
    title: shortText(120).min(2, '请填写成果名称（至少 2 个字）'),
    abstract: shortText(4000).default(''),
    holder: shortText(80).min(2, '请填写成果持有单位'),
    field: shortText(40).default(''),
    ipcClasses: ipcList,
    patents: z.array(shortText(40).min(1)).max(50, '专利最多 50 项').default([]),
    maturity: z.enum(MATURITIES, { message: '成熟度应为实验室、小试、中试或产业化' }).nullable().default(null),
    transferModes: z
      .array(z.enum(TRANSFER_MODES, { message: '转化方式应为转让、许可或作价入股' }))
      .max(3)
      .default([]),
  })
  .strict();
export type AchievementInput = z.input<typeof achievementInput>;
export type AchievementData = z.output<typeof achievementInput>;

export const MATCH_STATUSES = ['introduced', 'negotiating', 'agreed', 'dropped'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const MATCH_STATUS_LABELS: Record<MatchStatus, string> = {
  introduced: '已对接',
  negotiating: '洽谈中',
  agreed: '已达成',
  dropped: '已放弃',
};

/** The follow-up of one need–achievement pairing (its id: `${needId}:${achievementId}`). */
export const techMatchInput = z
  .object({
    needId: id,
    achievementId: id,
    status: z.enum(MATCH_STATUSES, { message: '请选择跟进状态' }),
    note: shortText(500).default(''),
    followedOn: isoDate,
  })
  .strict();
export type TechMatchInput = z.input<typeof techMatchInput>;
export const matchId = (needId: string, achievementId: string) => `${needId}:${achievementId}`;
