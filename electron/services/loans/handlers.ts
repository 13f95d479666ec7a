import { AppError } from '../../../shared/errors';
import type { Handlers } from '../rpc/dispatch';
import { caseWriter } from '../cases/handlers';
import { needDb, type HandlerContext } from '../handler-context';
import { newId } from '../ids';
import { getRecord } from '../sync/store';
import { importIpEvents } from './ip-events-import';
import { loadPools } from './pools';
import { listLoans, loanPoolView } from './portfolio';

type LoanMethod =
  | 'loanPlan'
  | 'repaymentSave'
  | 'repaymentDelete'
  | 'loanExtend'
  | 'loanDefault'
  | 'loanDisposal'
  | 'loanInsurance'
  | 'loanClaim'
  | 'loanPoolSet'
  | 'ipEventSave'
  | 'ipEventDelete'
  | 'compensationPools'
  | 'ipEventsImport'
  | 'loansList'
  | 'loanPoolView';

/** The after-loan calls (贷后管理): each writes through its shared mutation and answers with the case afresh. */
export function loanHandlers(ctx: HandlerContext, today: () => string): Pick<Handlers, LoanMethod> {
  const { run, write, detail } = caseWriter(ctx, today);
  return {
    loanPlan: (input) => write(input.caseId, 'loan.plan', input),
    repaymentSave: (input) => write(input.caseId, 'repayment.save', { ...input, id: input.id ?? newId() }),
    repaymentDelete: ({ id }) => {
      const r = getRecord(needDb(ctx), 'repayment', id);
      if (!r || r.deleted) throw new AppError('NOT_FOUND', '还款记录不存在或已删除');
      return detail(run('repayment.delete', { id }), String(r.data.caseId));
    },
    loanExtend: (input) => write(input.caseId, 'loan.extend', input),
    loanDefault: (input) => write(input.caseId, 'loan.default', input),
    loanDisposal: (input) => write(input.caseId, 'loan.disposal', input),
    loanInsurance: (input) => write(input.caseId, 'loan.insurance', input),
    loanClaim: (input) => write(input.caseId, 'loan.claim', { ...input, asOf: today() }),
    loanPoolSet: (input) => write(input.caseId, 'loan.pool', input),
    ipEventSave: ({ caseId, ...input }) => write(caseId, 'ip_event.save', { ...input, id: input.id ?? newId() }),
    ipEventDelete: ({ caseId, id }) => write(caseId, 'ip_event.delete', { id }),
    compensationPools: () => loadPools(ctx.resourcesDir),
    ipEventsImport: ({ fileName, fileBase64 }) => importIpEvents(needDb(ctx), new Uint8Array(Buffer.from(fileBase64, 'base64')), fileName),
    loansList: (filter) => listLoans(needDb(ctx), filter, today()),
    loanPoolView: ({ poolName }) => loanPoolView(needDb(ctx), poolName, today()),
  };
}
