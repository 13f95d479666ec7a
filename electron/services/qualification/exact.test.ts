/** The self-check's number texts: the fast paths for plain numbers say what the exact BigInt path says. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratio, roundText, wan } from '../../../shared/domain/qualification/exact';

describe('exact texts', () => {
  it('formats fen as 万元 alike from a number and from a BigInt, every digit group and trailing zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const text = wan(fen);
        expect(text).toBe(wan(BigInt(fen)));
        expect(wan(fen)).toBe(text); // remembered, the same text
        const [whole, frac = ''] = text
          .replace(/ 万元$/, '')
          .replace(/^-/, '')
          .split('.');
        expect(whole).toMatch(/^\d{1,3}(,\d{3})*$/);
        expect(frac).not.toMatch(/0$/);
        expect(BigInt(whole!.replaceAll(',', '')) * 1_000_000n + BigInt(frac.padEnd(6, '0') || '0')).toBe(BigInt(Math.abs(fen)));
      }),
    );
    expect(wan(0)).toBe('0 万元');
    expect(wan(50_000_000_000)).toBe('50,000 万元');
    expect(wan(50_000_000_001)).toBe('50,000.000001 万元');
    expect(wan(-1_234_500_000)).toBe('-1,234.5 万元');
    expect(wan(123_000_000n)).toBe('123 万元');
  });

  it('groups the whole part of a rounded ratio by thousands', () => {
    expect(roundText(ratio(123456789, 1))).toBe('123,456,789.00');
    expect(roundText(ratio(1234, 1), 0)).toBe('1,234');
    expect(roundText(ratio(999, 1), 0)).toBe('999');
    expect(roundText(ratio(-1005, 1000))).toBe('-1.01');
  });
});
