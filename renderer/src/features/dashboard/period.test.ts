import { describe, expect, it } from 'vitest';
import { periodLabel, rangeOf, type Period } from './period';

const p = (mode: Period['mode'], year: number, part = 1): Period => ({ mode, year, part, from: '2026-01-05', to: '2026-02-01' });

describe('dashboard periods', () => {
  it('gives each period its first and last day, leap February included', () => {
    expect(rangeOf(p('year', 2026))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(rangeOf(p('quarter', 2026, 4))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(rangeOf(p('month', 2024, 2))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(rangeOf(p('month', 2026, 2))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(rangeOf(p('custom', 2026))).toEqual({ from: '2026-01-05', to: '2026-02-01' });
  });
  it('names each period in Chinese', () => {
    expect([
      periodLabel(p('year', 2026)),
      periodLabel(p('quarter', 2026, 3)),
      periodLabel(p('month', 2026, 3)),
      periodLabel(p('custom', 2026)),
    ]).toEqual(['2026年', '2026年第3季度', '2026年3月', '2026-01-05 至 2026-02-01']);
  });
});
