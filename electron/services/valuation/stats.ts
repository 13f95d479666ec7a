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
}

const BUCKETS = 4096;

/**
 * P10/P50/P90 (nearest rank, exact), mean, min and max. The values are bucketed in one pass,
 * then each percentile is selected exactly among the few values of its bucket, instead of
 * sorting or partitioning all of them. The mean is taken as x₀ + Σ(x − x₀)/n so that
 * identical values give that value exactly.
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
  if (min === max) return { p10: min, p50: min, p90: min, mean, min, max };
  const scale = (BUCKETS - 1) / (max - min);
  if (!Number.isFinite(scale)) {
    // A range too small to divide into buckets (denormal differences): select among all values.
    const work = values.slice();
    return { p10: select(work, rank(0.1)), p50: select(work, rank(0.5)), p90: select(work, rank(0.9)), mean, min, max };
  }
  const bucketOf = (v: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor((v - min) * scale)));
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < n; i++) counts[bucketOf(values[i]!)]!++;
  // For each wanted rank: its bucket and its rank among that bucket's values.
  const wanted = [rank(0.1), rank(0.5), rank(0.9)].map((r) => {
    let before = 0;
    let b = 0;
    while (before + counts[b]! <= r) before += counts[b++]!;
    return { bucket: b, within: r - before, values: [] as number[] };
  });
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const b = bucketOf(v);
    for (const w of wanted) if (w.bucket === b) w.values.push(v);
  }
  const [p10, p50, p90] = wanted.map((w) => select(Float64Array.from(w.values), w.within)) as [number, number, number];
  return { p10, p50, p90, mean, min, max };
}

/** Counts per bin between the summary's min and max (taken from summarize, not recomputed). */
export function histogram(values: Float64Array, range: { min: number; max: number }, bins = 30): { from: number; to: number; count: number }[] {
  const { min, max } = range;
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const width = (max - min) / bins;
  const counts = new Int32Array(bins);
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i]! - min) / width))]!++;
  return Array.from(counts, (count, i) => ({ from: min + i * width, to: min + (i + 1) * width, count }));
}
