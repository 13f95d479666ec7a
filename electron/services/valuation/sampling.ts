import type { Distribution } from '../../../shared/schemas/valuation';

/**
 * One uncertain input as plain numbers, so the simulation loop draws without closures:
 * kind 0 is a constant (a), 1 triangular (a = min, c = mode, b = max, split), 2 a normal
 * with mean c, sd s, truncated to [a, b].
 */
export interface Draw {
  kind: 0 | 1 | 2;
  a: number;
  b: number;
  c: number;
  s: number;
  split: number;
}

/** A zero-width distribution becomes a constant, so it returns its centre exactly. */
export function drawSpec(d: Distribution | undefined, fallback: number): Draw {
  if (!d) return { kind: 0, a: fallback, b: fallback, c: fallback, s: 0, split: 0 };
  if (d.type === 'triangular') {
    if (d.min === d.max) return { kind: 0, a: d.mode, b: d.mode, c: d.mode, s: 0, split: 0 };
    return { kind: 1, a: d.min, b: d.max, c: d.mode, s: 0, split: (d.mode - d.min) / (d.max - d.min) };
  }
  if (d.sd === 0 || d.min === d.max) return { kind: 0, a: d.mean, b: d.mean, c: d.mean, s: 0, split: 0 };
  return { kind: 2, a: d.min, b: d.max, c: d.mean, s: d.sd, split: 0 };
}

/** Inverse CDF of the triangular distribution at u ∈ [0, 1). */
export function triangular(d: Draw, u: number): number {
  return u < d.split ? d.a + Math.sqrt(u * (d.b - d.a) * (d.c - d.a)) : d.b - Math.sqrt((1 - u) * (d.b - d.a) * (d.b - d.c));
}

/** Box–Muller, redrawn until inside the bounds (truncated normal). */
function truncatedNormal(d: Draw, next: () => number): number {
  for (;;) {
    const x = d.c + d.s * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    if (x >= d.a && x <= d.b) return x;
  }
}

export function draw(d: Draw, next: () => number): number {
  return d.kind === 0 ? d.a : d.kind === 1 ? triangular(d, next()) : truncatedNormal(d, next);
}

/** The low and high ends used by the sensitivity table. */
export function bounds(d: Distribution | undefined, base: number, spread = 0.2): [number, number] {
  if (!d) return [base * (1 - spread), base * (1 + spread)];
  return [d.min, d.max];
}
