import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../demo/random';
import { draw, drawSpec } from './sampling';

/** A seeded stream that refuses to be drawn from more than `limit` times (a rejection loop would). */
function counted(seed: number, limit: number) {
  const { next } = rng(seed);
  let calls = 0;
  return {
    next: () => {
      if (++calls > limit) throw new Error(`抽样超过 ${limit} 次随机数仍未返回`);
      return next();
    },
    calls: () => calls,
  };
}

const normal = (mean: number, sd: number, min: number, max: number) => drawSpec({ type: 'normal', mean, sd, min, max }, 0);

describe('truncated normal sampler', () => {
  it('uses one random number per draw, even for a window far in the tail or a huge sd', () => {
    for (const d of [
      normal(0, 1, 30, 30.001),
      normal(0, 1, -60, -50),
      normal(0.03, 1e6, 0.02, 0.04),
      normal(0.5, 1e300, 0, 1),
      normal(1, 1e-300, 0, 2),
    ]) {
      const s = counted(1, 1000);
      for (let n = 0; n < 1000; n++) {
        const x = draw(d, s.next);
        expect(x).toBeGreaterThanOrEqual(d.a);
        expect(x).toBeLessThanOrEqual(d.b);
      }
      expect(s.calls()).toBe(1000);
    }
  });

  it('always returns within [min, max] and terminates, for any window and sd', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(finite, fc.double({ min: 1e-9, max: 1e9, noNaN: true }), finite, finite, fc.integer(), (mean, sd, p, q, seed) => {
        fc.pre(p !== q);
        const d = normal(mean, sd, Math.min(p, q), Math.max(p, q));
        const s = counted(seed, 50);
        for (let n = 0; n < 50; n++) {
          const x = draw(d, s.next);
          if (!(x >= d.a && x <= d.b)) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the shape of the distribution: a window [μ − σ, μ + σ] holds its mean and 10% quantile', () => {
    // Truncated to ±1σ the 10% quantile is Φ⁻¹(Φ(−1) + 0.1 · (Φ(1) − Φ(−1))) ≈ −0.7537 σ.
    const d = normal(10, 2, 8, 12);
    const { next } = counted(5, 200_000);
    const xs = Float64Array.from({ length: 200_000 }, () => draw(d, next)).sort();
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(10, 1);
    expect(xs[20_000]!).toBeCloseTo(10 - 0.7537 * 2, 1);
  });

  it('in the far tail puts the mass next to the nearer end, as the normal density does', () => {
    // Beyond 40σ the density falls by e^(−40·Δ) per Δσ: nearly everything lies within 0.1σ of 40σ.
    const d = normal(0, 1, 40, 41);
    const { next } = counted(9, 10_000);
    const xs = Array.from({ length: 10_000 }, () => draw(d, next));
    expect(xs.filter((x) => x < 40.1).length / xs.length).toBeGreaterThan(0.97);
  });
});
