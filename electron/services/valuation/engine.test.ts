import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValuationInput } from '../../../shared/schemas/valuation';
import { valuationInput } from '../../../shared/schemas/valuation';
import { AppError } from '../../../shared/errors';
import { value } from './engine';

const EXAMPLE: ValuationInput = {
  valuationDate: '2026-01-01',
  asset: { kind: 'invention', filingDate: '2015-07-01' },
  approach: 'income',
  income: { revenue: [10_000_000, 11_000_000, 12_000_000, 13_000_000, 14_000_000], shareRate: 0.03, discountRate: 0.12 },
};
const income = (over: Partial<NonNullable<ValuationInput['income']>>, rest: Partial<ValuationInput> = {}): ValuationInput => ({
  ...EXAMPLE,
  ...rest,
  income: { ...EXAMPLE.income!, ...over },
});

describe('income approach, worked by hand', () => {
  it('gives the issue example: Σ R_t·k/1.12^t = 1,273,343.34', () => {
    // 0.03 × (10e6/1.12 + 11e6/1.12² + 12e6/1.12³ + 13e6/1.12⁴ + 14e6/1.12⁵)
    const byHand = 0.03 * (10e6 / 1.12 + 11e6 / 1.12 ** 2 + 12e6 / 1.12 ** 3 + 13e6 / 1.12 ** 4 + 14e6 / 1.12 ** 5);
    const r = value(EXAMPLE);
    expect(r.value).toBe(1_273_343.34);
    expect(r.valueFen).toBe(Math.round(byHand * 100));
    expect(r.expiry).toBe('2035-07-01');
    expect(r.years!.map((y) => [y.t, y.from, y.to, y.fraction])).toEqual([
      [1, '2026-01-01', '2027-01-01', 1],
      [2, '2027-01-01', '2028-01-01', 1],
      [3, '2028-01-01', '2029-01-01', 1],
      [4, '2029-01-01', '2030-01-01', 1],
      [5, '2030-01-01', '2031-01-01', 1],
    ]);
    expect(r.years![1]!.presentValue).toBe(263_073.98); // 11e6 × 0.03 / 1.2544
  });

  it('derives k from a range and a score: 0.01 + (0.05 − 0.01) × 50/100 = 0.03', () => {
    const r = value(income({ shareRate: undefined, shareRange: { min: 0.01, max: 0.05 }, score: 50 }));
    expect(r.shareRate).toBeCloseTo(0.03, 12);
    expect(r.value).toBe(1_273_343.34);
  });

  it('cuts the year in which a utility model expires to its days before expiry', () => {
    // Filed 2017-03-01, expires 2027-03-01. Year 2 is [2027-01-01, 2028-01-01): 59 of 365 days.
    const r = value(income({ revenue: [1_000_000, 1_000_000, 1_000_000] }, { asset: { kind: 'utility', filingDate: '2017-03-01' } }));
    expect(r.years!.map((y) => y.fraction)).toEqual([1, 59 / 365, 0]);
    const byHand = 0.03 * (1e6 / 1.12 + (1e6 * 59) / 365 / 1.12 ** 2);
    expect(r.valueFen).toBe(Math.round(byHand * 100));
    expect(r.working.join('\n')).toContain('被法定保护期届满日 2027-03-01 截断');
  });

  it('gives a design filed on 2021-06-01 fifteen years, and one filed the day before ten', () => {
    expect(value(income({}, { valuationDate: '2026-01-01', asset: { kind: 'design', filingDate: '2021-06-01' } })).expiry).toBe(
      '2036-06-01',
    );
    // Expires 2031-05-31: years 1–5 (2026–2030) whole; year 6 [2031-01-01, 2032-01-01) keeps 150 of 365 days.
    const old = value(
      income({ revenue: Array(7).fill(1_000_000) }, { valuationDate: '2026-01-01', asset: { kind: 'design', filingDate: '2021-05-31' } }),
    );
    expect(old.expiry).toBe('2031-05-31');
    expect(old.years!.map((y) => y.fraction)).toEqual([1, 1, 1, 1, 1, 150 / 365, 0]);
  });

  it('values an invention cut at 20 years, and an expired patent at 0 with the reason', () => {
    // Expires 2034-07-01: year 1 [2034-01-01, 2035-01-01) keeps 181 of 365 days, later years nothing.
    const inv = value(
      income(
        { revenue: Array(3).fill(1_000_000) },
        { valuationDate: '2034-01-01', asset: { kind: 'invention', filingDate: '2014-07-01' } },
      ),
    );
    expect(inv.years!.map((y) => y.fraction)).toEqual([181 / 365, 0, 0]);
    expect(inv.valueFen).toBe(Math.round(((0.03 * 1e6 * 181) / 365 / 1.12) * 100));
    const gone = value(income({}, { valuationDate: '2036-01-01', asset: { kind: 'invention', filingDate: '2015-07-01' } }));
    expect(gone).toMatchObject({ value: 0, valueFen: 0, reason: expect.stringContaining('已于 2035-07-01 届满') });
  });

  it('does not cut a trademark (renewable) and cuts software at 31 December of year 50', () => {
    expect(value(income({}, { asset: { kind: 'trademark', registrationDate: '2010-01-01' } })).value).toBe(1_273_343.34);
    const sw = value(
      income({ revenue: [1e6, 1e6] }, { valuationDate: '2070-06-01', asset: { kind: 'software', publishedOn: '2020-03-01' } }),
    );
    expect(sw.expiry).toBe('2071-01-01');
    expect(sw.years![0]!.fraction).toBe(214 / 365);
  });
});

