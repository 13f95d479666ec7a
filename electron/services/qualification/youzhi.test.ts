import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/domain/qualification';
import { qualificationInput } from '../../../shared/schemas/criteria';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { getCriteriaSet } from './load';

const WAN = 1_000_000;
const runSet =
  (id: string) =>
  (input: unknown, asOf = '2025-06-30') =>
    evaluate(getCriteriaSet(DEV_RESOURCES_DIR, id), qualificationInput.parse(input), asOf);
type Result = ReturnType<ReturnType<typeof runSet>>;
const ind = (r: Result, key: string) => r.indicators.find((i) => i.key === key)!;
const pts = (r: Result, ...keys: string[]) => keys.map((k) => ind(r, k).points);

describe('创新型中小企业 (chuangxin-2022)', () => {
  const run = runSet('chuangxin-2022');
  /**
   * IP: own-R&D Class I → 15; R&D 350 万元 (amount 300–400 → 10, 7% of 5,000 → 10) → 10;
   * main business 4,000 → 4,500 万元 (+12.5% → 15); debt 3,000 / 6,000 = 50% → 10;
   * strategic emerging → 10; main business 4,500 / 5,000 = 90% → 20. 25 + 25 + 30 = 80.
   */
  const base = {
    declarations: { sme: true, notRestrictedIndustry: true, goodStanding: true },
    ip: { class1: 2, class1OwnRd: 2, class1HighValue: 0, class2: 5 },
    years: [
      { year: 2023, revenueFen: 4500 * WAN, mainRevenueFen: 4000 * WAN },
      {
        year: 2024,
        revenueFen: 5000 * WAN,
        mainRevenueFen: 4500 * WAN,
        rdFen: 350 * WAN,
        totalAssetsFen: 6000 * WAN,
        totalLiabilitiesFen: 3000 * WAN,
      },
    ],
    market: { strategicEmerging: true },
    awards: [],
    honours: [],
    rdInstitutions: [],
    equity: [],
  };
  const y2024 = base.years[1]!;
  const with2024 = (over: Partial<typeof y2024> & Record<string, number>) => ({ ...base, years: [base.years[0]!, { ...y2024, ...over }] });

  it('scores the worked example 80 and passes', () => {
    const r = run(base);
    expect(pts(r, 'score.ip', 'score.rd', 'score.mainGrowth', 'score.debt', 'score.field', 'score.mainShare')).toEqual([
      15, 10, 15, 10, 10, 20,
    ]);
    expect(ind(r, 'score.mainGrowth').value).toBe('12.50%');
    expect(r.score!.points).toBe(80);
    expect(r.result).toBe('pass');
  });

  it('fails on 65 points when 创新能力 is under 20, and passes by a direct route', () => {
    // Class II only → 5; R&D 150 万元 = 3% → 5 (amount under 200 → 0): 创新能力 10.
    const weak = { ...with2024({ rdFen: 150 * WAN }), ip: { class1: 0, class2: 5 } };
    const r = run(weak);
    expect(r.score!.points).toBe(10 + 25 + 30);
    expect(ind(r, 'score').status).toBe('not_met');
    expect(r.result).toBe('fail');
    const eq = run({ ...weak, equity: [{ year: 2023, amountFen: 600 * WAN }] });
    expect(eq.result).toBe('pass');
    expect(eq.route).toBe('直接评价：近三年新增股权融资总额（合格机构投资者的实缴额）500 万元以上');
    // 2021 is before 2022–2025.
    expect(run({ ...weak, equity: [{ year: 2021, amountFen: 600 * WAN }] }).result).toBe('fail');
    expect(run({ ...weak, awards: [{ year: 2024, level: 'provincial' }] }).route).toBe('直接评价：近三年内获得过国家级、省级科技奖励');
    expect(run({ ...weak, honours: ['知识产权示范企业'] }).result).toBe('pass');
  });

  it('debt ratio bands: under 55% → 10, 55% → 5, 75% → 0', () => {
    expect(ind(run(with2024({ totalLiabilitiesFen: 3300 * WAN - 1 })), 'score.debt').points).toBe(10);
    expect(ind(run(with2024({ totalLiabilitiesFen: 3300 * WAN })), 'score.debt')).toMatchObject({ value: '55.00%', points: 5 });
    expect(ind(run(with2024({ totalLiabilitiesFen: 4500 * WAN })), 'score.debt')).toMatchObject({ value: '75.00%', points: 0 });
    // Liabilities may be given as assets − net assets.
    const { totalLiabilitiesFen: _l, ...noLiab } = y2024;
    expect(ind(run({ ...base, years: [base.years[0]!, { ...noLiab, netAssetsFen: 1500 * WAN }] }), 'score.debt')).toMatchObject({
      value: '75.00%',
      points: 0,
    });
  });

  it('R&D scores on the amount when the share is low: 500 万元 of 2.5 亿元 (2%) → 20', () => {
    expect(ind(run(with2024({ rdFen: 500 * WAN, revenueFen: 25_000 * WAN })), 'score.rd').points).toBe(20);
  });

  it('IP known only as granted inventions is at least Class I (10), at most high-value (20)', () => {
    const r = run({ ...base, ip: { inventionGranted: 3 } });
    expect(ind(r, 'score.ip')).toMatchObject({
      status: 'unknown',
      pointsRange: { low: 10, high: 20 },
      missing: ['Ⅰ类高价值知识产权数（ip.class1HighValue）', '自主研发的Ⅰ类知识产权数（ip.class1OwnRd）'],
    });
    // 10–20 + 10 + 25 + 30 ≥ 60 whatever the IP turns out to be.
    expect(r.result).toBe('pass');
  });

  it('an unanswered basic condition leaves the result unknown', () => {
    const r = run({ ...base, declarations: { notRestrictedIndustry: true, goodStanding: true } });
    expect(r.result).toBe('unknown');
    expect(r.missing).toEqual(['是否符合《中小企业划型标准规定》（declarations.sme）']);
  });
});

