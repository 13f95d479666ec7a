import { describe, expect, it } from 'vitest';
import type { ValuationInput } from '../../../shared/schemas/valuation';
import { value } from './engine';
import { mergePackedParts, packPart, portfolioSummaryOf, valuePortfolio, valuePortfolioPart } from './portfolio';

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
    const p = valuePortfolio([{ label: 'A', input: item(1_000_000) }, { label: 'B', input: item(3_000_000) }]);
    const a = value(item(1_000_000));
    const b = value(item(3_000_000));
    expect(p.totalFen).toBe(a.valueFen + b.valueFen);
    expect(p.shares).toEqual([a.valueFen / p.totalFen, b.valueFen / p.totalFen]);
    expect(p.loan!.amountFen).toBe(a.loan!.amountFen + b.loan!.amountFen);
    expect(p.uncertainty).toBeUndefined();
  });

  it('adds simulated paths path by path, so the total P10 is within the sum of the items', () => {
    const u = { paths: 2000, seed: 3, revenue: { type: 'triangular' as const, min: 0.5, mode: 1, max: 1.3 } };
    const p = valuePortfolio([{ label: 'A', input: item(1_000_000, u) }, { label: 'B', input: item(2_000_000, { ...u, seed: 4 }) }]);
    const items = p.items.map((i) => i.result.uncertainty!);
    expect(p.uncertainty!.p10).toBeGreaterThanOrEqual(items[0]!.p10 + items[1]!.p10 - 0.01);
    expect(p.uncertainty!.p90).toBeLessThanOrEqual(items[0]!.p90 + items[1]!.p90 + 0.01);
    expect(p.uncertainty!.histogram.reduce((s, b) => s + b.count, 0)).toBe(2000);
  });

  it('reads the totals from the summary prefix of the result JSON, as a full parse would', () => {
    const u = { paths: 500, seed: 3, revenue: { type: 'triangular' as const, min: 0.5, mode: 1, max: 1.3 } };
    const inputs = [1, 2, 3].map((n) => ({ label: `专利${n}`, input: item(n * 1_000_000, { ...u, seed: n }) }));
    const merged = mergePackedParts([packPart(valuePortfolioPart(inputs.slice(0, 1))), packPart(valuePortfolioPart(inputs.slice(1)))]);
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