describe('cost and market approaches', () => {
  it('cost: replacement cost × (1 − depreciation)', () => {
    expect(value({ ...EXAMPLE, approach: 'cost', cost: { replacementCost: 800_000, depreciationRate: 0.35 } }).value).toBe(520_000);
  });

  it('market: the mean of comparables adjusted by their factors', () => {
    // (1,000,000 × 1.1 × 0.9 + 1,200,000 × 0.8) / 2 = (990,000 + 960,000) / 2
    expect(
      value({
        ...EXAMPLE,
        approach: 'market',
        market: {
          comparables: [
            { price: 1_000_000, factors: [1.1, 0.9] },
            { price: 1_200_000, factors: [0.8] },
          ],
        },
      }).value,
    ).toBe(975_000);
  });
});

describe('uncertainty, sensitivity and the loan figure', () => {
  const uncertain = income(
    {},
    {
      uncertainty: {
        paths: 5000,
        seed: 7,
        revenue: { type: 'triangular', min: 0.7, mode: 1, max: 1.2 },
        shareRate: { type: 'normal', mean: 0.03, sd: 0.005, min: 0.02, max: 0.04 },
        discountRate: { type: 'triangular', min: 0.1, mode: 0.12, max: 0.16 },
      },
      loanToValue: 0.25,
    },
  );

  it('reports ordered percentiles, the same result for the same seed, and a histogram of every path', () => {
    const a = value(uncertain);
    const u = a.uncertainty!;
    expect(u.p10).toBeLessThanOrEqual(u.p50);
    expect(u.p50).toBeLessThanOrEqual(u.p90);
    expect(u.histogram.reduce((s, b) => s + b.count, 0)).toBe(5000);
    expect(value(uncertain)).toEqual(a);
    expect(value({ ...uncertain, uncertainty: { ...uncertain.uncertainty!, seed: 8 } }).uncertainty!.p50).not.toBe(u.p50);
  });

  it('lends on the conservative value (P10) with its working', () => {
    const r = value(uncertain);
    expect(r.loan).toMatchObject({
      basis: 'P10',
      basisValue: r.uncertainty!.p10,
      loanToValue: 0.25,
      amountFen: Math.round(r.uncertainty!.p10 * 0.25 * 100),
    });
    expect(value({ ...EXAMPLE, loanToValue: 0.25 }).loan).toMatchObject({ basis: 'value', amount: 318_335.84 });
  });

  it('gives each input at its low and high with the others fixed', () => {
    const s = value(uncertain).sensitivity!;
    expect(s.map((r) => r.input)).toEqual(['revenue', 'shareRate', 'discountRate']);
    const rev = s[0]!;
    expect(rev.valueAtLow).toBeCloseTo(1_273_343.34 * 0.7, 1);
    expect(s[2]!.valueAtLow).toBeGreaterThan(s[2]!.valueAtHigh); // a higher discount rate, a lower value
  });

  it('with every distribution of zero width equals the deterministic value exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (seed, kPct, iPct) => {
          const k = kPct / 100;
          const i = iPct / 100;
          const det = value(income({ shareRate: k, discountRate: i }));
          const zero = value(
            income(
              { shareRate: k, discountRate: i },
              {
                uncertainty: {
                  paths: 200,
                  seed,
                  revenue: { type: 'triangular', min: 1, mode: 1, max: 1 },
                  shareRate: { type: 'normal', mean: k, sd: 0, min: k, max: k },
                  discountRate: { type: 'triangular', min: i, mode: i, max: i },
                },
              },
            ),
          );
          const u = zero.uncertainty!;
          return u.p10 === det.value && u.p50 === det.value && u.p90 === det.value && u.mean === det.value && zero.value === det.value;
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('properties of the income approach', () => {
  const arb = fc.record({
    revenue: fc.array(fc.integer({ min: 0, max: 1e8 }), { minLength: 1, maxLength: 15 }),
    k: fc.integer({ min: 1, max: 30 }).map((x) => x / 100),
    i: fc.integer({ min: 1, max: 40 }).map((x) => x / 100),
  });

  it('value falls when the discount rate rises and rises with revenue', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 10 }), ({ revenue, k, i }, step) => {
        const at = (rev: number[], rate: number) => value(income({ revenue: rev, shareRate: k, discountRate: rate })).valueFen;
        const higherRate = Math.min(0.99, i + step / 100);
        const moreRevenue = revenue.map((r, t) => (t === 0 ? r + 1_000_000 : r));
        return at(revenue, higherRate) <= at(revenue, i) && at(moreRevenue, i) >= at(revenue, i);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bad inputs are rejected with a clear message', () => {
  it.each([
    [income({ discountRate: -0.1 }), /折现率应大于 0/],
    [income({ shareRate: -0.01 }), /分成率不能为负/],
    [income({ revenue: [] }), /至少需要一年的收入/],
    [{ ...EXAMPLE, asset: { kind: 'copyright', filingDate: '2015-07-01' } }, /asset\.kind 应为/],
    [{ ...EXAMPLE, valuationDate: '2014-01-01' }, /早于申请\/注册日/],
    [{ ...EXAMPLE, income: undefined }, /必须提供 income 参数/],
    [income({ shareRate: undefined }), /请给出分成率/],
    [{ ...EXAMPLE, valuationDate: '2026-02-30' }, /有效的 YYYY-MM-DD/],
  ] as [unknown, RegExp][])('%#', (input, message) => {
    expect(() => value(input as ValuationInput)).toThrow(message);
  });
});

describe('figures a bank can trust', () => {
  it('for any input the schema accepts gives P10 ≥ 0 and a loan ≥ 0, or refuses it in Chinese', () => {
    // Ranges drawn wide on purpose (negative rates, multipliers below 0): the schema must refuse
    // what would make the value negative, and whatever it lets through must stay at or above 0.
    const wide = fc.double({ min: -3, max: 3, noNaN: true });
    const dist = fc.oneof(
      fc.tuple(wide, wide, wide).map(([a, b, c]) => {
        const [min, mode, max] = [a, b, c].sort((x, y) => x - y);
        return { type: 'triangular' as const, min: min!, mode: mode!, max: max! };
      }),
      fc.tuple(wide, wide, wide, fc.double({ min: 0, max: 2, noNaN: true })).map(([a, b, c, sd]) => {
        const [min, mean, max] = [a, b, c].sort((x, y) => x - y);
        return { type: 'normal' as const, mean: mean!, sd, min: min!, max: max! };
      }),
    );
    fc.assert(
      fc.property(
        fc.option(dist, { nil: undefined }),
        fc.option(dist, { nil: undefined }),
        fc.option(dist, { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (revenue, shareRate, discountRate, ltv, seed) => {
          const input = income({}, { uncertainty: { paths: 200, seed, revenue, shareRate, discountRate }, loanToValue: ltv });
          if (!valuationInput.safeParse(input).success) {
            try {
              value(input);
              return false;
            } catch (e) {
              return e instanceof AppError && e.code === 'INVALID_INPUT' && /^估值输入有误：/.test(e.message);
            }
          }
          const r = value(input);
          return (
            r.uncertainty!.p10 >= 0 && r.loan!.amountFen >= 0 && r.sensitivity!.every((row) => row.valueAtLow >= 0 && row.valueAtHigh >= 0)
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an income whose value (or the top of its range) would pass 1 万亿元, instead of overflowing', () => {
    expect(() => value(income({ revenue: Array(50).fill(1e12), shareRate: 1, discountRate: 0.01 }))).toThrow(
      /income\.revenue：.*超过单项评估值上限 1 万亿元/,
    );
    expect(() => value(income({ revenue: [1e308] }))).toThrow(/每年收入不能超过 1 万亿元/);
    const top = income(
      { revenue: [2e11] },
      {
        uncertainty: {
          paths: 100,
          seed: 1,
          revenue: { type: 'triangular', min: 1, mode: 1, max: 10 },
          shareRate: { type: 'triangular', min: 0.03, mode: 0.03, max: 1 },
        },
      },
    );
    expect(() => value(top)).toThrow(/按波动区间的上限/);
    expect(value({ ...top, uncertainty: undefined }).valueFen).toBeGreaterThan(0);
  });

  it('values a patent whose legal term runs past 2199 from a valid filing date', () => {
    // Filed 2190-01-01: the invention expires 2210-01-01; valued from 2199-06-01 for 5 years.
    const r = value(
      income(
        { revenue: Array(5).fill(1_000_000) },
        { valuationDate: '2199-06-01', asset: { kind: 'invention', filingDate: '2190-01-01' } },
      ),
    );
    expect(r.expiry).toBe('2210-01-01');
    expect(r.years!.map((y) => [y.from, y.fraction])).toEqual([
      ['2199-06-01', 1],
      ['2200-06-01', 1],
      ['2201-06-01', 1],
      ['2202-06-01', 1],
      ['2203-06-01', 1],
    ]);
    expect(r.value).toBeGreaterThan(0);
    expect(value(income({}, { valuationDate: '2199-12-31', asset: { kind: 'software', publishedOn: '2199-01-01' } })).expiry).toBe(
      '2250-01-01',
    );
  });
});
