import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/domain/qualification';
import { averageGrowth } from '../../../shared/domain/qualification/growth';
import { percentText } from '../../../shared/domain/qualification/exact';
import { qualificationInput } from '../../../shared/schemas/criteria';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { getCriteriaSet } from './load';

/** 1 万元 in fen. */
const WAN = 1_000_000;
const ASOF = '2025-06-30';
const gaoqi = () => getCriteriaSet(DEV_RESOURCES_DIR, 'gaoqi-2016');
const run = (input: unknown, asOf = ASOF) => evaluate(gaoqi(), qualificationInput.parse(input), asOf);
const ind = (r: ReturnType<typeof run>, key: string) => {
  const found = r.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};

/**
 * A worked example. Revenue 4,000 / 4,500 / 5,000 万元 (sum 13,500), R&D 200 / 225 / 250 万元
 * (sum 675 = 5.00% exactly), 15 of 100 staff in R&D roles, high-tech revenue 3,500 of 5,000.
 */
const base = {
  foundedOn: '2018-03-01',
  employees: 100,
  techStaff: 15,
  years: [
    { year: 2022, revenueFen: 4000 * WAN, rdFen: 200 * WAN, domesticRdFen: 180 * WAN, netAssetsFen: 2000 * WAN },
    { year: 2023, revenueFen: 4500 * WAN, rdFen: 225 * WAN, domesticRdFen: 200 * WAN, netAssetsFen: 2500 * WAN },
    {
      year: 2024,
      revenueFen: 5000 * WAN,
      rdFen: 250 * WAN,
      domesticRdFen: 230 * WAN,
      highTechRevenueFen: 3500 * WAN,
      netAssetsFen: 3000 * WAN,
    },
  ],
  ip: { class1: 2, class2: 3, ownRd: true },
  standards: [],
  techConversions: 15,
  selfScores: { techAdvancement: 8, coreSupport: 8, rdManagement: 18 },
  declarations: { ownsCoreIp: true, inKeyField: true, goodStanding: true },
};
type Year = (typeof base.years)[number];
const withYears = (f: (y: Year) => Record<string, number | undefined>) => ({ ...base, years: base.years.map((y) => ({ ...y, ...f(y) })) });

