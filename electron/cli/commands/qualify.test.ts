import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { runCli } from '../run';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const WAN = 1_000_000;
/** The README's worked example (money in fen). */
const EXAMPLE = {
  asOf: '2025-06-30',
  name: '示例科技有限公司',
  district: '南山',
  foundedOn: '2018-03-01',
  employees: 120,
  techStaff: 36,
  rdStaff: 30,
  years: [
    {
      year: 2022,
      revenueFen: 4000 * WAN,
      mainRevenueFen: 3800 * WAN,
      rdFen: 260 * WAN,
      domesticRdFen: 260 * WAN,
      netAssetsFen: 2000 * WAN,
    },
    {
      year: 2023,
      revenueFen: 4600 * WAN,
      mainRevenueFen: 4400 * WAN,
      rdFen: 300 * WAN,
      domesticRdFen: 300 * WAN,
      netAssetsFen: 2400 * WAN,
    },
    {
      year: 2024,
      revenueFen: 5200 * WAN,
      mainRevenueFen: 5000 * WAN,
      rdFen: 340 * WAN,
      domesticRdFen: 340 * WAN,
      highTechRevenueFen: 4200 * WAN,
      costsFen: 4500 * WAN,
      netAssetsFen: 2900 * WAN,
      totalAssetsFen: 6000 * WAN,
      totalLiabilitiesFen: 3100 * WAN,
      netProfitFen: 520 * WAN,
    },
  ],
  ip: {
    inventionGranted: 6,
    inventionMainBusiness: 6,
    class1: 6,
    class1OwnRd: 6,
    class1HighValue: 0,
    utility: 12,
    design: 2,
    software: 5,
    ownRd: true,
  },
  techConversions: 15,
  equity: [],
  awards: [],
  standards: [{ year: 2023, level: 'group', lead: false }],
  rdInstitutions: [{ level: 'municipal', name: '深圳市工程技术研究中心' }],
  honours: ['高新技术企业'],
  declarations: {
    residentEnterprise: true,
    sme: true,
    goodStanding: true,
    notRestrictedIndustry: true,
    ownsCoreIp: true,
    inKeyField: true,
  },
  market: {
    nicheYears: 7,
    strategicEmerging: true,
    productField: 'other',
    digitalLevel: 2,
    provincialQualityAward: false,
    qualityCertified: true,
    ownBrand: true,
    chuangkeTop500: false,
  },
  selfScores: { techAdvancement: 7, coreSupport: 7, rdManagement: 16, localIndicators: 8 },
  kechuang: { softwareIndustry: false, leadingCoreTech: false, majorProject: false, importSubstitution: false },
};

