/**
 * The valuation engine (pure; runs in the main process's workers and the CLI): income, cost
 * and market approaches, Monte Carlo uncertainty and sensitivity for the income approach,
 * and the loan figure. Money in yuan internally, reported rounded to the fen.
 */
import { supportableLoanFen } from '../../../shared/domain/loan-capacity';
import { AppError } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import { MAX_AMOUNT_YUAN, valuationInput, type ValuationInput } from '../../../shared/schemas/valuation';
import type { SensitivityRow, ValuationResult, YearLine } from '../../../shared/types/valuation';
import '../../../shared/zod-locale';
import { rng } from '../demo/random';
import { incomeKernel } from './kernel';
import { bounds, draw, drawSpec, triangular } from './sampling';
import { incomeExpiry, yearWindows } from './schedule';
import { histogram, summarize, type Summary } from './stats';

/**
 * 1.1.0: the loan rule of shared/domain/loan-capacity.ts and the inverse-CDF normal sampler.
 * 1.2.0: a portfolio's path totals added in fixed parts of 50 items (the same bits on any number of cores).
 */
export const ENGINE_VERSION = '1.2.0';

export type { SensitivityRow, ValuationResult, YearLine } from '../../../shared/types/valuation';

export interface ValueOptions {
  /** Checked between batches of paths, so one long item can be cancelled. */
  isCancelled?: () => boolean;
  /** False when a portfolio works the loan out over all its items (the loan rule is not additive). */
  loan?: boolean;
}

export const toFen = (yuan: number): number => Math.round(yuan * 100);
const yuan = (v: number): number => toFen(v) / 100;
// Integer formatting: Intl's toLocaleString costs about 40 µs a call, too much per path set.
const money = (v: number): string => formatYuan(toFen(v));

/** Parses and checks an input, turning schema issues into one clear Chinese message. */
export function parseValuationInput(input: unknown) {
  const parsed = valuationInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'INVALID_INPUT',
      `估值输入有误：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`,
      issues,
    );
  }
  return parsed.data;
}

export function value(input: ValuationInput): ValuationResult {
  return valueWithPaths(input).result;
}

/**
 * The result and, when uncertainty was simulated, every path's value (for portfolio totals).
 * With `buffer`, the paths are written into it when it is large enough: a portfolio reuses
 * one buffer for all its items, so the returned paths are only valid until the next call.
 */
export function valueWithPaths(
  input: ValuationInput,
  buffer?: Float64Array,
  opts: ValueOptions = {},
): { result: ValuationResult; paths: Float64Array | null } {
  const v = parseValuationInput(input);
  let paths: Float64Array | null = null;
  const base = { engineVersion: ENGINE_VERSION, approach: v.approach, valuationDate: v.valuationDate };
  const expiry = incomeExpiry(v.asset);
  let result: ValuationResult;

  if (v.approach === 'cost') {
    const c = v.cost!;
    const raw = c.replacementCost * (1 - c.depreciationRate);
    result = {
      ...base,
      value: yuan(raw),
      valueFen: toFen(raw),
      expiry,
      reason: null,
      working: [`成本法：重置成本 ${money(c.replacementCost)} × (1 − 贬值率 ${c.depreciationRate}) = ${money(raw)} 元`],
    };
  } else if (v.approach === 'market') {
    const adjusted = v.market!.comparables.map((c) => c.factors.reduce((p, f) => p * f, c.price));
    const raw = adjusted.reduce((s, x) => s + x, 0) / adjusted.length;
    result = {
      ...base,
      value: yuan(raw),
      valueFen: toFen(raw),
      expiry,
      reason: null,
      working: [
        ...v.market!.comparables.map(
          (c, i) => `可比交易 ${i + 1}：${money(c.price)} × ${c.factors.join(' × ') || 1} = ${money(adjusted[i]!)} 元`,
        ),
        `市场法：${adjusted.length} 个可比交易调整后取平均 = ${money(raw)} 元`,
      ],
    };
  } else {
    ({ result, paths } = incomeValue(v, expiry, buffer, opts));
  }

  if (v.loanToValue !== undefined && opts.loan !== false) {
    // One asset is a portfolio of one kind: the shared rule gives its conservative value × rate.
    const basis = result.uncertainty ? 'P10' : 'value';
    const basisFen = result.uncertainty ? toFen(result.uncertainty.p10) : result.valueFen;
    const amountFen = supportableLoanFen(basisFen, [{ valueFen: result.valueFen, rate: v.loanToValue }]);
    result.loan = { basis, basisValue: basisFen / 100, loanToValue: v.loanToValue, amount: amountFen / 100, amountFen };
    result.working.push(
      `贷款额度：${basis === 'P10' ? '保守值 P10' : '评估值'} ${formatYuan(basisFen)} × 质押率 ${v.loanToValue} = ${formatYuan(amountFen)} 元`,
    );
  }
  return { result, paths };
}

