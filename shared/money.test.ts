import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseAmount, formatYuan, parseYuan } from './money';

describe('money in fen', () => {
  it('parses what people type', () => {
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('￥８８.０１')).toBe(8801);
    expect(parseYuan('-3')).toBe(-300);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });

  it('formats exactly and picks a readable unit', () => {
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatChineseAmount(1_017_600_000_000)).toBe('101.76 亿元');
    expect(formatChineseAmount(150_000_000)).toBe('150.00 万元');
    expect(formatChineseAmount(9_999)).toBe('99.99 元');
  });

  it('round-trips every amount through text without losing a fen', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => parseYuan(formatYuan(fen)) === fen));
  });
});
