import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { nameInitials, nameSortKey } from './initials';

describe('pinyin initials', () => {
  it.each([
    ['深圳华为技术有限公司', 'szhwjsyxgs'],
    ['长城光电科技有限公司', 'ccgdkjyxgs'],
    ['重庆银行', 'cqyh'],
    ['深圳市ABC光电 科技', 'szsabcgdkj'],
    ['深圳市长城电子有限公司', 'szsccdzyxgs'],
    ['深圳市长安科技有限公司', 'szscakjyxgs'],
    ['中国银行深圳分行', 'zgyhszfh'],
    ['招商银行南山支行', 'zsyhnszh'],
  ])('%s → %s', (name, initials) => {
    expect(nameInitials(name)).toBe(initials);
  });
});

describe('one reading per name', () => {
  // The rule as it was written first, with a pinyin-pro call each: the one-call reading must
  // give exactly these, or stored initials and sort keys would no longer match new ones.
  const initialsBefore = (name: string) =>
    pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const sortKeyBefore = (name: string) =>
    pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
  const pool = [...'深圳市长城行重乐银华为科技有限公司分支南山光明宝安龙岗福田罗湖盐田坪山龙华大鹏'].concat([
    'A',
    'b',
    'Z9',
    '0',
    ' ',
    '（',
    '）',
    '-',
    '·',
    '&',
    'Ⅱ',
    '𠀀',
    '㐀',
    '〇',
    'ü',
    'é',
    '，',
  ]);
  it('gives the initials and sort key of separate calls for any name', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 24 }), (chars) => {
        const name = chars.join('');
        expect(nameInitials(name)).toBe(initialsBefore(name));
        expect(nameSortKey(name)).toBe(sortKeyBefore(name));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });
});