function shareRateOf(inc: NonNullable<ReturnType<typeof parseValuationInput>['income']>): { k: number; line: string } {
  if (inc.shareRate !== undefined) return { k: inc.shareRate, line: `分成率 k = ${inc.shareRate}（给定）` };
  const { min, max } = inc.shareRange!;
  const k = min + ((max - min) * inc.score!) / 100;
  return { k, line: `分成率 k = ${min} + (${max} − ${min}) × ${inc.score}/100 = ${k}` };
}

/**
 * Refuses an income whose value could pass MAX_AMOUNT_YUAN: at the given inputs, or at the top
 * of any range or sensitivity row (the value rises with revenue and share, falls with the
 * rate), so that no path, total or fen amount can lose its exactness or overflow.
 */
function checkCeiling(weighted: Float64Array, at: { k: number; i: number }, u: ReturnType<typeof parseValuationInput>['uncertainty']) {
  const m = u ? Math.max(1, bounds(u.revenue, 1)[1]) : 1;
  const k = u ? Math.max(at.k, bounds(u.shareRate, at.k)[1]) : at.k;
  const i = u ? Math.min(at.i, bounds(u.discountRate, at.i)[0]) : at.i;
  const ceiling = incomeKernel(weighted, m, k, i);
  if (ceiling <= MAX_AMOUNT_YUAN) return;
  const message = `${u ? '按波动区间的上限' : '按所给收入'}，评估值可达约 ${Math.round(ceiling / 1e8).toLocaleString('en-US')} 亿元，超过单项评估值上限 1 万亿元，请核对收入（单位为元）`;
  throw new AppError('INVALID_INPUT', `估值输入有误：income.revenue：${message}`, [{ path: 'income.revenue', message }]);
}

