/** The contract's sync calls: sign-in and out, status, sync now, conflicts and refusals. */
import { AppError } from '../../../shared/errors';
import { needDb, writer, type HandlerContext } from '../handler-context';
import type { Handlers } from '../rpc/dispatch';
import { NO_SYNC_IN_SANDBOX } from '../training/sandbox-files';
import { centralDashboard } from './central-dashboard';
import { localMutate } from './local';
import { signIn, signOut } from './sign-in';
import { conflictItems, dismissRejection, rejectionItems } from './views';

type SyncCalls =
  | 'syncStatus'
  | 'syncLogin'
  | 'syncLogout'
  | 'syncNow'
  | 'syncConflicts'
  | 'syncConflictResolve'
  | 'syncRejections'
  | 'syncRejectionDismiss'
  | 'dashboardCentral';

/** What the conflict view offers, in the mutation's words: the kept value is the server's, the other the client's. */
const TAKE = { kept: 'theirs', offered: 'mine' } as const;

/** 培训模式 never reaches the central service: refused here before any request is made. */
function notInSandbox(ctx: HandlerContext): void {
  if (ctx.training.active()) throw new AppError('CONFLICT', NO_SYNC_IN_SANDBOX);
}

export function syncHandlers(ctx: HandlerContext): Pick<Handlers, SyncCalls> {
  return {
    syncStatus: () => ctx.sync().status(),
    syncLogin: async ({ server, user, password }) => {
      notInSandbox(ctx);
      const { switched } = await signIn(ctx, server, user, password);
      return { status: ctx.sync().status(), switched };
    },
    syncLogout: () => (notInSandbox(ctx), signOut(ctx)),
    syncNow: ({ allowMassRemoval }) => {
      notInSandbox(ctx);
      void ctx.sync().run({ allowMassRemoval });
      return ctx.sync().status();
    },
    syncConflicts: () => conflictItems(needDb(ctx)),
    syncConflictResolve: (input) => {
      const db = needDb(ctx);
      const args = input.take === 'value' ? { id: input.id, take: 'value', value: input.value } : { id: input.id, take: TAKE[input.take] };
      localMutate(db, 'conflict.resolve', args, writer(db));
      void ctx.sync().run();
      return ctx.sync().status();
    },
    syncRejections: () => rejectionItems(needDb(ctx)),
    syncRejectionDismiss: ({ id }) => (dismissRejection(needDb(ctx), id), { dismissed: true }),
    dashboardCentral: (f) => (notInSandbox(ctx), centralDashboard(ctx, f)),
  };
}