describe('高新技术企业 (gaoqi-2016)', () => {
  it('passes the worked example, with the innovation score as a range of 75–88', () => {
    const r = run(base);
    expect(r.result).toBe('pass');
    expect(r.missing).toEqual([]);
    expect(ind(r, 'rdRatio')).toMatchObject({ status: 'met', value: '5.00%' });
    // domestic 180 + 200 + 230 = 610 of 675 → 90.370…%
    expect(ind(r, 'domesticRd')).toMatchObject({ status: 'met', value: '90.37%' });
    expect(ind(r, 'highTechRevenue')).toMatchObject({ status: 'met', value: '70.00%', note: expect.stringContaining('按营业收入') });
    // IP 8 + 8 + (7–8) + (1–6) + 0 = 24–30 (cap 30); conversion 15 / 3 = 5 a year → 25–30;
    // management 18; net-asset growth 22.5% → 5–6; sales growth 11.81% → 3–4.
    expect(ind(r, 'innovation.conversion').pointsRange).toEqual({ low: 25, high: 30 });
    expect(r.score).toEqual({ points: null, low: 24 + 25 + 18 + 5 + 3, high: 30 + 30 + 18 + 6 + 4, max: 100, pass: 71 });
    expect(ind(r, 'innovation')).toMatchObject({ status: 'met', value: '75–88 分' });
    expect(r.set).toMatchObject({ id: 'gaoqi-2016', source: { number: '国科发火〔2016〕32号' }, inForce: true });
  });

  it('R&D ratio: at 5,000 万元 of last-year revenue the bar is 5%, at 5,000 万元 + 1 分 it is 4%', () => {
    // R&D 200 × 3 = 600 of 13,500 万元 = 4.44%: below 5%, above 4%.
    const rd600 = (last: number) =>
      withYears((y) => ({ rdFen: 200 * WAN, domesticRdFen: 150 * WAN, ...(y.year === 2024 ? { revenueFen: last } : {}) }));
    const at = ind(run(rd600(5000 * WAN)), 'rdRatio');
    expect(at).toMatchObject({ status: 'not_met', value: '4.44%', threshold: expect.stringMatching(/^≥ 5%/) });
    const over = ind(run(rd600(5000 * WAN + 1)), 'rdRatio');
    expect(over).toMatchObject({ status: 'met', value: '4.44%', threshold: expect.stringMatching(/^≥ 4%/) });
  });

  it('R&D ratio is compared exactly: 675 万元 of 13,500 万元 is 5%, one fen less is not', () => {
    expect(ind(run(base), 'rdRatio').status).toBe('met');
    const less = withYears((y) => (y.year === 2024 ? { rdFen: 250 * WAN - 1 } : {}));
    // 674.999999 / 13,500 = 4.99999…% still shows as 5.00%, yet fails.
    expect(ind(run(less), 'rdRatio')).toMatchObject({ status: 'not_met', value: '5.00%' });
  });

  it('R&D ratio at 2 亿元 of last-year revenue asks 4%, at 2 亿元 + 1 分 3%', () => {
    // Revenue 15,000 / 18,000 / 20,000 万元 = 53,000; R&D 1,855 = 3.5%.
    const input = (last: number) => ({
      ...base,
      years: [
        { year: 2022, revenueFen: 15_000 * WAN, rdFen: 500 * WAN },
        { year: 2023, revenueFen: 18_000 * WAN, rdFen: 600 * WAN },
        { year: 2024, revenueFen: last, rdFen: 755 * WAN },
      ],
    });
    expect(ind(run(input(20_000 * WAN)), 'rdRatio')).toMatchObject({ status: 'not_met', value: '3.50%' });
    expect(ind(run(input(20_000 * WAN + 1)), 'rdRatio')).toMatchObject({ status: 'met', value: '3.50%' });
  });

  it('科技人员 at exactly 10% passes, below fails', () => {
    expect(ind(run({ ...base, techStaff: 10 }), 'techStaff')).toMatchObject({ status: 'met', value: '10.00%' });
    expect(ind(run({ ...base, techStaff: 9 }), 'techStaff')).toMatchObject({ status: 'not_met', value: '9.00%' });
    expect(run({ ...base, techStaff: 9 }).result).toBe('fail');
  });

  it('high-tech revenue below 60% fails; 总收入, when given, is the denominator', () => {
    const low = withYears((y) => (y.year === 2024 ? { highTechRevenueFen: 2999 * WAN } : {}));
    expect(ind(run(low), 'highTechRevenue')).toMatchObject({ status: 'not_met', value: '59.98%' });
    // 3,500 of a 总收入 of 6,000 → 58.33%
    const income = withYears((y) => (y.year === 2024 ? { totalIncomeFen: 6000 * WAN } : {}));
    expect(ind(run(income), 'highTechRevenue')).toMatchObject({ status: 'not_met', value: '58.33%' });
    expect(ind(run(income), 'highTechRevenue').note).toBeUndefined();
  });

  it('registered for 365 days passes, 364 does not', () => {
    expect(ind(run({ ...base, foundedOn: '2024-06-30' }), 'registered').status).toBe('met');
    expect(ind(run({ ...base, foundedOn: '2024-07-01' }), 'registered')).toMatchObject({
      status: 'not_met',
      value: '2024-07-01 成立，364 天',
    });
  });

  it('missing data is unknown, naming the field, never 0', () => {
    const { employees: _e, ...noStaff } = base;
    const r = run(noStaff);
    expect(ind(r, 'techStaff')).toMatchObject({ status: 'unknown', missing: ['职工总数（employees）'] });
    expect(r.result).toBe('unknown');
    expect(r.missing).toContain('职工总数（employees）');

    const two = { ...base, years: base.years.slice(1) };
    const rr = ind(run(two), 'rdRatio');
    expect(rr.status).toBe('unknown');
    expect(rr.missing).toEqual(['2022 年营业收入（years 中 2022 年的 revenueFen）', '2022 年研发费用（years 中 2022 年的 rdFen）']);

    const noScores = run({ ...base, selfScores: {} });
    expect(ind(noScores, 'innovation.techAdvancement')).toMatchObject({
      status: 'unknown',
      pointsRange: { low: 0, high: 8 },
      missing: [expect.stringContaining('selfScores.techAdvancement')],
    });
    // 0 + 0 + (7–8) + (1–6) → 8–30 for IP; 8 + 25 + 0 + 5 + 3 = 41 at the least: cannot decide.
    expect(noScores.score).toMatchObject({ low: 8 + 25 + 0 + 5 + 3, high: 30 + 30 + 20 + 6 + 4 });
    expect(noScores.result).toBe('unknown');
  });

  it('a young enterprise counts its actual years of operation', () => {
    // Founded 2023-02-01: the ratio and growth use 2023–2024 only.
    const young = { ...base, foundedOn: '2023-02-01', years: base.years.slice(1) };
    const r = run(young);
    // R&D 225 + 250 = 475 of 9,500 万元 = 5.00%
    expect(ind(r, 'rdRatio')).toMatchObject({ status: 'met', value: '5.00%' });
    // two years: 3,000 / 2,500 − 1 = 20% → 5–6
    expect(ind(r, 'innovation.netAssetGrowth')).toMatchObject({ value: '20.00%', pointsRange: { low: 5, high: 6 } });
    // 15 conversions over 2 years = 7.5 a year
    expect(ind(r, 'innovation.conversion').value).toBe('近 2 年共 15 项，年均 7.50 项');
    expect(r.working.some((w) => w.includes('实际经营期不满三年'))).toBe(true);
  });

  it('an innovation score straddling 71 is unknown; clearly below is a fail', () => {
    // 6 + 6 + (7–8) + (1–6) = 20–26; conversion 12/3 = 4 → 19–24; management 14; growth 5–6 + 3–4.
    const mid = run({ ...base, techConversions: 12, selfScores: { techAdvancement: 6, coreSupport: 6, rdManagement: 14 } });
    expect(mid.score).toMatchObject({ low: 20 + 19 + 14 + 5 + 3, high: 26 + 24 + 14 + 6 + 4 });
    expect(ind(mid, 'innovation')).toMatchObject({ status: 'unknown', note: expect.stringContaining('跨越及格线') });
    const low = run({ ...base, techConversions: 0, selfScores: { techAdvancement: 2, coreSupport: 2, rdManagement: 5 } });
    // 2 + 2 + 8 + 6 = 18 at most for IP; 0; 5; 6 + 4 → at most 33.
    expect(low.score!.high).toBe(18 + 0 + 5 + 6 + 4);
    expect(low.result).toBe('fail');
  });

  it('Class II counts only from below leave the IP quantity open unless they reach the top band', () => {
    const partial = run({ ...base, ip: { class1: 0, utility: 2, ownRd: true } });
    expect(ind(partial, 'innovation.ipQuantity')).toMatchObject({
      status: 'unknown',
      value: 'Ⅰ类 0 项，Ⅱ类 至少 2 项',
      pointsRange: { low: 1, high: 6 },
    });
    const enough = run({ ...base, ip: { class1: 0, utility: 5, ownRd: true } });
    expect(ind(enough, 'innovation.ipQuantity')).toMatchObject({ status: 'met', pointsRange: { low: 5, high: 6 } });
    // Granted inventions count as Class I from below.
    expect(ind(run({ ...base, ip: { inventionGranted: 1, ownRd: true } }), 'innovation.ipQuantity')).toMatchObject({
      status: 'met',
      pointsRange: { low: 7, high: 8 },
    });
  });
});

