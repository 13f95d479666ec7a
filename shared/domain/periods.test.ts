import { describe, expect, it } from 'vitest';
import { periodLabel, rangeOf, reportPeriod, type Period } from './periods';

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
  it('reads a report period: 2024-03 a month, 2024 a year; anything else is refused', () => {
    expect(reportPeriod('monthly', '2024-02')).toMatchObject({ mode: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(reportPeriod('annual', '2024')).toMatchObject({ mode: 'year', from: '2024-01-01', to: '2024-12-31' });
    expect([reportPeriod('monthly', '2024-13'), reportPeriod('monthly', '2024'), reportPeriod('annual', '24')]).toEqual([null, null, null]);
  });
});
