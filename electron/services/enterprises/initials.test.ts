import { describe, expect, it } from 'vitest';
import { nameInitials } from './initials';

describe('pinyin initials', () => {
  it.each([
    ['深圳华为技术有限公司', 'szhwjsyxgs'],
    ['长城光电科技有限公司', 'ccgdkjyxgs'],
    ['重庆银行', 'cqyh'],
    ['深圳市ABC光电 科技', 'szsabcgdkj'],
  ])('%s → %s', (name, initials) => {
    expect(nameInitials(name)).toBe(initials);
  });
});