describe('the growth formula ½·(y2/y1 + y3/y2) − 1', () => {
  it('net assets 2,000 → 2,500 → 3,000 万元 grow 22.5%', () => {
    // (2500² + 2000·3000 − 2·2000·2500) / (2·2000·2500) = 2,250,000 / 10,000,000
    const g = averageGrowth([2000 * WAN, 2500 * WAN, 3000 * WAN]);
    expect(g.rate!.n * 1000n).toBe(g.rate!.d * 22_500n);
    expect(percentText(g.rate!)).toBe('22.50%');
  });

  it('a first year of 0 uses the last two years; a second year of 0 or a negative one scores 0', () => {
    expect(percentText(averageGrowth([0, 100, 150]).rate!)).toBe('50.00%');
    expect(averageGrowth([100, 0, 50]).rate).toBeNull();
    expect(averageGrowth([-100, 100, 150]).rate).toBeNull();
    expect(percentText(averageGrowth([100, 90, 81]).rate!)).toBe('-10.00%');
  });

  it('exactly 35% is the top band (9–10), one fen less is the next (7–8)', () => {
    // ½ (13,500 / 10,000 + 18,225 / 13,500) − 1 = ½ (1.35 + 1.35) − 1 = 35%
    const input = (y3: number) => ({
      ...base,
      years: base.years.map((y, i) => ({ ...y, netAssetsFen: [10_000, 13_500, y3][i]! })),
    });
    expect(ind(run(input(18_225)), 'innovation.netAssetGrowth')).toMatchObject({ value: '35.00%', pointsRange: { low: 9, high: 10 } });
    expect(ind(run(input(18_224)), 'innovation.netAssetGrowth')).toMatchObject({ value: '35.00%', pointsRange: { low: 7, high: 8 } });
    // No growth (flat) scores 0: the lowest band is "> 0".
    const flat = { ...base, years: base.years.map((y) => ({ ...y, netAssetsFen: 1000 * WAN })) };
    expect(ind(run(flat), 'innovation.netAssetGrowth')).toMatchObject({ value: '0.00%', points: 0, status: 'not_met' });
  });
});
