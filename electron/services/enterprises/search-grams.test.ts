import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchDocument, searchQuery } from './search-grams';

describe('search n-grams', () => {
  it('stores pairs and single characters of the name and its initials', () => {
    expect(searchDocument('深圳华为', 'szhw')).toEqual({ grams: '深圳 圳华 华为 sz zh hw', unigrams: '深 圳 华 为 s z h w' });
  });

  it('turns a query into the phrase of its pairs, or a single-character lookup', () => {
    expect(searchQuery('华为')).toBe('grams : "华为"');
    expect(searchQuery('华为技术')).toBe('grams : "华为 为技 技术"');
    expect(searchQuery('华')).toBe('unigrams : "华"');
    expect(searchQuery(' "%_ ')).toBeNull();
  });

  it('a query made of a substring of the text always finds its pairs in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'深圳市锐芯光电科技有限公司abc123'), minLength: 2, maxLength: 20 }), fc.nat(), fc.nat(), (text, a, b) => {
        const from = a % (text.length - 1);
        const to = from + 2 + (b % (text.length - from - 1));
        const query = searchQuery(text.slice(from, to))!;
        const phrase = query.slice('grams : "'.length, -1);
        return ` ${searchDocument(text, '').grams} `.includes(` ${phrase} `);
      }),
    );
  });
});