function incomeValue(
  v: ReturnType<typeof parseValuationInput>,
  expiry: string | null,
  buffer: Float64Array | undefined,
  opts: ValueOptions,
): { result: ValuationResult; paths: Float64Array | null } {
  const inc = v.income!;
  const base = { engineVersion: ENGINE_VERSION, approach: 'income' as const, valuationDate: v.valuationDate };
  const { k, line } = shareRateOf(inc);
  const i = inc.discountRate;
  if (expiry !== null && expiry <= v.valuationDate) {
    const result: ValuationResult = {
      ...base,
      value: 0,
      valueFen: 0,
      expiry,
      reason: `法定保护期已于 ${expiry} 届满，收益法评估值为 0`,
      shareRate: k,
      discountRate: i,
      years: [],
      working: [`保护期已于 ${expiry} 届满，不再产生收益`],
    };
    return { result, paths: v.uncertainty ? new Float64Array(v.uncertainty.paths) : null };
  }
  const windows = yearWindows(v.valuationDate, inc.revenue.length, expiry);
  const weighted = Float64Array.from(windows, (w, t) => inc.revenue[t]! * w.fraction);
  checkCeiling(weighted, { k, i }, v.uncertainty);
  const raw = incomeKernel(weighted, 1, k, i);
  const years: YearLine[] = windows.map((w) => {
    const discountFactor = 1 / (1 + i) ** w.t;
    return {
      ...w,
      revenue: inc.revenue[w.t - 1]!,
      discountFactor,
      presentValue: yuan(inc.revenue[w.t - 1]! * w.fraction * k * discountFactor),
    };
  });
  const cut = windows.find((w) => w.fraction > 0 && w.fraction < 1);
  const result: ValuationResult = {
    ...base,
    value: yuan(raw),
    valueFen: toFen(raw),
    expiry,
    reason: null,
    shareRate: k,
    discountRate: i,
    years,
    working: [
      line,
      `折现率 i = ${i}`,
      ...years.map(
        (y) =>
          `第 ${y.t} 年（${y.from} 至 ${y.to}）：${money(y.revenue)} × ${y.fraction === 1 ? '' : `${y.fraction.toFixed(4)} × `}${k} × ${y.discountFactor.toFixed(6)} = ${money(y.presentValue)} 元`,
      ),
      ...(cut ? [`第 ${cut.t} 年被法定保护期届满日 ${expiry} 截断，只计其届满前的天数`] : []),
      `收益法评估值 = Σ = ${money(raw)} 元`,
    ],
  };

  let paths: Float64Array | null = null;
  if (v.uncertainty) {
    const u = v.uncertainty;
    paths = simulate(weighted, { k, i }, u, buffer, opts.isCancelled);
    const s: Summary = summarize(paths);
    result.uncertainty = {
      paths: u.paths,
      seed: u.seed,
      p10: yuan(s.p10),
      p50: yuan(s.p50),
      p90: yuan(s.p90),
      mean: yuan(s.mean),
      histogram: histogram(s).map((b) => ({ ...b, from: yuan(b.from), to: yuan(b.to) })),
    };
    result.sensitivity = sensitivity(weighted, { k, i }, u);
    result.working.push(
      `蒙特卡洛模拟 ${u.paths} 次（种子 ${u.seed}）：P10 ${money(s.p10)}，P50 ${money(s.p50)}，P90 ${money(s.p90)}，均值 ${money(s.mean)} 元`,
    );
  }
  return { result, paths };
}

type Uncertainty = NonNullable<ReturnType<typeof parseValuationInput>['uncertainty']>;

/** Paths between cancellation checks: about a millisecond of work at 50 years. */
const CHECK_EVERY = 4096;

/** One value per path; the same seed gives the same paths. */
export function simulate(
  weighted: Float64Array,
  at: { k: number; i: number },
  u: Pick<Uncertainty, 'paths' | 'seed' | 'revenue' | 'shareRate' | 'discountRate'>,
  buffer?: Float64Array,
  isCancelled?: () => boolean,
): Float64Array {
  const { next } = rng(u.seed);
  const m = drawSpec(u.revenue, 1);
  const k = drawSpec(u.shareRate, at.k);
  const i = drawSpec(u.discountRate, at.i);
  const out = buffer && buffer.length >= u.paths ? buffer.subarray(0, u.paths) : new Float64Array(u.paths);
  // Triangular draws are written out here (same arithmetic, same order as draw()): V8 keeps
  // this loop about 20% faster than when every draw goes through draw().
  for (let start = 0; start < u.paths; start += CHECK_EVERY) {
    if (start > 0 && isCancelled?.()) throw new AppError('CONFLICT', '估值已取消');
    const end = Math.min(u.paths, start + CHECK_EVERY);
    for (let p = start; p < end; p++) {
      const dm = m.kind === 1 ? triangular(m, next()) : draw(m, next);
      const dk = k.kind === 1 ? triangular(k, next()) : draw(k, next);
      const di = i.kind === 1 ? triangular(i, next()) : draw(i, next);
      out[p] = incomeKernel(weighted, dm, dk, di);
    }
  }
  return out;
}

function sensitivity(weighted: Float64Array, at: { k: number; i: number }, u: Uncertainty): SensitivityRow[] {
  const row = (input: SensitivityRow['input'], [low, high]: [number, number], f: (x: number) => number): SensitivityRow => ({
    input,
    low,
    high,
    valueAtLow: yuan(f(low)),
    valueAtHigh: yuan(f(high)),
  });
  return [
    row('revenue', bounds(u.revenue, 1), (x) => incomeKernel(weighted, x, at.k, at.i)),
    row('shareRate', bounds(u.shareRate, at.k), (x) => incomeKernel(weighted, 1, x, at.i)),
    row('discountRate', bounds(u.discountRate, at.i), (x) => incomeKernel(weighted, 1, at.k, x)),
  ];
}
