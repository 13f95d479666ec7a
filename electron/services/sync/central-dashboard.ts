/**
 * 统计看板 asked of the central service for the signed-in user. The sync worker owns the refresh
 * of the session's tokens (a refresh token is spent once: two refreshing at once would end the
 * session), so an expired access token waits for a sync run and is then asked again.
 */
import { AppError } from '../../../shared/errors';
import type { StatsFilter } from '../../../shared/schemas/stats';
import type { DashboardView } from '../../../shared/types/stats';
import { needDb, type HandlerContext } from '../handler-context';
import { AccessExpired, CentralClient, Unreachable } from './client';
import { sessionOf, vaultTokens } from './session';

export async function centralDashboard(ctx: HandlerContext, f: StatsFilter): Promise<DashboardView> {
  const ask = () => {
    const vault = ctx.vaultFor(ctx.dbFile());
    const { server } = sessionOf(needDb(ctx), vault);
    return new CentralClient(server, vaultTokens(vault), false).dashboard(f);
  };
  const askRefreshed = async () => {
    try {
      return await ask();
    } catch (err) {
      if (!(err instanceof AccessExpired)) throw err;
      await ctx.sync().run();
      return ask().catch((again: unknown) => {
        throw again instanceof AccessExpired
          ? new AppError('UNAUTHORIZED', '登录已过期：请在“数据同步”页重新登录后再查看中心服务的统计')
          : again;
      });
    }
  };
  try {
    return await askRefreshed();
  } catch (err) {
    // Nothing was edited here: the sync's "your changes are kept on this computer" is not what to say.
    if (err instanceof Unreachable) throw new AppError('OFFLINE', `无法连接中心服务（${err.server}）：${err.reason}。可改看本机数据。`);
    throw err;
  }
}
