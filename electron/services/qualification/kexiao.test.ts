import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/domain/qualification';
import { qualificationInput } from '../../../shared/schemas/criteria';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { getCriteriaSet } from './load';

const WAN = 1_000_000;
const YI = 100 * 1_000_000 * 100; // 1 亿元 in fen
const run = (input: unknown, asOf = '2025-06-30') =>
  evaluate(getCriteriaSet(DEV_RESOURCES_DIR, 'kexiao-2017'), qualificationInput.parse(input), asOf);
const ind = (r: ReturnType<typeof run>, key: string) => r.indicators.find((i) => i.key === key)!;

/**
 * 200 staff, 50 in R&D roles (25% → 16); 2024 revenue 1 亿元, R&D 450 万元 (4.5% → 30;
 * of costs 9,000 万元 5% → 0); three utility models (Class II ×3 → 18): 16 + 30 + 18 = 64.
 */
const base = {
  employees: 200,
  techStaff: 50,
  years: [{ year: 2024, revenueFen: YI, rdFen: 450 * WAN, costsFen: 9000 * WAN, totalAssetsFen: 1.5 * YI }],
  ip: { class1: 0, class2: 3 },
  declarations: { residentEnterprise: true, notRestrictedIndustry: true, goodStanding: true },
  honours: [],
  awards: [],
  rdInstitutions: [],
  standards: [],
};

