/** The contract's 备份与恢复 calls. */
import type { HandlerContext } from '../handler-context';
import type { Handlers } from '../rpc/dispatch';

type BackupCalls = 'backupsList' | 'backupCreate' | 'backupInspect' | 'backupRestore' | 'backupExport' | 'backupPolicySave';

export function backupHandlers(ctx: HandlerContext): Pick<Handlers, BackupCalls> {
  return {
    backupsList: () => ctx.backups.view(),
    backupCreate: () => ctx.backups.create(),
    backupInspect: ({ name }) => ctx.backups.inspect(name),
    backupRestore: ({ name }) => ctx.backups.restore(name),
    backupExport: ({ name }) => {
      const { fileName, bytes } = ctx.backups.read(name);
      return { fileName, base64: bytes.toString('base64') };
    },
    backupPolicySave: (policy) => ctx.backups.savePolicy(policy),
  };
}
