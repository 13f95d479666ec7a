/**
 * The standard normal distribution function Φ and its inverse, accurate to about 1e-15
 * relative in the lower tail (where the truncated-normal sampler works), down to Φ(−38).
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Φ(−z) for z ≥ 0, the lower tail, computed directly so small probabilities keep their relative precision. */
function lowerTail(z: number): number {
  if (z > 38.5) return 0; // below the smallest double
  const density = Math.exp((-z * z) / 2) / SQRT_2PI;
  if (z < 2) {
    // Φ(−z) = ½ − φ(z) · Σ z^(2n+1) / (2n+1)!!; the difference loses at most a digit here.
    let term = z;
    let sum = z;
    for (let n = 1; term > 1e-17 * sum; n++) {
      term *= (z * z) / (2 * n + 1);
      sum += term;
    }
    return 0.5 - density * sum;
  }
  // The continued fraction of the Mills ratio, z + 1/(z + 2/(z + 3/(z + …))), evaluated from
  // its K-th term back; K is what reaches 1e-16 at the low end of each band.
  const terms = z < 4 ? 100 : z < 7 ? 40 : 20;
  let d = z;
  for (let k = terms; k > 0; k--) d = z + k / d;
  return density / d;
}

/** Φ(x), within about 1e-15 relative in the lower tail (checked against 40-digit values). */
export function normalCdf(x: number): number {
  return x > 0 ? 1 - lowerTail(x) : lowerTail(-x);
}

// Acklam's rational approximation of Φ⁻¹ (relative error below 1.15e-9), refined below.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239,
] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - P_LOW) return -acklam(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Φ⁻¹(p) for p in [0, 1] (−∞ at 0, +∞ at 1): Acklam's approximation and one Halley step
 * against normalCdf. Used for p ≤ 0.5, where that step keeps full relative precision.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const x = acklam(p);
  if (x < -37) return x; // Φ underflows there; Acklam alone is within 1e-9.
  const density = Math.exp((-x * x) / 2) / SQRT_2PI;
  const u = (normalCdf(x) - p) / density;
  return x - u / (1 + (x * u) / 2);
}
