/**
 * The one contract between the renderer and the main process. Each call is declared once:
 * its name, a zod schema for the input and the type of its result. The preload bridge, the
 * main-process IPC handlers, the harness HTTP routes and the renderer client are all derived
 * from this object, so adding a call never needs hand-written glue.
 */
import { call, type CallSpec } from './call-spec';
import { trainingContract } from './training-contract';
import { techContract } from './tech-contract';
import { profileContract } from './profile-contract';
import { backupContract } from './backup-contract';
import { updateContract } from './update-contract';
import { workshopFilter } from './schemas/workshop';
import { targetInput, targetYear, type Target } from './schemas/targets';
import { z } from 'zod';
import type { IdResult } from './validators/identify';
import { LANGUAGES } from './settings';
import { DISTRICTS, type District } from './domain/districts';
import type { Funnel } from './domain/whitelist';
import { enterpriseInput } from './schemas/enterprise';
import { ipAssetInput } from './schemas/ip';
import { enterpriseFilter, enterpriseQuery, entryFilter, entryQuery, ipFilter, ipQuery } from './schemas/queries';
import { batchInput, entryInput, statusChangeInput } from './schemas/whitelist';
import type { AppInfo, DbStatus, Settings } from './types/app';
import type { JobStatusView } from './types/jobs';
import type { Enterprise, IpAsset, Page, StatusChange, WhitelistBatch, WhitelistEntry } from './types/records';
import type { BankProduct, IndicatorSet, ValuationRunSummary } from './types/valuation';
import { boundedNumber, isoDate, shortText } from './schemas/common';
import { incomeInput, uncertaintyInput, valuationFields } from './schemas/valuation';
import { bankCatalogSchema } from './schemas/bank';
import {
  caseCreate,
  caseFilter,
  caseItemsSet,
  caseMove,
  caseQuery,
  caseRef,
  caseUpdate,
  paymentInput,
  pledgeInput,
  pledgeStatusInput,
  subsidyDraft,
  subsidyStatusInput,
  visitInput,
} from './schemas/case';
import { subsidyInput, type Policy } from './schemas/policy';
import {
  claimInput,
  defaultInput,
  disposalInput,
  extensionInput,
  insuranceInput,
  ipEventInput,
  loanFilter,
  loanPlanInput,
  poolAssignInput,
  repaymentInput,
  type CompensationPool,
} from './schemas/loan';
import type { PoolView } from './domain/loan/pool';
import type { AfterLoanFigures, PortfolioRow } from './domain/loan/portfolio';
import type { SubsidyResult } from './domain/subsidy';
import type { CaseDetail, CaseSummary, RegistrationStats, Reminder } from './types/case';
import type { ConflictItemView, RejectionView, SyncStatusView } from './types/sync';
import type { DashboardView } from './types/stats';
import { statsFilter } from './schemas/stats';
import { institutionInput, institutionListFilter, nameListFilter } from './schemas/institutions';
import type { InstitutionView, NameReview } from './domain/institution-lists';

