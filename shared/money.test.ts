import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseAmount, formatYuan, parseDecimalUnits, parseYuan } from './money';

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

describe('typed decimals as exact units', () => {
  it('reads 万元 to the fen and refuses what it cannot hold exactly', () => {
    expect(parseDecimalUnits('123.456789', 6)).toEqual({ ok: true, value: 123_456_789 });
    expect(parseDecimalUnits('１,２３４.５', 2)).toEqual({ ok: true, value: 123_450 });
    expect(parseDecimalUnits('-500', 6)).toEqual({ ok: true, value: -500_000_000 });
    expect(parseDecimalUnits('.5', 2)).toEqual({ ok: true, value: 50 });
    expect(parseDecimalUnits('1.0000001', 6)).toEqual({ ok: false, reason: 'too_precise' });
    expect(parseDecimalUnits('1e5', 2)).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseDecimalUnits('12a', 2)).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseDecimalUnits('99999999999999999', 2)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('round-trips every fen amount written in 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        const text = `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 1e6)}.${String(Math.abs(fen) % 1e6).padStart(6, '0')}`;
        const r = parseDecimalUnits(text, 6);
        return r.ok && r.value === fen;
      }),
    );
  });
});
