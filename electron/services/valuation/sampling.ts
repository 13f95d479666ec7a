import type { Distribution } from '../../../shared/schemas/valuation';
import { normalCdf, normalQuantile } from './normal';

/**
 * One uncertain input as plain numbers, so the simulation loop draws without closures:
 * kind 0 is a constant (a), 1 triangular (a = min, c = mode, b = max, split), 2 a normal
 * with mean c, sd s, truncated to [a, b], drawn by `method` from its precomputed window.
 */
export interface Draw {
  kind: 0 | 1 | 2;
  a: number;
  b: number;
  c: number;
  s: number;
  split: number;
  /** Normal only: 0 uniform, 1 inverse CDF across the mean, 2 inverse CDF in the lower tail, 3 far tail. */
  method: 0 | 1 | 2 | 3;
  /** The window in standard units, mirrored (sign −1) when it lies above the mean. */
  lo: number;
  hi: number;
  sign: 1 | -1;
  /** Φ(lo); Φ(hi) in the lower tail, Φ(−hi) across the mean. */
  pLo: number;
  pHi: number;
  mass: number;
}

/**
 * Every Draw is built here with all its fields in one order: the simulation loop reads them
 * millions of times, and objects made by spreading a template got a shape V8 reads about
 * 2.5 times slower (measured: 1,000 × 10,000 paths in 2.0 s against 0.8 s).
 */
function makeDraw(kind: Draw['kind'], a: number, b: number, c: number, s: number, rest: Partial<Draw> = {}): Draw {
  return {
    kind,
    a,
    b,
    c,
    s,
    split: rest.split ?? 0,
    method: rest.method ?? 0,
    lo: rest.lo ?? 0,
    hi: rest.hi ?? 0,
    sign: rest.sign ?? 1,
    pLo: rest.pLo ?? 0,
    pHi: rest.pHi ?? 0,
    mass: rest.mass ?? 0,
  };
}
const constant = (x: number): Draw => makeDraw(0, x, x, x, 0);

/** Φ underflows below about −37.5 standard deviations; beyond this the far-tail form is used. */
const FAR_TAIL = -37;

/** A zero-width distribution becomes a constant, so it returns its centre exactly. */
export function drawSpec(d: Distribution | undefined, fallback: number): Draw {
  if (!d) return constant(fallback);
  if (d.type === 'triangular') {
    if (d.min === d.max) return constant(d.mode);
    return makeDraw(1, d.min, d.max, d.mode, 0, { split: (d.mode - d.min) / (d.max - d.min) });
  }
  if (d.sd === 0 || d.min === d.max) return constant(d.mean);
  return normalSpec(d.mean, d.sd, d.min, d.max);
}

function normalSpec(c: number, s: number, a: number, b: number): Draw {
  const alpha = (a - c) / s;
  const beta = (b - c) / s;
  const normal = (rest: Partial<Draw>) => makeDraw(2, a, b, c, s, rest);
  // Where the density changes by less than 1e-12 across the window, it is uniform there (a
  // huge sd, or a window a hair wide), and Φ differences would be lost to rounding.
  if (Math.max(Math.abs(alpha), Math.abs(beta)) * (beta - alpha) < 1e-12) return normal({ method: 0 });
  if (alpha < 0 && beta > 0) {
    const pLo = normalCdf(alpha);
    const pHi = normalCdf(-beta);
    return normal({ method: 1, lo: alpha, hi: beta, pLo, pHi, mass: 1 - pLo - pHi });
  }
  // A window on one side of the mean is mirrored into the lower tail, where Φ is precise.
  const [lo, hi, sign] = beta <= 0 ? [alpha, beta, 1 as const] : [-beta, -alpha, -1 as const];
  if (hi < FAR_TAIL) return normal({ method: 3, lo, hi, sign });
  const pLo = normalCdf(lo);
  const pHi = normalCdf(hi);
  return normal({ method: 2, lo, hi, sign, pLo, pHi, mass: pHi - pLo });
}

/** Inverse CDF of the triangular distribution at u ∈ [0, 1). */
export function triangular(d: Draw, u: number): number {
  return u < d.split ? d.a + Math.sqrt(u * (d.b - d.a) * (d.c - d.a)) : d.b - Math.sqrt((1 - u) * (d.b - d.a) * (d.b - d.c));
}

/**
 * The truncated normal by inverse CDF: one uniform u per draw, never a rejection loop, so a
 * narrow window far in the tail or a huge sd costs what any other window does.
 */
function truncatedNormal(d: Draw, u: number): number {
  let z: number;
  if (d.method === 0) return d.a + u * (d.b - d.a);
  if (d.method === 1) {
    // Each half is inverted from its own tail, so neither loses the precision of values near 1.
    const v = d.pLo + u * d.mass;
    z = v <= 0.5 ? normalQuantile(v) : -normalQuantile(d.pHi + (1 - u) * d.mass);
  } else if (d.method === 2) {
    z = normalQuantile(d.pLo + u * (d.pHi - d.pLo));
  } else {
    // Beyond 37σ the density falls as e^(−|hi|·y) per y below hi, to within 1/hi² ≈ 0.07%.
    const rate = -d.hi;
    z = d.hi + Math.log1p(-u * -Math.expm1(-rate * (d.hi - d.lo))) / rate;
  }
  // Rounding may step a hair outside the window; the window is the distribution's own bound.
  z = Math.min(Math.max(z, d.lo), d.hi);
  const x = d.c + d.s * d.sign * z;
  return Math.min(Math.max(x, d.a), d.b);
}

export function draw(d: Draw, next: () => number): number {
  return d.kind === 0 ? d.a : d.kind === 1 ? triangular(d, next()) : truncatedNormal(d, next());
}

/** The low and high ends used by the sensitivity table. */
export function bounds(d: Distribution | undefined, base: number, spread = 0.2): [number, number] {
  if (!d) return [base * (1 - spread), base * (1 + spread)];
  return [d.min, d.max];
}