const empty = z.object({}).strict();
const byId = z.object({ id: z.string().min(1).max(64) }).strict();
/** What the import wizard and the CLI read from a spreadsheet. */
export const IMPORT_KINDS = ['enterprises', 'ip', 'whitelist', 'achievements', 'needs'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** 50 MB of base64 is about 37 MB of file: more than any survey spreadsheet. */
const fileBase64 = z.string().min(1, '文件为空').max(50_000_000, '文件过大（上限约 37 MB）');

/** The 贷后管理 list with the officer's figures over it. */
export interface LoanList {
  rows: PortfolioRow[];
  figures: AfterLoanFigures;
  pools: string[];
  banks: string[];
}

export interface OfficerOverviewView {
  funnel: Funnel;
  byDistrict: { district: District; enterprises: number; whitelisted: number; loaned: number; needFen: number }[];
  bySteward: { steward: string; enterprises: number; loaned: number; needFen: number; overdue: number }[];
  notVisited: { days: number; count: number };
  totals: { enterprises: number; entries: number; needFen: number };
}

/** The 同步 page's lists are filtered by one typed text (shared/sync/list-filters.ts). */
const syncListFilter = z.object({ search: z.string().max(100).default('') }).strict();

export const contract = {
  appInfo: call<AppInfo>()(empty),
  databaseRetry: call<DbStatus>()(empty),
  idCheck: call<IdResult>()(z.object({ value: z.string().max(200) }).strict()),
  settingsGet: call<Settings>()(empty),
  settingsUpdate: call<Settings>()(
    z
      .object({
        language: z.enum(LANGUAGES).optional(),
        stewardName: z.string().trim().max(40).optional(),
      })
      .strict(),
  ),

  enterprisesList: call<Page<Enterprise>>()(enterpriseQuery),
  enterpriseGet: call<Enterprise>()(byId),
  enterpriseSave: call<Enterprise>()(enterpriseInput),
  enterpriseDelete: call<{ deleted: true }>()(byId),
  ipList: call<Page<IpAsset>>()(ipQuery),
  ipSave: call<IpAsset>()(ipAssetInput),
  ipDelete: call<{ deleted: true }>()(byId),
  batchesList: call<WhitelistBatch[]>()(empty),
  batchCreate: call<WhitelistBatch>()(batchInput),
  entriesList: call<Page<WhitelistEntry>>()(entryQuery),
  entrySave: call<WhitelistEntry>()(entryInput),
  entryStatusChange: call<WhitelistEntry>()(statusChangeInput),
  entryHistory: call<StatusChange[]>()(z.object({ entryId: z.string().min(1).max(64) }).strict()),
  stewardsList: call<string[]>()(empty),
  officerOverview: call<OfficerOverviewView>()(
    z.object({ notVisitedDays: boundedNumber('未走访天数', 1, 3650, { int: true, unit: ' 天' }).default(30) }).strict(),
  ),

  importUpload: call<{ uploadId: string; size: number }>()(
    z
      .object({
        fileName: z
          .string()
          .min(1)
          .max(255)
          .regex(/\.(xlsx|csv|txt)$/i, '只支持 .xlsx 和 .csv 文件'),
        fileBase64,
      })
      .strict(),
  ),
  importStart: call<JobStatusView>()(
    z
      .object({
        kind: z.enum(IMPORT_KINDS),
        uploadId: z.string().min(1).max(64),
        mapping: z.record(z.string(), z.number().int().min(0).max(500).nullable()).optional(),
        mode: z.enum(['preview', 'dry-run', 'commit']),
      })
      .strict(),
  ),
  exportStart: call<JobStatusView>()(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('enterprises'), filter: enterpriseFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('ip'), filter: ipFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('whitelist'), filter: entryFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('cases'), filter: caseFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('conflicts'), filter: syncListFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('rejections'), filter: syncListFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('institutions'), filter: institutionListFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('institution-names'), filter: nameListFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('loans'), filter: loanFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z.object({ kind: z.literal('workshops'), filter: workshopFilter, format: z.enum(['xlsx', 'csv']) }).strict(),
      z
        .object({
          kind: z.literal('loan-pool'),
          filter: z.object({ poolName: z.string().min(1).max(60) }).strict(),
          format: z.enum(['xlsx', 'csv']),
        })
        .strict(),
    ]),
  ),
  demoStart: call<JobStatusView>()(
    z.object({ enterprises: z.number().int().min(1).max(200_000).default(300), seed: z.number().int().optional() }).strict(),
  ),
  valuationCatalog: call<{ indicatorSet: IndicatorSet; products: BankProduct[] }>()(empty),
  valuationStart: call<JobStatusView>()(
    z
      .object({
        enterpriseId: z.string().min(1).max(64),
        title: shortText(100).min(1, '请填写本次估值的名称'),
        valuationDate: isoDate,
        items: z
          .array(
            z
              .object({
                ipAssetId: z.string().min(1).max(64),
                revenue: incomeInput.shape.revenue,
                shareRate: valuationFields.shareRate.optional(),
                shareRange: incomeInput.shape.shareRange,
                discountRate: valuationFields.discountRate,
              })
              .strict(),
          )
          .min(1, '请至少选择一项知识产权')
          .max(5000),
        scores: z.record(z.string().max(80), valuationFields.score).optional(),
        uncertainty: uncertaintyInput,
        productId: z.string().max(64).optional(),
      })
      .strict(),
  ),
  valuationRuns: call<ValuationRunSummary[]>()(z.object({ enterpriseId: z.string().min(1).max(64) }).strict()),
  valuationRun: call<{ summary: ValuationRunSummary; input: unknown; result: unknown }>()(byId),
  valuationReport: call<{ fileName: string; base64: string }>()(byId),
  casesList: call<Page<CaseSummary>>()(caseQuery),
  caseCreate: call<CaseDetail>()(caseCreate),
  caseGet: call<CaseDetail>()(byId),
  caseUpdate: call<CaseDetail>()(caseUpdate),
  caseItemsSet: call<CaseDetail>()(caseItemsSet),
  caseMove: call<CaseDetail>()(caseMove),
  visitSave: call<CaseDetail>()(visitInput),
  visitDelete: call<CaseDetail>()(byId),
  pledgeSave: call<CaseDetail>()(pledgeInput),
  pledgeStatus: call<CaseDetail>()(pledgeStatusInput),
  pledgeForm: call<{ fileName: string; base64: string }>()(caseRef),
  pledgeList: call<{ fileName: string; base64: string }>()(caseRef),
  paymentSave: call<CaseDetail>()(paymentInput),
  paymentDelete: call<CaseDetail>()(byId),
  subsidyCalc: call<SubsidyResult>()(subsidyDraft),
  subsidySave: call<CaseDetail>()(subsidyDraft),
  subsidyStatus: call<CaseDetail>()(subsidyStatusInput),
  policiesList: call<Policy[]>()(empty),
  subsidyCompute: call<SubsidyResult>()(subsidyInput),
  loanPlan: call<CaseDetail>()(loanPlanInput),
  repaymentSave: call<CaseDetail>()(repaymentInput),
  repaymentDelete: call<CaseDetail>()(byId),
  loanExtend: call<CaseDetail>()(extensionInput),
  loanDefault: call<CaseDetail>()(defaultInput),
  loanDisposal: call<CaseDetail>()(disposalInput),
  loanInsurance: call<CaseDetail>()(insuranceInput),
  loanClaim: call<CaseDetail>()(claimInput),
  loanPoolSet: call<CaseDetail>()(poolAssignInput),
  /** A legal-status event of an IP item; answers with the case it was recorded from, afresh. */
  ipEventSave: call<CaseDetail>()(ipEventInput.safeExtend({ caseId: z.string().min(1).max(64) })),
  ipEventDelete: call<CaseDetail>()(z.object({ id: z.string().min(1).max(64), caseId: z.string().min(1).max(64) }).strict()),
  compensationPools: call<CompensationPool[]>()(empty),
  /** A list of legal-status changes (专利号, 事件, 日期, 解除日期, 说明) from .xlsx or .csv. */
  ipEventsImport: call<{ imported: number; rejected: { row: number; reason: string }[] }>()(
    z.object({ fileName: z.string().min(1).max(200), fileBase64 }).strict(),
  ),
  loansList: call<LoanList>()(loanFilter),
  loanPoolView: call<{ view: PoolView; rows: PortfolioRow[] }>()(z.object({ poolName: z.string().min(1).max(60) }).strict()),
  registrationStats: call<RegistrationStats>()(
    z
      .object({
        year: z
          .string()
          .regex(/^\d{4}$/, '年份应为四位数字')
          .optional(),
      })
      .strict(),
  ),
  dashboard: call<DashboardView>()(statsFilter),
  /** The same view answered by the central service, over the signed-in user's districts. */
  dashboardCentral: call<DashboardView>()(statsFilter),
  targetsList: call<Target[]>()(targetYear),
  /** The institutions directory (shipped list with the synced edits), heads each followed by their branches. */
  institutionsList: call<InstitutionView[]>()(empty),
  /** The bank names typed on pledges here, with what the directory makes of each (the review of the mapping). */
  institutionNames: call<NameReview[]>()(empty),
  institutionSave: call<InstitutionView>()(institutionInput),
  targetSave: call<Target>()(targetInput),
  /** A monthly or annual district report, built in a worker (poll jobStatus); a PDF is then printed by reportPrint. */
  reportStart: call<JobStatusView>()(
    z
      .object({
        kind: z.enum(['monthly', 'annual']),
        period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间应写作 2024-03（月报）或 2024（年报）'),
        district: z.enum(DISTRICTS).optional(),
        format: z.enum(['pdf', 'xlsx']),
      })
      .strict(),
  ),
  reportPrint: call<{ fileName: string; base64: string }>()(byId),
  reminders: call<Reminder[]>()(z.object({ days: z.number().int().min(1).max(365).default(30) }).strict()),
  bankCatalog: call<{ products: BankProduct[]; edited: boolean }>()(empty),
  bankCatalogSave: call<{ products: BankProduct[]; edited: boolean }>()(z.object({ products: bankCatalogSchema }).strict()),
  bankCatalogReset: call<{ products: BankProduct[]; edited: boolean }>()(empty),

  syncStatus: call<SyncStatusView>()(empty),
  syncLogin: call<{ status: SyncStatusView; switched: { from: string; unsent: number } | null }>()(
    z
      .object({
        server: z.string().trim().min(1, '请填写中心服务地址').max(300, '地址过长'),
        user: z.string().trim().min(1, '请填写用户名').max(40, '用户名过长'),
        password: z.string().min(1, '请填写密码').max(200, '密码过长'),
      })
      .strict(),
  ),
  syncLogout: call<{ unsent: number }>()(empty),
  syncNow: call<SyncStatusView>()(z.object({ allowMassRemoval: z.boolean().default(false) }).strict()),
  syncConflicts: call<ConflictItemView[]>()(empty),
  syncConflictResolve: call<SyncStatusView>()(
    z.discriminatedUnion('take', [
      z.object({ id: z.string().min(1).max(64), take: z.enum(['kept', 'offered']) }).strict(),
      z.object({ id: z.string().min(1).max(64), take: z.literal('value'), value: z.unknown() }).strict(),
    ]),
  ),
  syncRejections: call<RejectionView[]>()(empty),
  syncRejectionDismiss: call<{ dismissed: true }>()(byId),

  ...trainingContract,
  ...techContract,
  ...profileContract,
  ...backupContract,
  ...updateContract,

  jobStatus: call<JobStatusView>()(byId),
  jobCancel: call<JobStatusView>()(byId),

  reportRendererError: call<{ logged: true; logFile: string }>()(
    z.object({ message: z.string().max(4000), stack: z.string().max(20000).optional() }).strict(),
  ),
} as const;

export type { CallSpec } from './call-spec';
export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends CallSpec<z.ZodType, infer O> ? O : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** IPC channel for one call; the preload and main process agree through this function. */
export { channelOf } from './channels';
