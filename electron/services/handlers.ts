import { listTargets, saveTarget } from './targets/repository';
import { listInstitutions, listNames, saveInstitution } from './institutions/repository';
import { todayIso } from '../../shared/domain/dates';
import { AppError } from '../../shared/errors';
import { identify } from '../../shared/validators/identify';
import type { JobStatusView } from '../../shared/types/jobs';
import { caseHandlers } from './cases/handlers';
import { loanHandlers } from './loans/handlers';
import { trainingHandlers } from './training/handlers';
import { techHandlers } from './tech/handlers';
import { profileHandlers } from './profile/handlers';
import { backupHandlers } from './backup/handlers';
import { updateHandlers } from './updates/handlers';
import { WORKSHOPS_NOT_IN_SANDBOX } from './training/sandbox-files';
import { bankProducts } from './catalog';
import { deleteEnterprise, getEnterprise, listEnterprises, saveEnterprise } from './enterprises/repository';
import { needDb, writer, type HandlerContext } from './handler-context';
import { deleteIpAsset, listIpAssets, saveIpAsset } from './ip/repository';
import type { JobManager } from './jobs/manager';
import type { Handlers } from './rpc/dispatch';
import { loadIndicatorSet } from './resources';
import { getSettings, updateSettings } from './settings';
import { syncHandlers } from './sync/handlers';
import { valuationReportHtml, type ReportData } from './reports/valuation-report';
import type { PortfolioItem } from './valuation/portfolio';
import { buildItems, getRun, listRuns, type RunRequest } from './valuation/runs';
import { officerOverview } from './whitelist/overview';
import { changeStatus, createBatch, listBatches, listEntries, saveEntry, statusHistory } from './whitelist/repository';

export type { HandlerContext } from './handler-context';