const write = (name: string, content: unknown) => {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

interface Indicator {
  key: string;
  status: string;
  value: string;
  points?: number;
}
interface Output {
  asOf: string;
  results: {
    set: { id: string; inForce: boolean };
    result: string;
    route?: string;
    score?: { points: number | null; low: number; high: number };
    indicators: Indicator[];
  }[];
}
const byKey = (r: Output['results'][number], key: string) => r.indicators.find((i) => i.key === key)!;

describe('cli qualify', () => {
  it('evaluates the README example against every set in force, as a user runs it', async () => {
    const { stdout } = await exec(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'qualify', write('example.json', EXAMPLE)],
      { cwd: root },
    );
    const out = JSON.parse(stdout) as Output;
    expect(out.asOf).toBe('2025-06-30');
    expect(out.results.map((r) => `${r.set.id}:${r.result}`)).toEqual([
      'gaoqi-2016:pass',
      'kexiao-2017:pass',
      'chuangxin-2022:pass',
      'zhuanjingtexin-2022:pass',
      'kechuang-2024:fail',
    ]);
    const [gaoqi, kexiao, chuangxin, zjtx, kechuang] = out.results as [
      Output['results'][number],
      Output['results'][number],
      Output['results'][number],
      Output['results'][number],
      Output['results'][number],
    ];
    // 高企: R&D 900 of 13,800 万元 = 6.52% against 4% (5,200 万元 > 5,000); score
    // (7 + 7 + 7–8 + 1–6) + 25–30 + 16 + 5–6 (20.42%) + 3–4 (14.02%) = 71–84.
    expect(byKey(gaoqi, 'rdRatio')).toMatchObject({ status: 'met', value: '6.52%' });
    expect(gaoqi.score).toMatchObject({ low: 71, high: 84 });
    // 科技型: 20 + 50 + 30, and the 高企 certificate qualifies directly.
    expect(kexiao.score!.points).toBe(100);
    expect(kexiao.route).toBe('直接确认：拥有有效期内高新技术企业资格证书');
    // 创新型: 15 + 10 + 15 + 10 + 10 + 20.
    expect(chuangxin.score!.points).toBe(80);
    // 专精特新: 18 + 21 + 8 + 23.
    expect(zjtx.score!.points).toBe(70);
    expect(byKey(zjtx, 'score.debt')).toMatchObject({ value: '51.67%', points: 3 });
    // 科创属性 2024: 6 patents < 7; 5,200 / 4,000 = 1.3 < 1.25² and under 3 亿元.
    expect(byKey(kechuang, 'patents').status).toBe('not_met');
    expect(byKey(kechuang, 'growth')).toMatchObject({ status: 'not_met', value: '复合增长率 14.02%，2024 年营业收入 5,200 万元' });
  }, 30_000);

  it('evaluates one set with --set, an earlier version too', async () => {
    const r = await runCli(['qualify', write('one.json', EXAMPLE), '--set', 'kechuang-2021']);
    expect(r.exitCode).toBe(0);
    const out = r.output as Output;
    expect(out.results).toHaveLength(1);
    expect(out.results[0]!.set).toMatchObject({ id: 'kechuang-2021', inForce: false });
    // 6 ≥ 5 patents here, but 1.3 < 1.2² = 1.44 and under 3 亿元.
    expect(byKey(out.results[0]!, 'patents').status).toBe('met');
    expect(out.results[0]!.result).toBe('fail');
  });

  it('refuses bad input with exit 1, naming the field in Chinese', async () => {
    const bad = await runCli(['qualify', write('bad.json', { ...EXAMPLE, employees: -3, years: [{ year: 2024, revenueFen: 12.5 }] })]);
    expect(bad.exitCode).toBe(1);
    const error = (bad.output as { error: string }).error;
    expect(error).toMatch(/^输入不正确：/);
    expect(error).toContain('employees：职工总数不能小于 0 人');
    expect(error).toContain('years.0.revenueFen：营业收入应精确到分');
    const extra = await runCli(['qualify', write('extra.json', { ...EXAMPLE, staff: 3 })]);
    expect(extra.exitCode).toBe(1);
    expect((extra.output as { error: string }).error).toContain('staff');
  });

  it('refuses an unknown set with exit 1, listing the known ones', async () => {
    const r = await runCli(['qualify', write('x.json', {}), '--set', 'gaoqi-2008']);
    expect(r).toMatchObject({ exitCode: 1, output: { error: expect.stringContaining('没有编号为 gaoqi-2008 的资质认定标准') } });
  });

  it('answers usage errors with exit 2', async () => {
    expect(await runCli(['qualify'])).toMatchObject({ exitCode: 2 });
    expect(await runCli(['qualify', path.join(tmp.dir, 'missing.json')])).toMatchObject({ exitCode: 2 });
    expect(await runCli(['qualify', write('notjson.json', '{ years: ')])).toMatchObject({
      exitCode: 2,
      output: { error: expect.stringContaining('不是有效的 JSON') },
    });
    expect(await runCli(['qualify', write('y.json', {}), '--set'])).toMatchObject({ exitCode: 2 });
  });
});
