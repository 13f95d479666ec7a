import type { AchievementData, MatchStatus, TechNeedData } from '../schemas/tech';

export interface NeedRow extends TechNeedData {
  enterpriseName: string;
  district: string;
  updatedAt: string;
}
export interface AchievementRow extends AchievementData {
  updatedAt: string;
}
export interface FollowUpView {
  status: MatchStatus;
  note: string;
  followedOn: string;
  updatedBy: string;
}
/** Why a pairing ranks where it does: the shared terms and the IPC overlap, in words. */
export interface MatchReason {
  id: string;
  score: number;
  sharedTerms: string[];
  ipc: { level: 'group' | 'subclass'; code: string } | null;
  reason: string;
}
export interface AchievementMatchView extends MatchReason {
  /** null: the achievement was deleted after the pairing was followed; its follow-up is kept in view. */
  achievement: AchievementRow | null;
  followUp: FollowUpView | null;
}
export interface NeedMatchView extends MatchReason {
  need: NeedRow;
  followUp: FollowUpView | null;
}
