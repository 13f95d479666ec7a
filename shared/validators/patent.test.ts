import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPatent, patentCheckDigit } from './patent';

const TYPES = ['1', '2', '3', '8', '9'];
const body12 = fc
  .tuple(fc.integer({ min: 2003, max: 2026 }), fc.constantFrom(...TYPES), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([y, t, s]) => `${y}${t}${String(s).padStart(7, '0')}`);

describe('patent numbers', () => {
  it('accepts the DOMAIN example 201710601862.3 in every written form', () => {
    for (const form of [
      '201710601862.3',
      'ZL201710601862.3',
      'ZL 2017 1060 1862.3',
      'zl2017106018623',
      '2017 1060 1862 3',
      'ＺＬ２０１７１０６０１８６２．３',
    ]) {
      expect(checkPatent(form), form).toMatchObject({ valid: true, type: 'invention', filingYear: 2017 });
    }
    expect(checkPatent('ZL201710601862.3')).toMatchObject({ normalized: 'ZL201710601862.3', granted: true });
  });

  it('computes the check digit by hand: 2·2+0·3+1·4+9·5+1·6 = 59, 59 mod 11 = 4', () => {
    expect(patentCheckDigit('201910000000')).toBe('4');
    expect(checkPatent('201910000000.4').valid).toBe(true);
  });

  it('writes a remainder of 10 as X', () => {
    // 59 + 7·4 = 87, 87 mod 11 = 10
    expect(patentCheckDigit('201910000070')).toBe('X');
    expect(checkPatent('201910000070.X').valid).toBe(true);
    expect(checkPatent('201910000070.x').valid).toBe(true);
  });

  it('handles pre-2003 eight-digit numbers: 0·2+1·3+1·4+2·5+3·6+4·7+5·8+6·9 = 157 → 3', () => {
    expect(checkPatent('01123456.3')).toMatchObject({ valid: true, filingYear: 2001, type: 'invention' });
    expect(checkPatent('01123456.4').valid).toBe(false);
  });

  it('knows the type digit of each kind', () => {
    const kinds = { '1': 'invention', '2': 'utility', '3': 'design', '8': 'pct-invention', '9': 'pct-utility' } as const;
    for (const [digit, type] of Object.entries(kinds)) {
      const body = `2020${digit}0000001`;
      expect(checkPatent(`${body}.${patentCheckDigit(body)}`)).toMatchObject({ valid: true, type });
    }
  });

  it('rejects wrong lengths, letters, bad type digits and impossible years with Chinese reasons', () => {
    expect(checkPatent('20171060186.3')).toMatchObject({ valid: false, reason: expect.stringContaining('12 位') });
    expect(checkPatent('2017A0601862.3')).toMatchObject({ valid: false, reason: expect.stringContaining('数字') });
    const badType = '201750601862';
    expect(checkPatent(`${badType}.${patentCheckDigit(badType)}`)).toMatchObject({ valid: false, reason: expect.stringContaining('类型') });
    const oldYear = '199910601862';
    expect(checkPatent(`${oldYear}.${patentCheckDigit(oldYear)}`)).toMatchObject({ valid: false, reason: expect.stringContaining('2003') });
  });

  it('accepts every well-formed number and catches any single changed digit', () => {
    fc.assert(fc.property(body12, (b) => checkPatent(`${b}.${patentCheckDigit(b)}`).valid));
    fc.assert(
      fc.property(body12, fc.nat(12), fc.constantFrom(...'0123456789X'), (b, pos, ch) => {
        const full = b + patentCheckDigit(b);
        fc.pre(full[pos] !== ch && !(ch === 'X' && pos < 12));
        const changed = full.slice(0, pos) + ch + full.slice(pos + 1);
        return checkPatent(`ZL${changed.slice(0, 12)}.${changed[12]}`).valid === false;
      }),
      { numRuns: 2000 },
    );
  });
});
