import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameVariants, searchDocument, searchQuery } from './search-grams';

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
      fc.property(
        fc.string({ unit: fc.constantFrom(...'深圳市锐芯光电科技有限公司abc123'), minLength: 2, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const from = a % (text.length - 1);
          const to = from + 2 + (b % (text.length - from - 1));
          // The query as typed is the first alternative (a 深圳市 in it adds a second, without 市).
          const [asTyped] = searchQuery(text.slice(from, to))!.split(' OR ');
          const phrase = asTyped!.slice('grams : "'.length, -1);
          return ` ${searchDocument(text, '').grams} `.includes(` ${phrase} `);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds a text containing 深圳市 by the substring that spans it (the case fast-check found)', () => {
    expect(searchQuery('深圳市深深')).toBe('grams : "深圳 圳市 市深 深深" OR grams : "深圳 圳深 深深"');
    expect(` ${searchDocument('深圳市深深').grams} `).toContain(' 深圳 圳市 市深 深深 ');
  });

  it('finds 深圳市信华… when typed without 市, and by the initials of either form', () => {
    const name = '深圳市信华科技有限公司';
    const doc = ` ${searchDocument(...nameVariants(name), 'szsxhkjyxgs', 'szxhkjyxgs').grams} `;
    const found = (q: string) =>
      searchQuery(q)!
        .split(' OR ')
        .some((part) => doc.includes(` ${part.slice('grams : "'.length, -1)} `));
    expect(nameVariants(name)).toEqual([name, '深圳信华科技有限公司']);
    expect(searchQuery('深圳市信华')).toBe('grams : "深圳 圳市 市信 信华" OR grams : "深圳 圳信 信华"');
    for (const q of ['深圳信华', '深圳市信华', '信华科技', 'szxh', 'szsxh']) expect(found(q)).toBe(true);
    expect(found('深圳华信')).toBe(false);
  });
});

describe('the search entry built in one pass', () => {
  const plain = (...texts: string[]) => {
    const cs = texts.map((t) => [...t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')]);
    const pairsOf = (c: string[]) => c.slice(1).map((x, i) => c[i]! + x);
    return { grams: cs.flatMap(pairsOf).join(' '), unigrams: [...new Set(cs.flat())].join(' ') };
  };
  it('is the pairs and distinct characters of every text, as defined', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...'深圳市锐芯光电科技有限公司abcABC123 （）·-𠀀'), maxLength: 20 }), { maxLength: 4 }),
        (texts) => {
          expect(searchDocument(...texts)).toEqual(plain(...texts));
        },
      ),
      { numRuns: 2000, seed: 20261201 },
    );
  });
});
