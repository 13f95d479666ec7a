/** The contract's 软件更新 calls. */
import type { HandlerContext } from '../handler-context';
import type { Handlers } from '../rpc/dispatch';

type UpdateCalls = 'updateStatus' | 'updateCheck' | 'updateDownload' | 'updateInstall';

export function updateHandlers(ctx: HandlerContext): Pick<Handlers, UpdateCalls> {
  return {
    updateStatus: () => ctx.updates.view(),
    updateCheck: () => ctx.updates.check(),
    updateDownload: () => ctx.updates.download(),
    updateInstall: ({ unsaved }) => ctx.updates.install(unsaved),
  };
}
