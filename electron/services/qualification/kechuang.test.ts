import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/domain/qualification';
import { qualificationInput } from '../../../shared/schemas/criteria';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { getCriteriaSet } from './load';

const WAN = 1_000_000;
const run = (id: 'kechuang-2024' | 'kechuang-2021', input: unknown, asOf = '2025-06-30') =>
  evaluate(getCriteriaSet(DEV_RESOURCES_DIR, id), qualificationInput.parse(input), asOf);
type Result = ReturnType<typeof run>;
const ind = (r: Result, key: string) => r.indicators.find((i) => i.key === key)!;

/**
 * Revenue 20,000 / 26,000 / 32,000 万元 (78,000), R&D 1,200 / 1,500 / 1,800 (4,500 = 5.77%),
 * 45 of 300 staff in R&D (15%), six invention patents used in the main business.
 */
const years = (revenue: number[], rd: number[]) => revenue.map((r, i) => ({ year: 2022 + i, revenueFen: r * WAN, rdFen: rd[i]! * WAN }));
const base = {
  employees: 300,
  rdStaff: 45,
  years: years([20_000, 26_000, 32_000], [1200, 1500, 1800]),
  ip: { inventionMainBusiness: 6 },
  awards: [],
  kechuang: { softwareIndustry: false, leadingCoreTech: false, majorProject: false, importSubstitution: false },
};

