import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from './stats';

describe('summary of simulated values', () => {
  it('gives the nearest-rank percentiles of a sorted copy, and an exact mean of equal values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 500 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const rank = (p: number) => sorted[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))];
        const s = summarize(Float64Array.from(xs));
        return s.p10 === rank(0.1) && s.p50 === rank(0.5) && s.p90 === rank(0.9) && s.min === sorted[0] && s.max === sorted.at(-1);
      }),
      { numRuns: 1000 },
    );
    expect(summarize(new Float64Array(1000).fill(0.1 + 0.2)).mean).toBe(0.1 + 0.2);
    // Values a denormal apart cannot be bucketed; the exact fallback still answers.
    expect(summarize(Float64Array.from([0, -5e-324]))).toMatchObject({ p10: -5e-324, p50: -5e-324, p90: 0 });
  });
});
