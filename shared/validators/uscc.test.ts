import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, USCC_ALPHABET, usccCheckChar } from './uscc';

const first17 = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
const validCode = first17.map((b) => b + usccCheckChar(b));

describe('unified social credit code', () => {
  it('accepts the example code from GB 32100-2015', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('computes the check character with weights 3^k mod 31 (worked by hand)', () => {
    // Σ value·weight over the first 17, then (31 − Σ mod 31) mod 31, mapped back to the alphabet.
    const body = '91350100M000100Y4';
    const values = [...body].map((c) => USCC_ALPHABET.indexOf(c));
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = values.reduce((s, v, i) => s + v * weights[i]!, 0);
    expect(usccCheckChar(body)).toBe(USCC_ALPHABET[(31 - (sum % 31)) % 31]);
    expect(usccCheckChar(body)).toBe('3');
  });

  it('normalises spaces, hyphens, lower case and full-width characters', () => {
    expect(checkUscc(' 9135 0100-m000100y43 ').valid).toBe(true);
    expect(checkUscc('９１３５０１００Ｍ０００１００Ｙ４３').valid).toBe(true);
  });

  it('explains a wrong length, a forbidden letter and a wrong check character in Chinese', () => {
    expect(checkUscc('91350100M000100Y4')).toMatchObject({ valid: false, reason: expect.stringContaining('18 位') });
    expect(checkUscc('91350100M000I00Y43')).toMatchObject({ valid: false, reason: expect.stringContaining('不允许') });
    expect(checkUscc('91350100M000100Y44')).toMatchObject({ valid: false, reason: expect.stringContaining('校验码错误') });
  });

  it('accepts every code built with the right check character', () => {
    fc.assert(fc.property(validCode, (code) => checkUscc(code).valid));
  });

  it('catches any single changed character', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.constantFrom(...USCC_ALPHABET), (code, pos, ch) => {
        fc.pre(code[pos] !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        return checkUscc(changed).valid === false;
      }),
      { numRuns: 2000 },
    );
  });
});
