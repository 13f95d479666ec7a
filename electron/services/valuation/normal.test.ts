import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('standard normal Φ and Φ⁻¹', () => {
  it('matches Φ computed by mpmath at 40 digits (rounded to doubles) far into the lower tail', () => {
    const reference: [number, number][] = [
      [-0.5, 0.3085375387259869],
      [-1, 0.15865525393145705],
      [-1.96, 0.024997895148220435],
      [-3, 0.0013498980316300946],
      [-5, 2.866515718791939e-7],
      [-7, 1.279812543885835e-12],
      [-7.5, 3.1908916729108963e-14],
      [-10, 7.619853024160525e-24],
      [-20, 2.7536241186062337e-89],
      [-30, 4.906713927148187e-198],
      [-37, 5.725571222524577e-300],
    ];
    for (const [x, p] of reference) expect(relative(normalCdf(x), p)).toBeLessThan(1e-14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1) + normalCdf(-1)).toBeCloseTo(1, 15);
    expect(normalCdf(-39)).toBe(0);
    expect(normalCdf(39)).toBe(1);
  });

  it('inverts Φ to full precision for any p in the lower half, down to 1e-299', () => {
    fc.assert(
      fc.property(fc.double({ min: -299, max: Math.log10(0.5), noNaN: true }), (e) => {
        const p = 10 ** e;
        const x = normalQuantile(p);
        return relative(normalCdf(x), p) < 1e-12;
      }),
      { numRuns: 5000 },
    );
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2815515655446004, 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});
