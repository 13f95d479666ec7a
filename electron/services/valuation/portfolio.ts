import { supportableLoanFen } from '../../../shared/domain/loan-capacity';
import { AppError } from '../../../shared/errors';
import { MAX_PORTFOLIO_YUAN, type ValuationInput } from '../../../shared/schemas/valuation';
import { toFen, valueWithPaths, type ValuationResult } from './engine';
import { histogram, summarize } from './stats';

export interface PortfolioItem {
  label: string;
  input: ValuationInput;
}

export interface PortfolioResult {
  items: { label: string; result: ValuationResult }[];
  /** shares[n] is item n's share of the total value. */
  shares: number[];
  total: number;
  totalFen: number;
  /** Present when every item was simulated with the same number of paths: path-wise sums. */
  uncertainty?: {
    paths: number;
    p10: number;
    p50: number;
    p90: number;
    mean: number;
    histogram: { from: number; to: number; count: number }[];
  };
  /** The loan rule of shared/domain/loan-capacity.ts over the whole portfolio, when every item has a rate. */
  loan?: PortfolioLoan;
}

export interface PortfolioLoan {
  /** The conservative value lent on: the portfolio's P10, or its value without a range. */
  basis: 'P10' | 'value';
  basisFen: number;
  amount: number;
  amountFen: number;
}

export interface PortfolioPart {
  items: { label: string; result: ValuationResult }[];
  /** Path-wise sums of this part's items, or null when some item was not simulated alike. */
  totals: Float64Array | null;
  /** Each item's loan-to-value, null when it has none (then the portfolio has no loan). */
  rates: (number | null)[];
}

/** Values a slice of a portfolio (one worker's share), keeping the path-wise sums. */
export function valuePortfolioPart(
  items: PortfolioItem[],
  opts: { onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean } = {},
): PortfolioPart {
  const isCancelled = opts.isCancelled ?? (() => false);
  const results: PortfolioPart['items'] = [];
  let totals: Float64Array | null = null;
  let alike = true;
  // One buffer for every item's paths: they are added into the totals before the next item.
  let buffer = new Float64Array(0);
  for (const [n, item] of items.entries()) {
    if (isCancelled()) throw new AppError('CONFLICT', '估值已取消');
    if (n % 20 === 0) opts.onProgress?.(n, items.length);
    const paths = item.input.uncertainty?.paths ?? 0;
    if (paths > buffer.length) buffer = new Float64Array(paths);
    let r;
    try {
      // The loan is the portfolio's (summarizeParts), so no item states a loan of its own.
      r = valueWithPaths(item.input, buffer, { isCancelled, loan: false });
    } catch (e) {
      if (e instanceof AppError && e.code !== 'CONFLICT') throw new AppError(e.code, `“${item.label}”：${e.message}`, e.issues);
      throw e;
    }
    results.push({ label: item.label, result: r.result });
    if (!r.paths || (totals && totals.length !== r.paths.length)) alike = false;
    else if (alike) {
      totals ??= new Float64Array(r.paths.length);
      for (let p = 0; p < r.paths.length; p++) totals[p]! += r.paths[p]!;
    }
  }
  opts.onProgress?.(items.length, items.length);
  return { items: results, totals: alike ? totals : null, rates: items.map((i) => i.input.loanToValue ?? null) };
}

/**
 * A part as it crosses threads: the items' details and inputs as UTF-8 JSON in buffers of
 * their own, moved (not copied) from the part's worker through the main thread to the worker
 * that merges; the numbers the merge needs as numbers.
 */
export interface PackedPart {
  itemsUtf8: Uint8Array;
  inputsUtf8: Uint8Array;
  valueFens: number[];
  rates: (number | null)[];
  totals: Float64Array | null;
}

// TextEncoder gives each array its own buffer (Buffer.from may share a pooled one), so it can be moved.
const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const fromUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export function packPart(part: PortfolioPart, items: PortfolioItem[]): PackedPart {
  return {
    itemsUtf8: utf8(part.items),
    inputsUtf8: utf8(items),
    valueFens: part.items.map((i) => i.result.valueFen),
    rates: part.rates,
    totals: part.totals,
  };
}

/** The buffers of packed parts, for postMessage's transfer list. */
export function packedBuffers(parts: PackedPart[]): ArrayBuffer[] {
  return parts.flatMap((p) => [p.itemsUtf8, p.inputsUtf8, ...(p.totals ? [p.totals] : [])].map((a) => a.buffer as ArrayBuffer));
}

/** The items the parts were valued from, in order. */
export function packedInputs(parts: PackedPart[]): PortfolioItem[] {
  return parts.flatMap((p) => JSON.parse(fromUtf8(p.inputsUtf8)) as PortfolioItem[]);
}

