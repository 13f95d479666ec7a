/** The contract's 技术对接 calls. */
import { todayIso } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import { needDb, writer, type HandlerContext } from '../handler-context';
import type { Handlers } from '../rpc/dispatch';
import { achievementsFor, needsFor } from './match';
import { deleteAchievement, deleteNeed, pageAchievements, listNeeds, saveAchievement, saveMatch, saveNeed } from './repository';

type TechCalls =
  | 'techNeedsList'
  | 'techNeedSave'
  | 'techNeedDelete'
  | 'achievementsList'
  | 'achievementSave'
  | 'achievementDelete'
  | 'techMatchesForNeed'
  | 'techMatchesForAchievement'
  | 'techFollowUpSave';

export function techHandlers(ctx: HandlerContext): Pick<Handlers, TechCalls> {
  const db = () => needDb(ctx);
  return {
    techNeedsList: (f) => listNeeds(db(), f),
    techNeedSave: (input) => saveNeed(db(), input, writer(db())),
    techNeedDelete: ({ id }) => (deleteNeed(db(), id, writer(db())), { deleted: true }),
    achievementsList: (f) => pageAchievements(db(), f),
    achievementSave: (input) => saveAchievement(db(), input, writer(db())),
    achievementDelete: ({ id }) => (deleteAchievement(db(), id, writer(db())), { deleted: true }),
    techMatchesForNeed: ({ needId, k }) => achievementsFor(db(), ctx.resourcesDir, needId, k),
    techMatchesForAchievement: ({ achievementId, k }) => needsFor(db(), ctx.resourcesDir, achievementId, k),
    techFollowUpSave: (input) => {
      if (input.followedOn > todayIso())
        throw new AppError('INVALID_INPUT', '跟进日期不能晚于今天', [{ path: 'followedOn', message: '跟进日期不能晚于今天' }]);
      return saveMatch(db(), input, writer(db()));
    },
  };
}