/** People's names in the order Chinese readers expect (拼音序). */
const PINYIN = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** Maps every contract call to the service that answers it. */
export function buildHandlers(ctx: HandlerContext): Handlers {
  const today = () => todayIso();
  const startJob = (spec: Parameters<JobManager['start']>[0]) => {
    const db = needDb(ctx);
    return ctx.jobs().start(spec, { actor: writer(db).actor, today: today() }) as JobStatusView;
  };
  return {
    ...caseHandlers(ctx, today),
    ...loanHandlers(ctx, today),
    ...syncHandlers(ctx),
    ...trainingHandlers(ctx),
    ...techHandlers(ctx),
    ...profileHandlers(ctx, today),
    ...backupHandlers(ctx),
    ...updateHandlers(ctx),
    appInfo: () => ctx.info(),
    databaseRetry: () => ctx.reopenDatabase(),
    idCheck: ({ value }) => identify(value),
    settingsGet: () => getSettings(needDb(ctx)),
    settingsUpdate: (patch) => {
      const settings = updateSettings(needDb(ctx), patch);
      ctx.onSettingsChanged?.();
      return settings;
    },
    enterprisesList: (q) => listEnterprises(needDb(ctx), q, today()),
    enterpriseGet: ({ id }) => getEnterprise(needDb(ctx), id),
    enterpriseSave: (input) => saveEnterprise(needDb(ctx), input, writer(needDb(ctx))),
    enterpriseDelete: ({ id }) => (deleteEnterprise(needDb(ctx), id, writer(needDb(ctx))), { deleted: true }),
    ipList: (q) => listIpAssets(needDb(ctx), q, today()),
    ipSave: (input) => saveIpAsset(needDb(ctx), input, writer(needDb(ctx)), today()),
    ipDelete: ({ id }) => (deleteIpAsset(needDb(ctx), id, writer(needDb(ctx))), { deleted: true }),
    batchesList: () => listBatches(needDb(ctx)),
    batchCreate: (input) => createBatch(needDb(ctx), input, writer(needDb(ctx))),
    entriesList: (q) => listEntries(needDb(ctx), q, today()),
    entrySave: (input) => saveEntry(needDb(ctx), input, writer(needDb(ctx))),
    entryStatusChange: (input) => changeStatus(needDb(ctx), input, writer(needDb(ctx))),
    entryHistory: ({ entryId }) => statusHistory(needDb(ctx), entryId),
    stewardsList: () =>
      (needDb(ctx).prepare("SELECT DISTINCT steward FROM whitelist_entries WHERE steward <> ''").pluck().all() as string[]).sort(
        PINYIN.compare,
      ),
    dashboard: (f) => (needDb(ctx), ctx.dashboards.view(ctx.dbFile(), f, new Date().toISOString())),
    targetsList: ({ year }) => listTargets(needDb(ctx), year),
    institutionsList: () => listInstitutions(needDb(ctx)),
    institutionNames: () => listNames(needDb(ctx)),
    institutionSave: (input) => saveInstitution(needDb(ctx), input, writer(needDb(ctx))),
    targetSave: (input) => saveTarget(needDb(ctx), input, writer(needDb(ctx))),
    reportStart: ({ format, ...request }) => startJob({ type: 'report', request, format }),
    reportPrint: async ({ id }) => {
      const job = ctx.jobs().status(id) as JobStatusView;
      if (job.type !== 'report' || job.state !== 'done' || !job.resultJson) throw new AppError('NOT_FOUND', '报告尚未生成完成');
      const r = JSON.parse(job.resultJson) as { fileName: string; html?: string; header?: string };
      if (!r.html) throw new AppError('INVALID_INPUT', '这份报告不是 PDF 格式');
      if (!ctx.printPdf) throw new AppError('INTERNAL', '当前运行环境无法生成 PDF');
      const pdf = await ctx.printPdf(r.html, { header: r.header });
      return { fileName: r.fileName, base64: Buffer.from(pdf).toString('base64') };
    },
    officerOverview: ({ notVisitedDays }) => officerOverview(needDb(ctx), today(), notVisitedDays),
    importUpload: ({ fileName, fileBase64 }) => ctx.uploads.put(fileName, new Uint8Array(Buffer.from(fileBase64, 'base64'))),
    importStart: ({ kind, uploadId, mapping, mode }) => {
      const { fileName, bytes } = ctx.uploads.get(uploadId);
      return startJob({ type: 'import', kind, fileName, bytes, mapping, mode });
    },
    exportStart: ({ format, ...request }) => {
      if (request.kind === 'workshops' && ctx.training.active()) throw new AppError('CONFLICT', WORKSHOPS_NOT_IN_SANDBOX);
      return startJob({ type: 'export', request, format });
    },
    demoStart: ({ enterprises, seed }) => startJob({ type: 'demo', enterprises, seed, resourcesDir: ctx.resourcesDir }),
    valuationCatalog: () => ({
      indicatorSet: loadIndicatorSet(ctx.resourcesDir),
      products: bankProducts(ctx.db, ctx.resourcesDir).products,
    }),
    valuationStart: (req) => {
      const db = needDb(ctx);
      const set = loadIndicatorSet(ctx.resourcesDir);
      const items = buildItems(db, req, set, bankProducts(db, ctx.resourcesDir).products, today());
      const who = writer(db);
      const store = { request: req, indicatorSet: `${set.id}@${set.version}` };
      return ctx.jobs().start({ type: 'valuation', items, store }, { actor: who.actor, today: today() }) as JobStatusView;
    },
    valuationRuns: ({ enterpriseId }) => listRuns(needDb(ctx), enterpriseId),
    valuationRun: ({ id }) => getRun(needDb(ctx), id),
    valuationReport: async ({ id }) => {
      if (!ctx.printPdf) throw new AppError('INTERNAL', '当前运行环境无法生成 PDF');
      const db = needDb(ctx);
      const run = getRun(db, id);
      const input = run.input as { request: RunRequest; items: PortfolioItem[] };
      const product = input.request.productId
        ? bankProducts(db, ctx.resourcesDir).products.find((p) => p.id === input.request.productId)
        : undefined;
      const html = valuationReportHtml({
        summary: run.summary,
        enterpriseName: getEnterprise(db, run.summary.enterpriseId).name,
        items: input.items,
        result: run.result as ReportData['result'],
        productName: product && `${product.bank} ${product.name}`,
      });
      const pdf = await ctx.printPdf(html);
      return { fileName: `估值报告-${run.summary.createdAt.slice(0, 10)}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },
    jobStatus: ({ id }) => ctx.jobs().status(id) as JobStatusView,
    jobCancel: ({ id }) => ctx.jobs().cancel(id) as JobStatusView,
    reportRendererError: ({ message, stack }) => {
      ctx.logger.error(`renderer: ${message}`, stack);
      return { logged: true, logFile: ctx.logger.file };
    },
  };
}
