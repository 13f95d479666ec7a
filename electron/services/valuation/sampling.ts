import type { Distribution } from '../../../shared/schemas/valuation';

/** Draws from a distribution; a zero-width one returns its centre exactly. */
export function sampler(d: Distribution | undefined, fallback: number, next: () => number): () => number {
  if (!d) return () => fallback;
  if (d.type === 'triangular') {
    const { min, mode, max } = d;
    if (min === max) return () => mode;
    const split = (mode - min) / (max - min);
    return () => {
      const u = next();
      return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    };
  }
  const { mean, sd, min, max } = d;
  if (sd === 0 || min === max) return () => mean;
  return () => {
    // Box–Muller, redrawn until inside the bounds (truncated normal).
    for (;;) {
      const u = 1 - next();
      const v = next();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      const x = mean + sd * z;
      if (x >= min && x <= max) return x;
    }
  };
}

/** The low and high ends used by the sensitivity table. */
export function bounds(d: Distribution | undefined, base: number, spread = 0.2): [number, number] {
  if (!d) return [base * (1 - spread), base * (1 + spread)];
  return [d.min, d.max];
}