describe('科技型中小企业 (kexiao-2017)', () => {
  it('scores the worked example 16 + 30 + 18 = 64 and passes', () => {
    const r = run(base);
    expect(r.score).toEqual({ points: 64, low: 64, high: 64, max: 100, pass: 60 });
    expect([ind(r, 'score.techStaff').points, ind(r, 'score.rd').points, ind(r, 'score.ip').points]).toEqual([16, 30, 18]);
    expect(ind(r, 'score.rd').value).toBe('占销售收入 4.50%，占成本费用 5.00%');
    expect(r.result).toBe('pass');
    expect(r.route).toBeUndefined();
  });

  it('passes at exactly 60 points and fails at 56', () => {
    // 40 of 200 = 20% → 12; R&D 4.5% → 30; Class II ×3 → 18: 60.
    const at = run({ ...base, techStaff: 40 });
    expect(at.score!.points).toBe(60);
    expect(at.result).toBe('pass');
    // 39 of 200 = 19.5% → 8: 56.
    const below = run({ ...base, techStaff: 39 });
    expect(below.score!.points).toBe(56);
    expect(below.result).toBe('fail');
  });

  it('fails on 60 points when the 科技人员 score is 0', () => {
    // 19 of 200 = 9.5% → 0; R&D 30; a Class I item → 30: 60, but 科技人员 is 0.
    const r = run({ ...base, techStaff: 19, ip: { class1: 1 } });
    expect(r.score!.points).toBe(60);
    expect(ind(r, 'score')).toMatchObject({ status: 'not_met' });
    expect(r.result).toBe('fail');
  });

  it('takes the better R&D measure, and leaves it open only when the other could do better', () => {
    // Of revenue 4.5% → 30; of costs 1,500 万元 450 / 1,500 = 30% → 50: the better is taken.
    expect(ind(run({ ...base, years: [{ ...base.years[0], costsFen: 1500 * WAN }] }), 'score.rd').points).toBe(50);
    const noCosts = run({ ...base, years: [{ year: 2024, revenueFen: YI, rdFen: 450 * WAN, totalAssetsFen: 1.5 * YI }] });
    expect(ind(noCosts, 'score.rd')).toMatchObject({
      status: 'unknown',
      pointsRange: { low: 30, high: 50 },
      missing: ['2024 年成本费用支出总额（years 中 2024 年的 costsFen）'],
    });
    // R&D 6% of revenue is already the top: costs do not matter.
    const top = run({ ...base, years: [{ year: 2024, revenueFen: YI, rdFen: 600 * WAN, totalAssetsFen: 1.5 * YI }] });
    expect(ind(top, 'score.rd')).toMatchObject({ status: 'met', points: 50 });
  });

  it('size limits: 500 staff and 2 亿元 pass, 501 staff or 2 亿元 + 1 分 fail', () => {
    const at = run({ ...base, employees: 500, techStaff: 125, years: [{ ...base.years[0], revenueFen: 2 * YI, totalAssetsFen: 2 * YI }] });
    expect(['staffLimit', 'revenueLimit', 'assetsLimit'].map((k) => ind(at, k).status)).toEqual(['met', 'met', 'met']);
    expect(ind(run({ ...base, employees: 501 }), 'staffLimit').status).toBe('not_met');
    const over = run({ ...base, years: [{ ...base.years[0], revenueFen: 2 * YI + 1 }] });
    expect(ind(over, 'revenueLimit')).toMatchObject({ status: 'not_met', value: '20,000.000001 万元' });
    expect(over.result).toBe('fail');
  });

  it('qualifies directly with a 高新技术企业 certificate, whatever the score', () => {
    const weak = { ...base, techStaff: 0, ip: { class1: 0, class2: 0 } };
    expect(run(weak).result).toBe('fail');
    const r = run({ ...weak, honours: ['高新技术企业'] });
    expect(r.result).toBe('pass');
    expect(r.route).toBe('直接确认：拥有有效期内高新技术企业资格证书');
    // …but not when a basic condition fails.
    expect(run({ ...weak, honours: ['高新技术企业'], employees: 600 }).result).toBe('fail');
  });

  it('other direct routes: a national award in the last five years ranked in the top three, a provincial R&D centre, a standard led', () => {
    const weak = { ...base, techStaff: 0 };
    expect(run({ ...weak, awards: [{ year: 2021, level: 'national', rank: 3 }] }).route).toBe(
      '直接确认：近五年内获得国家级科技奖励，并在获奖单位中排在前三名',
    );
    // 2019 is outside 2020–2025; rank 4 is outside the top three; a provincial award does not count.
    expect(run({ ...weak, awards: [{ year: 2019, level: 'national', rank: 1 }] }).result).toBe('fail');
    expect(run({ ...weak, awards: [{ year: 2023, level: 'national', rank: 4 }] }).result).toBe('fail');
    expect(run({ ...weak, awards: [{ year: 2023, level: 'provincial', rank: 1 }] }).result).toBe('fail');
    const noRank = run({ ...weak, awards: [{ year: 2023, level: 'national' }] });
    expect(noRank.result).toBe('unknown');
    expect(noRank.missing).toEqual(['2023 年国家级奖励的获奖单位排名（awards[0].rank）']);
    expect(run({ ...weak, rdInstitutions: [{ level: 'provincial', name: '广东省工程技术研究中心' }] }).result).toBe('pass');
    expect(run({ ...weak, rdInstitutions: [{ level: 'municipal' }] }).result).toBe('fail');
    expect(run({ ...weak, standards: [{ year: 2022, level: 'industry', lead: true }] }).result).toBe('pass');
    expect(run({ ...weak, standards: [{ year: 2022, level: 'industry', lead: false }] }).result).toBe('fail');
  });

  it('a failing score with the routes not filled in is unknown, naming them', () => {
    const { honours: _h, awards: _a, rdInstitutions: _r, standards: _s, ...rest } = base;
    const r = run({ ...rest, techStaff: 0 });
    expect(r.result).toBe('unknown');
    expect(r.missing).toEqual([
      '已获资质荣誉（honours，没有请填 []）',
      '获奖情况（awards，没有请填 []）',
      '研发机构（rdInstitutions，没有请填 []）',
      '参与制定标准情况（standards，没有请填 []）',
    ]);
    // A passing score does not need them.
    expect(run(rest).result).toBe('pass');
  });

  it('missing staff numbers leave the 科技人员 score open, naming them', () => {
    const { techStaff: _t, ...rest } = base;
    const r = run(rest);
    expect(ind(r, 'score.techStaff')).toMatchObject({
      status: 'unknown',
      pointsRange: { low: 0, high: 20 },
      missing: ['科技人员数（techStaff）'],
    });
    // 0–20 + 30 + 18: 48–68, and the 科技人员 score may be 0.
    expect(r.score).toMatchObject({ low: 48, high: 68, points: null });
    expect(r.result).toBe('unknown');
  });
});
