import { describe, expect, it } from 'vitest';
import { nameInitials } from './initials';

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
