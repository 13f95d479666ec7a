import { describe, expect, it } from 'vitest';
import type { ValuationInput } from '../../../shared/schemas/valuation';
import { supportableLoanFen } from '../../../shared/domain/loan-capacity';
import { value } from './engine';
import { mergePackedParts, packedInputs, packPart, portfolioSummaryOf, valuePortfolio, valuePortfolioPart } from './portfolio';

const item = (revenue: number, uncertainty?: ValuationInput['uncertainty']): ValuationInput => ({
  valuationDate: '2026-01-01',
  asset: { kind: 'invention', filingDate: '2018-03-01' },
  approach: 'income',
  income: { revenue: [revenue, revenue, revenue], shareRate: 0.05, discountRate: 0.1 },
  uncertainty,
  loanToValue: 0.3,
});

describe('portfolio', () => {
  it('sums the items and gives each its share, to the fen', () => {
    const p = valuePortfolio([
      { label: 'A', input: item(1_000_000) },
      { label: 'B', input: item(3_000_000) },
    ]);
    const a = value(item(1_000_000));
    const b = value(item(3_000_000));
    expect(p.totalFen).toBe(a.valueFen + b.valueFen);
    expect(p.shares).toEqual([a.valueFen / p.totalFen, b.valueFen / p.totalFen]);
    // Without a range the conservative value is the value itself: total × 30%.
    expect(p.loan).toMatchObject({ basis: 'value', basisFen: p.totalFen, amountFen: Math.round(p.totalFen * 0.3) });
    expect(p.uncertainty).toBeUndefined();
  });

  it('adds simulated paths path by path, so the total P10 is within the sum of the items', () => {
    const u = { paths: 2000, seed: 3, revenue: { type: 'triangular' as const, min: 0.5, mode: 1, max: 1.3 } };
    const p = valuePortfolio([
      { label: 'A', input: item(1_000_000, u) },
      { label: 'B', input: item(2_000_000, { ...u, seed: 4 }) },
    ]);
    const items = p.items.map((i) => i.result.uncertainty!);
    expect(p.uncertainty!.p10).toBeGreaterThanOrEqual(items[0]!.p10 + items[1]!.p10 - 0.01);
    expect(p.uncertainty!.p90).toBeLessThanOrEqual(items[0]!.p90 + items[1]!.p90 + 0.01);
    expect(p.uncertainty!.histogram.reduce((s, b) => s + b.count, 0)).toBe(2000);
  });

  it('lends on the portfolio’s P10 split by value shares: one kind gives exactly P10 × rate', () => {
    const u = { paths: 2000, seed: 3, revenue: { type: 'triangular' as const, min: 0.5, mode: 1, max: 1.3 } };
    const p = valuePortfolio([
      { label: 'A', input: item(1_000_000, u) },
      { label: 'B', input: item(2_000_000, { ...u, seed: 4 }) },
    ]);
    const p10Fen = Math.round(p.uncertainty!.p10 * 100);
    expect(p.loan).toEqual({ basis: 'P10', basisFen: p10Fen, amountFen: Math.round(p10Fen * 0.3), amount: Math.round(p10Fen * 0.3) / 100 });
    // No item carries a loan of its own that would not add up to the portfolio's.
    for (const i of p.items) {
      expect(i.result.loan).toBeUndefined();
      expect(i.result.working.join('')).not.toContain('贷款额度');
    }
  });

  it('lends each kind’s share at its own rate', () => {
    const utility = { ...item(3_000_000), asset: { kind: 'utility' as const, filingDate: '2018-03-01' }, loanToValue: 0.15 };
    const p = valuePortfolio([
      { label: 'A', input: item(1_000_000) },
      { label: 'B', input: utility },
    ]);
    expect(p.loan!.amountFen).toBe(
      supportableLoanFen(p.totalFen, [
        { valueFen: p.items[0]!.result.valueFen, rate: 0.3 },
        { valueFen: p.items[1]!.result.valueFen, rate: 0.15 },
      ]),
    );
    expect(p.loan!.amountFen).toBeLessThan(Math.round(p.totalFen * 0.3));
    expect(p.loan!.amountFen).toBeGreaterThan(Math.round(p.totalFen * 0.15));
  });

  it('stops within an item when cancelled, not only between items', () => {
    const big = {
      ...item(1_000_000, { paths: 100_000, seed: 1, revenue: { type: 'triangular' as const, min: 0.5, mode: 1, max: 1.3 } }),
      income: { revenue: Array(50).fill(1_000_000), shareRate: 0.05, discountRate: 0.1 },
      asset: { kind: 'trademark' as const, registrationDate: '2018-03-01' },
    };
    let checks = 0;
    // The first check (before the item) lets it start; any later one cancels.
    expect(() => valuePortfolioPart([{ label: '大商标', input: big }], { isCancelled: () => checks++ > 0 })).toThrow('估值已取消');
  });

  it('refuses a portfolio whose total would pass 10 万亿元', () => {
    const huge = {
      ...item(0),
      income: { revenue: Array(50).fill(1e12), shareRate: 0.018, discountRate: 0.01 },
      asset: { kind: 'trademark' as const, registrationDate: '2018-03-01' },
    };
    expect(value(huge).value).toBeLessThan(1e12);
    expect(() => valuePortfolio(Array.from({ length: 15 }, (_, n) => ({ label: `商标${n}`, input: huge })))).toThrow(
      /组合评估值合计超过 10 万亿元/,
    );
  });

  it('reads the totals from the summary prefix of the result JSON, as a full parse would', () => {
    const u = { paths: 500, seed: 3, revenue: { type: 'triangular' as const, min: 0.5, mode: 1, max: 1.3 } };
    const inputs = [1, 2, 3].map((n) => ({ label: `专利${n}`, input: item(n * 1_000_000, { ...u, seed: n }) }));
    const parts = [inputs.slice(0, 1), inputs.slice(1)].map((items) => packPart(valuePortfolioPart(items), items));
    const merged = mergePackedParts(parts);
    expect(packedInputs(parts)).toEqual(inputs);
    const single = JSON.stringify(valuePortfolio(inputs));
    for (const json of [merged, single]) {
      const { items, ...summary } = JSON.parse(json) as { items: unknown[] };
      expect(items).toHaveLength(3);
      expect(portfolioSummaryOf(json)).toEqual(summary);
    }
    expect(JSON.parse(merged)).toEqual(JSON.parse(single));
  });

  it('names the item whose input is wrong', () => {
    expect(() => valuePortfolio([{ label: '专利甲', input: { ...item(1), approach: 'cost' } }])).toThrow(/“专利甲”：估值输入有误/);
    expect(() => valuePortfolio([])).toThrow(/没有要评估的资产/);
  });
});
