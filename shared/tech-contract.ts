/** The 技术对接 calls: technology needs, research achievements, ranked matches both ways, follow-ups. */
import { z } from 'zod';
import { call } from './call-spec';
import { achievementInput, techMatchInput, techNeedInput } from './schemas/tech';
import type { Page } from './types/records';
import type { AchievementMatchView, AchievementRow, FollowUpView, NeedMatchView, NeedRow } from './types/tech';

const byId = z.object({ id: z.string().min(1).max(64) }).strict();
const techFilter = z.object({ search: z.string().max(100).default(''), enterpriseId: z.string().min(1).max(64).optional() }).strict();

export const techContract = {
  techNeedsList: call<NeedRow[]>()(techFilter),
  techNeedSave: call<NeedRow>()(techNeedInput),
  techNeedDelete: call<{ deleted: true }>()(byId),
  /** A page of achievements, newest first (limit 0: just the count). */
  achievementsList: call<Page<AchievementRow>>()(
    z
      .object({
        search: z.string().max(100).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(0).max(500).default(50),
      })
      .strict(),
  ),
  achievementSave: call<AchievementRow>()(achievementInput),
  achievementDelete: call<{ deleted: true }>()(byId),
  techMatchesForNeed: call<AchievementMatchView[]>()(
    z.object({ needId: z.string().min(1).max(64), k: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
  techMatchesForAchievement: call<NeedMatchView[]>()(
    z.object({ achievementId: z.string().min(1).max(64), k: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
  techFollowUpSave: call<FollowUpView>()(techMatchInput),
} as const;
