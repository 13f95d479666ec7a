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

/**
 * P10/P50/P90 (nearest rank), mean, min and max. The mean is taken as x₀ + Σ(x − x₀)/n so that
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
  const work = values.slice();
  const rank = (p: number) => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
  // After selecting P50 the array is partitioned around it, so P10 and P90 are each found
  // in their own half.
  const k50 = rank(0.5);
  const p50 = select(work, k50);
  const k10 = rank(0.1);
  const k90 = rank(0.9);
  const p10 = k10 < k50 ? select(work.subarray(0, k50), k10) : p50;
  const p90 = k90 > k50 ? select(work.subarray(k50 + 1), k90 - k50 - 1) : p50;
  return { p10, p50, p90, mean: x0 + acc / n, min, max };
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
