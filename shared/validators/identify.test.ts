import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identify } from './identify';
import { patentCheckDigit } from './patent';
import { USCC_ALPHABET, usccCheckChar } from './uscc';

describe('identify', () => {
  it('classifies credit codes and patent numbers in their usual written forms', () => {
    expect(identify('91350100M000100Y43')).toEqual({ kind: 'uscc', valid: true, normalized: '91350100M000100Y43', reason: null });
    expect(identify('ZL 201710601862.3')).toEqual({ kind: 'patent', valid: true, normalized: 'ZL201710601862.3', reason: null });
    expect(identify('2017106018623')).toMatchObject({ kind: 'patent', valid: true, normalized: '201710601862.3' });
    expect(identify('913501000000100143')).toMatchObject({ kind: 'uscc' }); // 18 digits is a credit code, not a patent
  });

  it('reports unknown input and empty input', () => {
    expect(identify('深圳某某科技有限公司')).toMatchObject({ kind: 'unknown', valid: false, normalized: null });
    expect(identify('   ')).toMatchObject({ kind: 'unknown', valid: false, reason: '输入为空' });
  });

  it('keeps the kind but marks invalid when one character of a valid value changes', () => {
    const uscc = fc
      .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
      .map((a) => a.join('') + usccCheckChar(a.join('')));
    fc.assert(
      fc.property(uscc, fc.nat(17), fc.constantFrom(...USCC_ALPHABET), (code, pos, ch) => {
        fc.pre(code[pos] !== ch);
        const r = identify(code.slice(0, pos) + ch + code.slice(pos + 1));
        return r.kind === 'uscc' && !r.valid;
      }),
      { numRuns: 1000 },
    );
    const patent = fc
      .tuple(fc.integer({ min: 2003, max: 2026 }), fc.constantFrom('1', '2', '3'), fc.integer({ min: 0, max: 9_999_999 }))
      .map(([y, t, s]) => `${y}${t}${String(s).padStart(7, '0')}`);
    fc.assert(
      fc.property(patent, fc.nat(11), fc.integer({ min: 0, max: 9 }), (body, pos, d) => {
        fc.pre(body[pos] !== String(d));
        const changed = body.slice(0, pos) + d + body.slice(pos + 1);
        const r = identify(`ZL${changed}.${patentCheckDigit(body)}`);
        return r.kind === 'patent' && !r.valid;
      }),
      { numRuns: 1000 },
    );
  });
});