/** Everything but the items' details: the sum, the shares, the path-wise range and the loan. */
function summarizeParts(parts: Pick<PackedPart, 'valueFens' | 'rates' | 'totals'>[]): Omit<PortfolioResult, 'items'> {
  const valueFens = parts.flatMap((p) => p.valueFens);
  if (valueFens.length === 0) throw new AppError('INVALID_INPUT', '组合中没有要评估的资产');
  const totalFen = valueFens.reduce((s, v) => s + v, 0);
  // Each item is at most 1 万亿元; the total must stay an exact number of fen too.
  if (totalFen > toFen(MAX_PORTFOLIO_YUAN)) throw new AppError('INVALID_INPUT', `组合评估值合计超过 10 万亿元，请核对各项收入（单位为元）`);
  const summary: Omit<PortfolioResult, 'items'> = {
    shares: valueFens.map((v) => (totalFen === 0 ? 0 : v / totalFen)),
    total: totalFen / 100,
    totalFen,
  };
  const sums = parts.map((p) => p.totals);
  if (sums.every((t) => t !== null && t.length === sums[0]!.length)) {
    const totals = new Float64Array(sums[0]!.length);
    for (const t of sums as Float64Array[]) for (let i = 0; i < t.length; i++) totals[i]! += t[i]!;
    const s = summarize(totals);
    const y = (v: number) => toFen(v) / 100;
    summary.uncertainty = {
      paths: totals.length,
      p10: y(s.p10),
      p50: y(s.p50),
      p90: y(s.p90),
      mean: y(s.mean),
      histogram: histogram(s).map((b) => ({ ...b, from: y(b.from), to: y(b.to) })),
    };
  }
  const rates = parts.flatMap((p) => p.rates);
  if (rates.every((r) => r !== null)) {
    const basis = summary.uncertainty ? 'P10' : 'value';
    const basisFen = summary.uncertainty ? toFen(summary.uncertainty.p10) : totalFen;
    const amountFen = supportableLoanFen(
      basisFen,
      valueFens.map((valueFen, n) => ({ valueFen, rate: rates[n]! })),
      totalFen,
    );
    summary.loan = { basis, basisFen, amount: amountFen / 100, amountFen };
  }
  return summary;
}

/**
 * Merges packed parts into the portfolio result as JSON text, splicing the items' JSON
 * rather than parsing it: the main process never rebuilds a thousand items' details.
 */
export function mergePackedParts(parts: PackedPart[]): string {
  const summary = summarizeParts(parts);
  const items = parts
    .map((p) => fromUtf8(p.itemsUtf8).slice(1, -1))
    .filter((x) => x.length > 0)
    .join(',');
  return `${JSON.stringify(summary).slice(0, -1)},"items":[${items}]}`;
}

export type PortfolioSummary = Omit<PortfolioResult, 'items'>;

/**
 * The totals of a portfolio result without parsing its items: the summary comes first in the
 * JSON we write (see mergePackedParts and valuePortfolio), so only that prefix is parsed. A
 * 1,000-patent result is about 4 MB; parsing all of it held the main thread for about 50 ms.
 */
export function portfolioSummaryOf(json: string): PortfolioSummary {
  const at = json.indexOf(',"items":[');
  if (json.startsWith('{"shares":') && at > 0) return JSON.parse(`${json.slice(0, at)}}`) as PortfolioSummary;
  const { items: _items, ...summary } = JSON.parse(json) as PortfolioResult;
  return summary;
}

/**
 * Items per part. Path-wise totals are added within a part, then part by part in order, so a
 * portfolio gives the same bits in one thread and on any number of workers. Small enough that
 * a pool of workers takes parts as each one frees up (a slowed core does not hold the job up).
 */
export const PART_SIZE = 50;

/** The items cut into parts of PART_SIZE, in order: the one split both valuePortfolio and the job pool use. */
export function portfolioParts(items: PortfolioItem[]): PortfolioItem[][] {
  return Array.from({ length: Math.ceil(items.length / PART_SIZE) }, (_, i) => items.slice(i * PART_SIZE, (i + 1) * PART_SIZE));
}

/** Values each part in this thread, then merges (the CLI and tests; jobs spread the parts over workers). */
export function valuePortfolio(
  items: PortfolioItem[],
  opts: { onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean } = {},
): PortfolioResult {
  if (items.length === 0) throw new AppError('INVALID_INPUT', '组合中没有要评估的资产');
  const parts = portfolioParts(items).map((part, n) =>
    valuePortfolioPart(part, { ...opts, onProgress: (done) => opts.onProgress?.(n * PART_SIZE + done, items.length) }),
  );
  // Summary first, items last: the order portfolioSummaryOf relies on.
  return {
    ...summarizeParts(parts.map((p) => ({ valueFens: p.items.map((i) => i.result.valueFen), rates: p.rates, totals: p.totals }))),
    items: parts.flatMap((p) => p.items),
  };
}