describe('科创属性: the 2021 and 2024 versions', () => {
  it('six invention patents pass the 2021 version (≥ 5) and fail the 2024 one (≥ 7)', () => {
    const old = run('kechuang-2021', base);
    expect(old.result).toBe('pass');
    expect(ind(old, 'rd')).toMatchObject({ status: 'met', value: expect.stringContaining('5.77%') });
    expect(ind(old, 'patents')).toMatchObject({ status: 'met', value: '6 项' });
    expect(old.set.inForce).toBe(false);
    expect(old.working[1]).toContain('不在其内');

    const now = run('kechuang-2024', base);
    expect(ind(now, 'patents')).toMatchObject({ status: 'not_met', threshold: '≥ 7 项（软件行业不适用）' });
    expect(now.result).toBe('fail');
    expect(now.set.inForce).toBe(true);
    expect(run('kechuang-2024', { ...base, ip: { inventionMainBusiness: 7 } }).result).toBe('pass');
  });

  it('revenue CAGR of exactly 25% passes 2024; one fen less fails; 20% passes only 2021', () => {
    // 16,000 → 25,000 万元 over two years: 25,000 / 16,000 = 1.5625 = 1.25².
    const cagr = (lastFen: number) => {
      const ys = years([16_000, 20_000, 25_000], [1200, 1500, 1800]);
      return { ...base, ip: { inventionMainBusiness: 7 }, years: [ys[0]!, ys[1]!, { ...ys[2]!, revenueFen: lastFen }] };
    };
    const at = ind(run('kechuang-2024', cagr(25_000 * WAN)), 'growth');
    expect(at.status).toBe('met');
    expect(at.value).toContain('复合增长率 25.00%');
    const under = cagr(25_000 * WAN - 1);
    expect(ind(run('kechuang-2024', under), 'growth').status).toBe('not_met');
    // 10,000 → 14,400: 1.44 = 1.2².
    const twenty = { ...base, ip: { inventionMainBusiness: 7 }, years: years([10_000, 12_000, 14_400], [600, 700, 800]) };
    expect(ind(run('kechuang-2021', twenty), 'growth').status).toBe('met');
    expect(ind(run('kechuang-2024', twenty), 'growth').status).toBe('not_met');
    // 3 亿元 of last-year revenue passes without growth.
    const flat = { ...base, ip: { inventionMainBusiness: 7 }, years: years([30_000, 30_000, 30_000], [1800, 1800, 1800]) };
    expect(ind(run('kechuang-2024', flat), 'growth').status).toBe('met');
  });

  it('R&D: 5% of three years, or 8,000 万元 in 2024 and 6,000 万元 in 2021', () => {
    // Revenue 60,000 × 3 = 180,000; R&D 2,700 × 3 = 8,100 (4.5%).
    const big = (rd: number) => ({ ...base, ip: { inventionMainBusiness: 7 }, years: years([60_000, 60_000, 60_000], [rd, rd, rd]) });
    expect(ind(run('kechuang-2024', big(2700)), 'rd').status).toBe('met');
    // 2,400 × 3 = 7,200 (4%): over 6,000, under 8,000.
    expect(ind(run('kechuang-2024', big(2400)), 'rd').status).toBe('not_met');
    expect(ind(run('kechuang-2021', big(2400)), 'rd').status).toBe('met');
    // Exactly 5%: 3,000 × 3 of 180,000.
    expect(ind(run('kechuang-2024', big(3000)), 'rd')).toMatchObject({ status: 'met', value: expect.stringContaining('5.00%') });
  });

  it('software: no patent indicator, but R&D of at least 10%', () => {
    const soft = { ...base, ip: { inventionMainBusiness: 0 }, kechuang: { ...base.kechuang, softwareIndustry: true } };
    // 1,200 + 1,500 + 1,800 = 4,500 of 78,000 = 5.77% < 10%: fails although ≥ 5%.
    expect(ind(run('kechuang-2024', soft), 'rd').status).toBe('not_met');
    expect(ind(run('kechuang-2024', soft), 'patents')).toMatchObject({ status: 'met', value: '软件行业，不适用' });
    const rich = { ...soft, years: years([20_000, 26_000, 32_000], [2600, 2600, 2600]) };
    // 7,800 of 78,000 = 10%.
    expect(run('kechuang-2024', rich).result).toBe('pass');
    // Not said whether software: 3 patents cannot be judged.
    const { softwareIndustry: _s, ...notSaid } = base.kechuang;
    const r = run('kechuang-2024', { ...base, ip: { inventionMainBusiness: 3 }, kechuang: notSaid });
    expect(ind(r, 'patents')).toMatchObject({ status: 'unknown', missing: ['是否属于软件行业（kechuang.softwareIndustry）'] });
  });

  it('an exception qualifies despite the four indicators: 50 invention patents, or a national award', () => {
    const weak = { ...base, years: years([20_000, 20_000, 20_000], [500, 500, 500]) };
    expect(run('kechuang-2024', weak).result).toBe('fail');
    const r = run('kechuang-2024', { ...weak, ip: { inventionMainBusiness: 50 } });
    expect(r).toMatchObject({ result: 'pass', route: '例外：形成核心技术和应用于主营业务的发明专利（含国防专利）合计 50 项以上' });
    expect(run('kechuang-2024', { ...weak, ip: { inventionMainBusiness: 49 } }).result).toBe('fail');
    expect(run('kechuang-2024', { ...weak, awards: [{ year: 2010, level: 'national', name: '国家科技进步奖二等奖' }] }).result).toBe(
      'pass',
    );
    expect(run('kechuang-2024', { ...weak, kechuang: { ...base.kechuang, importSubstitution: true } }).result).toBe('pass');
  });

  it('missing data is unknown and named; unanswered exceptions keep a failing enterprise unknown', () => {
    const { rdStaff: _r, ...noStaff } = base;
    const r = run('kechuang-2021', noStaff);
    expect(ind(r, 'rdStaff')).toMatchObject({ status: 'unknown', missing: ['研发人员数（rdStaff）'] });
    expect(r.result).toBe('unknown');
    const open = run('kechuang-2024', { ...base, kechuang: { softwareIndustry: false }, awards: undefined });
    expect(open.result).toBe('unknown');
    expect(open.missing).toEqual([
      '核心技术是否经国家主管部门认定具有国际领先、引领作用或对国家战略有重大意义（kechuang.leadingCoreTech）',
      '获奖情况（awards，没有请填 []）',
      '是否独立或牵头承担国家重大科技专项项目（kechuang.majorProject）',
      '主要产品是否属于关键设备、产品、零部件、材料并实现进口替代（kechuang.importSubstitution）',
    ]);
    const partial = run('kechuang-2024', { ...base, years: base.years.slice(1) });
    expect(ind(partial, 'rd').missing).toEqual([
      '2022 年研发费用（years 中 2022 年的 rdFen）',
      '2022 年营业收入（years 中 2022 年的 revenueFen）',
    ]);
    // 3.2 亿元 in the last year is enough for (4) without 2022.
    expect(ind(partial, 'growth').status).toBe('met');
  });
});
