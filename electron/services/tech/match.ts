/**
 * Ranked matches both ways over this computer's records: the BM25 index (../matching/) built
 * from the needs and achievements here, kept while they are unchanged (the tables' counts and
 * last writes are its key), so a query after the first costs milliseconds.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { matchId } from '../../../shared/schemas/tech';
import { buildIndex, matchAchievement, matchNeed, type MatchIndex } from '../matching/bm25';
import { loadTokenizer } from '../matching/tokenize';
import type { MatchHit } from '../matching/types';
import {
  allAchievements,
  followUps,
  getAchievement,
  getNeed,
  listNeeds,
  type AchievementView,
  type MatchFollowUp,
  type TechNeedView,
} from './repository';

export interface AchievementMatch extends MatchHit {
  /** null when deleted after the pairing was followed. */
  achievement: AchievementView | null;
  followUp: MatchFollowUp | null;
}
export interface NeedMatch extends MatchHit {
  need: TechNeedView;
  followUp: MatchFollowUp | null;
}

let cached: { db: Database; key: string; index: MatchIndex } | null = null;

/** Moved by every write to needs and achievements (triggers of migration 15). */
const versionKey = (db: Database): string => String(db.prepare('SELECT n FROM tech_index_version').pluck().get());

function indexOf(db: Database, resourcesDir: string): MatchIndex {
  const key = versionKey(db);
  if (cached && cached.db === db && cached.key === key) return cached.index;
  const index = buildIndex(
    { needs: listNeeds(db, { search: '' }), achievements: allAchievements(db) },
    { tokenizer: loadTokenizer(resourcesDir) },
  );
  cached = { db, key, index };
  return index;
}

/** The achievements that best answer a need, each with why and where its follow-up stands. */
export function achievementsFor(db: Database, resourcesDir: string, needId: string, k = 10): AchievementMatch[] {
  const need = getNeed(db, needId);
  if (!need) throw new AppError('NOT_FOUND', '技术需求不存在');
  const follow = followUps(db, needId);
  const hits = matchNeed(indexOf(db, resourcesDir), need, k);
  const ranked = hits.flatMap((h) => {
    const achievement = getAchievement(db, h.id);
    return achievement ? [{ ...h, achievement, followUp: follow.get(matchId(needId, h.id)) ?? null }] : [];
  });
  // A pairing being followed stays in view even when others now rank above it.
  const shown = new Set(hits.map((h) => h.id));
  // A deleted achievement's follow-up too: what the steward recorded is not hidden (nor deleted:
  // the achievement is everyone's, the follow-up belongs to the need's district).
  const followed = [...follow].flatMap(([key, followUp]) => {
    const achievementId = key.slice(needId.length + 1);
    if (shown.has(achievementId)) return [];
    const achievement = getAchievement(db, achievementId);
    const reason = achievement ? '已在跟进（不在当前推荐前列）' : '该科技成果已被删除，跟进记录保留';
    return [{ id: achievementId, score: 0, sharedTerms: [], ipc: null, reason, achievement, followUp }];
  });
  return [...ranked, ...followed];
}

/** The needs an achievement could answer (for a university's liaison). */
export function needsFor(db: Database, resourcesDir: string, achievementId: string, k = 10): NeedMatch[] {
  const achievement = getAchievement(db, achievementId);
  if (!achievement) throw new AppError('NOT_FOUND', '科技成果不存在');
  return matchAchievement(indexOf(db, resourcesDir), achievement, k).flatMap((h) => {
    const need = getNeed(db, h.id);
    return need ? [{ ...h, need, followUp: followUps(db, h.id).get(matchId(h.id, achievementId)) ?? null }] : [];
  });
}
