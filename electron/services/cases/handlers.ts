import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { computeSubsidy } from '../../../shared/domain/subsidy';
import type { MethodName } from '../../../shared/contract';
import type { BankProduct } from '../../../shared/types/valuation';
import { bankProducts, resetBankProducts, saveBankProducts } from '../catalog';
import { needDb, writer, type HandlerContext } from '../handler-context';
import { getPolicy, loadPolicies } from '../policies/load';
import type { Handlers } from '../rpc/dispatch';
import { getCaseDetail } from './detail';
import { moveCase } from './moves';
import { savePledge } from './pledge';
import { patentListXlsx, pledgeFormHtml } from './pledge-form';
import { changePledgeStatus } from './pledge-status';
import { registrationStats } from './registration-stats';
import { reminders } from './reminders';
import { createCase, listCases, setCaseItems, updateCase } from './repository';
import { calcForCase, changeSubsidyStatus, deletePayment, savePayment, saveSubsidy } from './subsidy';
import { deleteVisit, saveVisit } from './visits';

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

/** The closed-loop case calls: each writes through a service, then returns the case afresh. */
export function caseHandlers(ctx: HandlerContext, today: () => string): Pick<Handlers, CaseMethod> {
  const products = (db: Database | null): BankProduct[] => bankProducts(db, ctx.resourcesDir).products;
  const detail = (db: Database, id: string) => getCaseDetail(db, id, products(db), today());
  /** Runs a write with the writer's name, then returns the case as it now is. */
  const write = (caseId: string, fn: (db: Database, who: ReturnType<typeof writer>) => void) => {
    const db = needDb(ctx);
    fn(db, writer(db));
    return detail(db, caseId);
  };
  const policy = (id: string) => getPolicy(ctx.resourcesDir, id);
  const catalog = () => bankProducts(ctx.db, ctx.resourcesDir);
  return {
    casesList: (q) => listCases(needDb(ctx), q),
    caseCreate: (input) => {
      const db = needDb(ctx);
      const who = writer(db);
      const id = createCase(db, { ...input, steward: input.steward || who.actor }, who);
      return detail(db, id);
    },
    caseGet: ({ id }) => detail(needDb(ctx), id),
    caseUpdate: (input) => write(input.id, (db, who) => updateCase(db, input, who)),
    caseItemsSet: ({ id, ipAssetIds }) => write(id, (db, who) => setCaseItems(db, id, ipAssetIds, who)),
    caseMove: ({ id, move }) => write(id, (db, who) => moveCase(db, id, move, products(db), who, today())),
    visitSave: (input) => write(input.caseId, (db, who) => saveVisit(db, input, who)),
    visitDelete: ({ id }) => {
      const db = needDb(ctx);
      return detail(db, deleteVisit(db, id, writer(db)));
    },
    pledgeSave: (input) => write(input.caseId, (db, who) => savePledge(db, input, who)),
    pledgeStatus: (input) => write(input.caseId, (db, who) => changePledgeStatus(db, input, products(db), who, today())),
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
    paymentSave: (input) => write(input.caseId, (db, who) => savePayment(db, input, who)),
    paymentDelete: ({ id }) => {
      const db = needDb(ctx);
      return detail(db, deletePayment(db, id, writer(db)));
    },
    subsidyCalc: (draft) => calcForCase(needDb(ctx), draft, policy(draft.policyId), today()).result,
    subsidySave: (draft) => write(draft.caseId, (db, who) => saveSubsidy(db, draft, policy(draft.policyId), who, today())),
    subsidyStatus: (input) => write(input.caseId, (db, who) => changeSubsidyStatus(db, input, policy, who, today())),
    policiesList: () => loadPolicies(ctx.resourcesDir),
    subsidyCompute: (input) => computeSubsidy(policy(input.policyId), input),
    registrationStats: ({ year }) => registrationStats(needDb(ctx), year),
    reminders: ({ days }) => reminders(needDb(ctx), today(), days, loadPolicies(ctx.resourcesDir)),
    bankCatalog: () => catalog(),
    bankCatalogSave: ({ products: list }) => {
      const db = needDb(ctx);
      saveBankProducts(db, list as BankProduct[], writer(db));
      return catalog();
    },
    bankCatalogReset: () => {
      const db = needDb(ctx);
      resetBankProducts(db, writer(db));
      return catalog();
    },
  };
}
