import { describe, expect, it } from 'vitest';
import '../zod-locale';
import { uncertaintyInput, valuationInput } from './valuation';

const BASE = {
  valuationDate: '2026-01-01',
  asset: { kind: 'invention', filingDate: '2015-07-01' },
  approach: 'income',
  income: { revenue: [10_000_000, 11_000_000], shareRate: 0.03, discountRate: 0.12 },
};
const tri = (min: number, mode: number, max: number) => ({ type: 'triangular', min, mode, max });
const normal = (mean: number, sd: number, min: number, max: number) => ({ type: 'normal', mean, sd, min, max });

/** Each refusal as "path：message", the way the engine reports it. */
function refusals(input: unknown): string[] {
  const r = valuationInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
}
const withUncertainty = (u: object) => ({ ...BASE, uncertainty: { paths: 1000, seed: 1, ...u } });

describe('uncertainty ranges obey the limits of the fields they vary', () => {
  it.each([
    [{ discountRate: tri(-0.9, 0.12, 0.2) }, 'uncertainty.discountRate.min：折现率波动区间的最小值应大于 0'],
    [{ discountRate: tri(0.1, 0.12, 1) }, 'uncertainty.discountRate.max：折现率波动区间的最大值应小于 1'],
    [{ revenue: tri(-3, 1, 1.2) }, 'uncertainty.revenue.min：收入倍数波动区间的最小值不能小于 0'],
    [{ revenue: tri(0.5, 1, 1e6) }, 'uncertainty.revenue.max：收入倍数波动区间的最大值不能大于 10'],
    [{ shareRate: normal(0.03, 0.5, -2, 3) }, 'uncertainty.shareRate.min：分成率波动区间的最小值不能小于 0'],
    [{ shareRate: normal(0.03, 0.5, -2, 3) }, 'uncertainty.shareRate.max：分成率波动区间的最大值不能大于 1'],
    [{ shareRate: normal(0.03, 5, 0, 1) }, 'uncertainty.shareRate.sd：分成率波动区间的标准差不能大于 1'],
    [{ paths: 1_000_000 }, 'uncertainty.paths：模拟次数不能大于 100000'],
    [{ paths: 99 }, 'uncertainty.paths：模拟次数不能小于 100'],
  ])('%#: %j', (u, message) => {
    expect(refusals(withUncertainty(u))).toContain(message);
  });

  it('accepts ranges inside the limits, the page’s own 100,000 paths among them', () => {
    expect(
      refusals(
        withUncertainty({
          paths: 100_000,
          revenue: tri(0, 1, 10),
          shareRate: normal(0.03, 1, 0, 1),
          discountRate: tri(0.0001, 0.12, 0.9999),
        }),
      ),
    ).toEqual([]);
    expect(uncertaintyInput.parse({ paths: 100_000 })).toMatchObject({ paths: 100_000, seed: 1 });
  });
});

describe('amounts and factors have realistic upper bounds', () => {
  it.each([
    [{ ...BASE, income: { ...BASE.income, revenue: [1e308] } }, 'income.revenue.0：每年收入不能超过 1 万亿元'],
    [
      { ...BASE, approach: 'cost', cost: { replacementCost: 1e308, depreciationRate: 0.1 } },
      'cost.replacementCost：重置成本不能超过 1 万亿元',
    ],
    [
      { ...BASE, approach: 'market', market: { comparables: [{ price: 1e308, factors: [] }] } },
      'market.comparables.0.price：可比交易价格不能超过 1 万亿元',
    ],
    [
      { ...BASE, approach: 'market', market: { comparables: [{ price: 1e6, factors: [1e10] }] } },
      'market.comparables.0.factors.0：调整系数不能大于 10',
    ],
    [
      { ...BASE, approach: 'market', market: { comparables: [{ price: 1e12, factors: [2] }] } },
      'market.comparables.0：可比交易调整后的价格不能超过 1 万亿元',
    ],
    [{ ...BASE, loanToValue: 1.5 }, 'loanToValue：质押率不能大于 1'],
    [
      { ...BASE, income: { revenue: [1], shareRange: { min: 0, max: 2 }, score: 50, discountRate: 0.1 } },
      'income.shareRange.max：分成率区间上限不能大于 1',
    ],
    [
      { ...BASE, income: { revenue: [1], shareRange: { min: 0, max: 0.1 }, score: 500, discountRate: 0.1 } },
      'income.score：指标评分不能大于 100',
    ],
  ])('%#', (input, message) => {
    expect(refusals(input)).toContain(message);
  });

  it('refuses a year from 10000 on, and a filing date outside 1900–2199, in Chinese', () => {
    const year10000 = refusals({ ...BASE, valuationDate: '10000-01-01' });
    expect(year10000).toContain('valuationDate：日期应为有效的 YYYY-MM-DD');
    // Compared as text, 10000-01-01 sorts before 2015: no misleading "早于申请日" on top.
    expect(year10000.join('；')).not.toContain('早于');
    expect(refusals({ ...BASE, asset: { kind: 'invention', filingDate: '9999-01-01' } })).toContain(
      'asset.filingDate：日期应在 1900 年至 2199 年之间',
    );
  });
});
