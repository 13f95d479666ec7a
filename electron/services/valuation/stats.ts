/** k-th smallest of xs (0-based) by quickselect: O(n), it reorders xs. */
function select(xs: Float64Array, k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) {
        const tmp = xs[i]!;
        xs[i] = xs[j]!;
        xs[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}

export interface Summary {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  min: number;
  max: number;
  /** Histogram counts over HISTOGRAM_BINS equal bins from min to max, counted in the same pass. */
  bins: Int32Array;
}

const BUCKETS = 4096;
export const HISTOGRAM_BINS = 30;
/** Each value's bucket, reused between calls (one per thread): a path array is 10,000 values. */
let bucketIds = new Uint16Array(0);
const bucketCounts = new Int32Array(BUCKETS);

/**
 * P10/P50/P90 (nearest rank, exact), mean, min, max and the histogram. The values are bucketed
 * in one pass (remembering each value's bucket), then each percentile is selected exactly
 * among the few values of its bucket, instead of sorting or partitioning all of them. The
 * mean is taken as x₀ + Σ(x − x₀)/n so that identical values give that value exactly.
 */
export function summarize(values: Float64Array): Summary {
  const n = values.length;
  const x0 = values[0]!;
  let acc = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    acc += v - x0;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = x0 + acc / n;
  const rank = (p: number) => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
  const bins = new Int32Array(HISTOGRAM_BINS);
  if (min === max) {
    bins[0] = n;
    return { p10: min, p50: min, p90: min, mean, min, max, bins };
  }
  const scale = (BUCKETS - 1) / (max - min);
  if (!Number.isFinite(scale)) {
    // A range too small to divide into buckets (denormal differences): select among all values.
    for (let i = 0; i < n; i++) bins[values[i] === max ? HISTOGRAM_BINS - 1 : 0]!++;
    const work = values.slice();
    return { p10: select(work, rank(0.1)), p50: select(work, rank(0.5)), p90: select(work, rank(0.9)), mean, min, max, bins };
  }
  if (bucketIds.length < n) bucketIds = new Uint16Array(n);
  const ids = bucketIds;
  const counts = bucketCounts.fill(0);
  const binScale = HISTOGRAM_BINS / (max - min);
  // Offsets are ≥ 0 and small, so `| 0` floors them (NaN from an infinite range becomes 0).
  for (let i = 0; i < n; i++) {
    const t = values[i]! - min;
    let b = (t * scale) | 0;
    if (b > BUCKETS - 1) b = BUCKETS - 1;
    let h = (t * binScale) | 0;
    if (h > HISTOGRAM_BINS - 1) h = HISTOGRAM_BINS - 1;
    ids[i] = b;
    counts[b]!++;
    bins[h]!++;
  }
  // For each wanted rank: its bucket and its rank among that bucket's values.
  const wanted = [rank(0.1), rank(0.5), rank(0.9)].map((r) => {
    let before = 0;
    let b = 0;
    while (before + counts[b]! <= r) before += counts[b++]!;
    return { bucket: b, within: r - before, values: new Float64Array(counts[b]!), filled: 0 };
  });
  const [w10, w50, w90] = wanted as [(typeof wanted)[0], (typeof wanted)[0], (typeof wanted)[0]];
  for (let i = 0; i < n; i++) {
    const b = ids[i]!;
    if (b === w10.bucket) w10.values[w10.filled++] = values[i]!;
    if (b === w50.bucket) w50.values[w50.filled++] = values[i]!;
    if (b === w90.bucket) w90.values[w90.filled++] = values[i]!;
  }
  const [p10, p50, p90] = wanted.map((w) => select(w.values, w.within)) as [number, number, number];
  return { p10, p50, p90, mean, min, max, bins };
}

/** The histogram as ranges with counts, from the bins summarize counted. */
export function histogram(range: Pick<Summary, 'min' | 'max' | 'bins'>): { from: number; to: number; count: number }[] {
  const { min, max, bins } = range;
  if (min === max) return [{ from: min, to: max, count: bins[0]! }];
  const width = (max - min) / bins.length;
  return Array.from(bins, (count, i) => ({ from: min + i * width, to: min + (i + 1) * width, count }));
}
