import type { Database } from 'better-sqlite3-multiple-ciphers';
import { productRate } from '../../../shared/domain/loan-capacity';
import { AppError } from '../../../shared/errors';
import type { ValuationInput } from '../../../shared/schemas/valuation';
import type { BankProduct, IndicatorSet, ValuationRunSummary } from '../../../shared/types/valuation';
import { localMutate } from '../sync/local';
import type { WriteContext } from '../enterprises/repository';
import { newId } from '../ids';
import { getIpAsset } from '../ip/repository';
import { weightedScore } from '../resources';
import { ENGINE_VERSION } from './engine';
import { portfolioSummaryOf, type PortfolioItem } from './portfolio';

export interface RunRequest {
  enterpriseId: string;
  title: string;
  valuationDate: string;
  items: { ipAssetId: string; revenue: number[]; shareRate?: number; shareRange?: { min: number; max: number }; discountRate: number }[];
  /** Indicator scores (dimension.indicator → 0–100) giving S for items with a share range. */
  scores?: Record<string, number>;
  uncertainty?: ValuationInput['uncertainty'];
  productId?: string;
}

/**
 * Turns a request from the valuation page into engine inputs: each asset's kind and dates
 * come from its record (so they cannot be mistyped), the share rate from the range and the
 * indicator score when no rate is given, and the loan-to-value from the chosen bank product
 * (0 for a kind the product does not take, as the product ranking counts it).
 */
export function buildItems(db: Database, req: RunRequest, set: IndicatorSet, products: BankProduct[], today: string): PortfolioItem[] {
  const product = req.productId ? products.find((p) => p.id === req.productId) : undefined;
  if (req.productId && !product) throw new AppError('NOT_FOUND', '所选银行产品不存在');
  const score = req.scores ? Math.round(weightedScore(set, req.scores) * 100) / 100 : undefined;
  return req.items.map((item, n) => {
    const a = getIpAsset(db, item.ipAssetId, today);
    if (a.enterpriseId !== req.enterpriseId) throw new AppError('INVALID_INPUT', `第 ${n + 1} 项知识产权不属于该企业`);
    const input: ValuationInput = {
      valuationDate: req.valuationDate,
      asset: {
        kind: a.kind,
        ...(a.filingDate ? { filingDate: a.filingDate } : {}),
        ...(a.registrationDate ? { registrationDate: a.registrationDate } : {}),
        ...(a.validUntil ? { validUntil: a.validUntil } : {}),
        ...(a.publishedOn ? { publishedOn: a.publishedOn } : {}),
        title: a.title,
        number: a.displayNumber,
      },
      approach: 'income',
      income: {
        revenue: item.revenue,
        discountRate: item.discountRate,
        ...(item.shareRate !== undefined ? { shareRate: item.shareRate } : { shareRange: item.shareRange, score }),
      },
      ...(req.uncertainty ? { uncertainty: { ...req.uncertainty, seed: (req.uncertainty.seed ?? 1) + n } } : {}),
      ...(product ? { loanToValue: productRate(product, a.kind) } : {}),
    };
    return { label: `${a.displayNumber} ${a.title}`, input };
  });
}

/** What a valuation job needs to keep its run: the page's request and the indicator set (id@version) it scored with. */
export interface RunStore {
  request: RunRequest;
  indicatorSet: string;
}

/**
 * Stores a finished run as evidence (in the job's worker: the result is megabytes) and
 * returns the result's JSON with the run's id first, as the valuation page reads it.
 */
export function saveRun(db: Database, store: RunStore, items: PortfolioItem[], resultJson: string, ctx: WriteContext): string {
  const req = store.request;
  const result = portfolioSummaryOf(resultJson);
  const id = newId();
  const totalFen = result.totalFen;
  localMutate(
    db,
    'valuation.store',
    {
      id,
      enterpriseId: req.enterpriseId,
      title: req.title,
      engineVersion: ENGINE_VERSION,
      indicatorSet: store.indicatorSet,
      items: items.length,
      totalFen,
      p10Fen: result.uncertainty ? Math.round(result.uncertainty.p10 * 100) : null,
      loanFen: result.loan?.amountFen ?? null,
      productId: req.productId ?? null,
      itemValues: Object.fromEntries(req.items.map((it, n) => [it.ipAssetId, Math.round((result.shares[n] ?? 0) * totalFen)])),
      input: { request: req, items },
      result: JSON.parse(resultJson) as unknown,
      createdBy: ctx.actor,
      createdAt: ctx.now,
    },
    ctx,
  );
  return `{"runId":${JSON.stringify(id)},${resultJson.slice(1)}`;
}

const SUMMARY = `SELECT id, enterprise_id AS enterpriseId, title, engine_version AS engineVersion, indicator_set AS indicatorSet, items, total_fen AS totalFen,
  p10_fen AS p10Fen, loan_fen AS loanFen, created_by AS createdBy, created_at AS createdAt FROM valuations`;

export function listRuns(db: Database, enterpriseId: string): ValuationRunSummary[] {
  return db.prepare(`${SUMMARY} WHERE enterprise_id = ? ORDER BY created_at DESC`).all(enterpriseId) as ValuationRunSummary[];
}

export function getRun(db: Database, id: string): { summary: ValuationRunSummary; input: unknown; result: unknown } {
  const summary = db.prepare(`${SUMMARY} WHERE id = ?`).get(id) as ValuationRunSummary | undefined;
  if (!summary) throw new AppError('NOT_FOUND', '估值记录不存在');
  const row = db.prepare('SELECT input, result FROM valuations WHERE id = ?').get(id) as { input: string; result: string };
  return { summary, input: JSON.parse(row.input), result: JSON.parse(row.result) };
}

/**
 * Each asset's value in a stored run (shares × total, to the fen) with the run's summary and
 * the product it was valued for, read without parsing the items' details, so a case linked to
 * a large run stays quick.
 */
export function runItemValues(
  db: Database,
  id: string,
): { summary: ValuationRunSummary; byAsset: Map<string, number>; productId: string | null } {
  const summary = db.prepare(`${SUMMARY} WHERE id = ?`).get(id) as ValuationRunSummary | undefined;
  if (!summary) throw new AppError('NOT_FOUND', '估值记录不存在');
  const row = db.prepare('SELECT input, result FROM valuations WHERE id = ?').get(id) as { input: string; result: string };
  const request = (JSON.parse(row.input) as { request: RunRequest }).request;
  const { shares, totalFen } = portfolioSummaryOf(row.result);
  return {
    summary,
    byAsset: new Map(request.items.map((it, n) => [it.ipAssetId, Math.round((shares[n] ?? 0) * totalFen)])),
    productId: request.productId ?? null,
  };
}