describe('专精特新中小企业 (zhuanjingtexin-2022)', () => {
  const run = runSet('zhuanjingtexin-2022');
  /**
   * 专业化: main 7,000 / 8,000 = 87.5% → 5; growth ½(6,000/5,000 + 7,000/6,000) − 1 = 18.33% → 10;
   * 6 years → 3; other field → 0 (18). 精细化: level 2 → 3; two quality items → 6, capped 5;
   * margin 800 / 8,000 = 10% → 10; debt 40% → 5 (23). 特色化 8. 创新能力: own Class I → 8; R&D
   * 400 万元 → 8 (5% → 4); R&D staff 30 / 150 = 20% → 5; municipal centre → 4 (25). Total 74.
   */
  const base = {
    declarations: { sme: true, notRestrictedIndustry: true, goodStanding: true },
    employees: 150,
    rdStaff: 30,
    years: [
      { year: 2022, revenueFen: 5500 * WAN, mainRevenueFen: 5000 * WAN },
      { year: 2023, revenueFen: 7000 * WAN, mainRevenueFen: 6000 * WAN, rdFen: 300 * WAN },
      {
        year: 2024,
        revenueFen: 8000 * WAN,
        mainRevenueFen: 7000 * WAN,
        rdFen: 400 * WAN,
        netProfitFen: 800 * WAN,
        totalAssetsFen: 10_000 * WAN,
        totalLiabilitiesFen: 4000 * WAN,
      },
    ],
    ip: { class1: 3, class1OwnRd: 3, class1HighValue: 0 },
    market: {
      nicheYears: 6,
      productField: 'other',
      digitalLevel: 2,
      provincialQualityAward: false,
      qualityCertified: true,
      ownBrand: true,
      chuangkeTop500: false,
    },
    standards: [],
    rdInstitutions: [{ level: 'municipal' }],
    awards: [],
    equity: [],
    selfScores: { localIndicators: 8 },
  };
  const y2024 = base.years[2]!;
  const with2024 = (over: Record<string, number>) => ({ ...base, years: [base.years[0]!, base.years[1]!, { ...y2024, ...over }] });

  it('scores the worked example 74 and passes', () => {
    const r = run(base);
    expect(pts(r, 'score.mainShare', 'score.mainGrowth', 'score.niche', 'score.productField')).toEqual([5, 10, 3, 0]);
    expect(ind(r, 'score.mainGrowth').value).toBe('18.33%');
    expect(pts(r, 'score.digital', 'score.quality', 'score.netMargin', 'score.debt', 'score.local')).toEqual([3, 5, 10, 5, 8]);
    expect(pts(r, 'score.ip', 'score.rd', 'score.rdStaff', 'score.institution')).toEqual([8, 8, 5, 4]);
    expect(r.score!.points).toBe(74);
    expect(r.result).toBe('pass');
  });

  it('R&D condition: 100 万元 and 3% pass, one fen less of either fails', () => {
    // 240 / 8,000 = 3% exactly; 100 万元 on 3,000 万元 = 3.33%.
    expect(ind(run(with2024({ rdFen: 240 * WAN })), 'rdThreshold').status).toBe('met');
    expect(ind(run(with2024({ rdFen: 240 * WAN - 1 })), 'rdThreshold').status).toBe('not_met');
    expect(ind(run(with2024({ rdFen: 100 * WAN, revenueFen: 3000 * WAN, mainRevenueFen: 2900 * WAN })), 'rdThreshold').status).toBe('met');
    const under = run(with2024({ rdFen: 100 * WAN - 1, revenueFen: 3000 * WAN, mainRevenueFen: 2900 * WAN }));
    expect(ind(under, 'rdThreshold').status).toBe('not_met');
    expect(under.result).toBe('fail');
  });

  it('revenue under 1,000 万元 is made up by 2,000 万元 of equity in two years', () => {
    const small = with2024({ revenueFen: 900 * WAN, mainRevenueFen: 800 * WAN, rdFen: 100 * WAN });
    expect(ind(run(small), 'revenueThreshold').status).toBe('not_met');
    expect(ind(run({ ...small, equity: [{ year: 2024, amountFen: 2000 * WAN }] }), 'revenueThreshold').status).toBe('met');
    expect(ind(run({ ...small, equity: [{ year: 2022, amountFen: 2000 * WAN }] }), 'revenueThreshold').status).toBe('not_met');
    expect(ind(run(with2024({ revenueFen: 1000 * WAN, mainRevenueFen: 900 * WAN })), 'revenueThreshold').status).toBe('met');
  });

  it('a score under 60 passes condition (四) by a direct route', () => {
    // 18 + (3 + 0 + 10 + 5) + 0 + (2 + 8 + 5 + 0) = 51.
    const weak = {
      ...base,
      ip: { class1: 0, class2: 1 },
      rdInstitutions: [],
      market: { ...base.market, qualityCertified: false, ownBrand: false },
      selfScores: { localIndicators: 0 },
    };
    const r = run(weak);
    expect(r.score!.points).toBe(51);
    expect(r.result).toBe('fail');
    // R&D 1,000 + 1,000 万元 in 2023–2024: an average of 1,000 万元.
    const rich = { ...weak, years: [base.years[0]!, { ...base.years[1]!, rdFen: 1000 * WAN }, { ...y2024, rdFen: 1000 * WAN }] };
    expect(run(rich)).toMatchObject({ result: 'pass', route: '直接满足：近两年研发费用总额均值在 1000 万元以上' });
    const half = {
      ...weak,
      years: [base.years[0]!, { year: 2023, revenueFen: 7000 * WAN, mainRevenueFen: 6000 * WAN }, { ...y2024, rdFen: 1000 * WAN }],
    };
    expect(ind(run(half), 'routeRdAverage')).toMatchObject({ status: 'unknown', missing: ['2023 年研发费用（years 中 2023 年的 rdFen）'] });
    expect(run({ ...weak, awards: [{ year: 2023, level: 'provincial', rank: 3 }] }).result).toBe('pass');
    expect(run({ ...weak, awards: [{ year: 2023, level: 'provincial', rank: 4 }] }).result).toBe('fail');
    expect(run({ ...weak, awards: [{ year: 2023, level: 'national', rank: 5 }] }).result).toBe('pass');
    expect(run({ ...weak, equity: [{ year: 2023, amountFen: 6000 * WAN }] }).result).toBe('pass');
    expect(run({ ...weak, market: { ...weak.market, chuangkeTop500: true } }).result).toBe('pass');
  });

  it('leaves the 特色化 points open when not self-assessed, naming them', () => {
    const { selfScores: _s, ...rest } = base;
    const r = run(rest);
    expect(ind(r, 'score.local')).toMatchObject({ status: 'unknown', pointsRange: { low: 0, high: 15 } });
    expect(r.score).toMatchObject({ low: 66, high: 81 });
    // 66 ≥ 60 already.
    expect(r.result).toBe('pass');
    expect(r.missing).toEqual(['特色化指标自评分（selfScores.localIndicators，由省级主管部门设定）']);
  });
});
