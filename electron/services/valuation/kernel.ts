/**
 * The income approach's arithmetic, shared by the deterministic value and every Monte Carlo
 * path so that a distribution of zero width gives exactly the deterministic value:
 * V = m · k · Σ_t A_t / (1 + i)^t, with A_t = R_t · fraction_t and m a revenue multiplier.
 */
export function incomeKernel(weighted: Float64Array, multiplier: number, share: number, discount: number): number {
  const x = 1 / (1 + discount);
  let pw = x;
  let acc = 0;
  for (let t = 0; t < weighted.length; t++) {
    acc += weighted[t]! * pw;
    pw *= x;
  }
  return multiplier * share * acc;
}
