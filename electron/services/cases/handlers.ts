import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { computeSubsidy } from '../../../shared/domain/subsidy';
import type { MethodName } from '../../../shared/contract';
import type { BankProduct } from '../../../shared/types/valuation';
import { bankProducts } from '../catalog';
import { needDb, writer, type HandlerContext } from '../handler-context';
import { getPool } from '../loans/pools';
import { getPolicy, loadPolicies } from '../policies/load';
import type { Handlers } from '../rpc/dispatch';
import { expectedOf } from '../profile/view';
import { getCaseDetail } from './detail';
import { patentListXlsx, pledgeFormHtml } from './pledge-form';
import { registrationStats } from './registration-stats';
import { reminders } from './reminders';
import { getCaseRecord, listCases } from './repository';
import { calcForCase } from './subsidy';
import { newId } from '../ids';
import { localMutate } from '../sync/local';
import { getRecord } from '../sync/store';

type CaseMethod = Extract<
  MethodName,
  | 'casesList'
  | 'caseCreate'
  | 'caseGet'
  | 'caseUpdate'
  | 'caseItemsSet'
  | 'caseMove'
  | 'visitSave'
  | 'visitDelete'
  | 'pledgeSave'
  | 'pledgeStatus'
  | 'pledgeForm'
  | 'pledgeList'
  | 'paymentSave'
  | 'paymentDelete'
  | 'subsidyCalc'
  | 'subsidySave'
  | 'subsidyStatus'
  | 'policiesList'
  | 'subsidyCompute'
  | 'reminders'
  | 'registrationStats'
  | 'bankCatalog'
  | 'bankCatalogSave'
  | 'bankCatalogReset'
>;

/** How the case calls write: the shared mutation run as the writer, then the case read afresh. */
export function caseWriter(ctx: HandlerContext, today: () => string) {
  const products = (db: Database | null): BankProduct[] => bankProducts(db, ctx.resourcesDir).products;
  const detail = (db: Database, id: string) =>
    getCaseDetail(db, id, products(db), today(), (enterpriseId) => expectedOf(db, ctx.resourcesDir, enterpriseId, today()));
  const policy = (id: string) => getPolicy(ctx.resourcesDir, id);
  const run = (name: string, args: unknown) => {
    const db = needDb(ctx);
    localMutate(db, name, args, writer(db), { products: products(db), policy, pool: (id) => getPool(ctx.resourcesDir, id) });
    return db;
  };
  const write = (caseId: string, name: string, args: unknown) => detail(run(name, args), caseId);
  return { detail, policy, run, write };
}

/** The closed-loop case calls: each writes through its shared mutation, then returns the case afresh. */
export function caseHandlers(ctx: HandlerContext, today: () => string): Pick<Handlers, CaseMethod> {
  const { detail, policy, run, write } = caseWriter(ctx, today);
  /** The stage or status a move leaves, so the server can tell a move made on stale data. */
  const current = (entity: 'case' | 'pledge' | 'subsidy', id: string, field: string) => {
    const r = getRecord(needDb(ctx), entity, id);
    return r && !r.deleted ? (r.data[field] as string) : undefined;
  };
  const caseOf = (entity: 'visit' | 'payment', id: string) => {
    const r = getRecord(needDb(ctx), entity, id);
    return r && !r.deleted ? String(r.data.caseId) : null;
  };
  const catalog = () => bankProducts(ctx.db, ctx.resourcesDir);
  return {
    casesList: (q) => listCases(needDb(ctx), q),
    caseCreate: (input) => {
      const id = newId();
      return write(id, 'case.create', { ...input, id });
    },
    caseGet: ({ id }) => detail(needDb(ctx), id),
    caseUpdate: (input) => write(input.id, 'case.update', input),
    caseItemsSet: (input) => write(input.id, 'case.items', input),
    caseMove: (input) => write(input.id, 'case.move', { ...input, from: current('case', input.id, 'stage') }),
    visitSave: (input) => write(input.caseId, 'visit.save', { ...input, id: input.id ?? newId() }),
    visitDelete: ({ id }) => {
      const caseId = caseOf('visit', id);
      const db = run('visit.delete', { id });
      return detail(db, caseId!);
    },
    pledgeSave: (input) => write(input.caseId, 'pledge.save', input),
    pledgeStatus: (input) => write(input.caseId, 'pledge.status', { ...input, from: current('pledge', input.caseId, 'status') }),
    pledgeForm: async ({ caseId }) => {
      if (!ctx.printPdf) throw new AppError('INTERNAL', '当前运行环境无法生成 PDF');
      const d = detail(needDb(ctx), caseId);
      const pdf = await ctx.printPdf(pledgeFormHtml(d));
      return { fileName: `专利权质押登记申请表-${d.enterprise.name}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },
    pledgeList: async ({ caseId }) => {
      const d = detail(needDb(ctx), caseId);
      return { fileName: `质押专利清单-${d.enterprise.name}.xlsx`, base64: Buffer.from(await patentListXlsx(d)).toString('base64') };
    },
    paymentSave: (input) => write(input.caseId, 'payment.save', { ...input, id: newId() }),
    paymentDelete: ({ id }) => {
      const caseId = caseOf('payment', id);
      const db = run('payment.delete', { id });
      return detail(db, caseId!);
    },
    subsidyCalc: (draft) => {
      const db = needDb(ctx);
      const p = policy(draft.policyId);
      // Only a policy that asks for a qualification needs the enterprise's self-check.
      const expected = p.rules.qualificationsAny?.length
        ? expectedOf(db, ctx.resourcesDir, getCaseRecord(db, draft.caseId).enterpriseId, today())
        : [];
      return calcForCase(db, draft, p, today(), expected).result;
    },
    subsidySave: (draft) => write(draft.caseId, 'subsidy.save', draft),
    subsidyStatus: (input) => write(input.caseId, 'subsidy.status', { ...input, from: current('subsidy', input.caseId, 'status') }),
    policiesList: () => loadPolicies(ctx.resourcesDir),
    subsidyCompute: (input) => computeSubsidy(policy(input.policyId), input),
    registrationStats: ({ year }) => registrationStats(needDb(ctx), year),
    reminders: ({ days }) => reminders(needDb(ctx), today(), days, loadPolicies(ctx.resourcesDir)),
    bankCatalog: () => catalog(),
    bankCatalogSave: ({ products: list }) => {
      run('catalog.save', { products: list });
      return catalog();
    },
    bankCatalogReset: () => {
      run('catalog.reset', {});
      return catalog();
    },
  };
}
