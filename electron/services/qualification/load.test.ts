import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../../shared/zod-locale';
import { addDays } from '../../../shared/domain/dates';
import { evaluate } from '../../../shared/domain/qualification';
import { qualificationInput } from '../../../shared/schemas/criteria';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { criteriaInForce, getCriteriaSet, loadCriteriaSets } from './load';

describe('shipped qualification criteria', () => {
  it('loads the six sets, each with its source document and dates', () => {
    const all = loadCriteriaSets(DEV_RESOURCES_DIR);
    expect(all.map((s) => s.id)).toEqual([
      'gaoqi-2016',
      'kexiao-2017',
      'chuangxin-2022',
      'zhuanjingtexin-2022',
      'kechuang-2024',
      'kechuang-2021',
    ]);
    for (const s of all) {
      expect(s.source.number.length).toBeGreaterThan(5);
      expect(s.source.title.length).toBeGreaterThan(5);
      // A weak set says what could not be checked.
      if (s.weak) expect(s.note.length).toBeGreaterThan(20);
    }
    expect(getCriteriaSet(DEV_RESOURCES_DIR, 'kexiao-2017').source.number).toBe('国科发政〔2017〕115号');
  });

  it('keeps the 2021 科创属性 version until the day before the 2024 one', () => {
    const v2024 = getCriteriaSet(DEV_RESOURCES_DIR, 'kechuang-2024');
    const v2021 = getCriteriaSet(DEV_RESOURCES_DIR, 'kechuang-2021');
    expect(v2024.effectiveFrom).toBe('2024-04-30');
    expect(v2021.effectiveTo).toBe(addDays(v2024.effectiveFrom, -1));
    expect(criteriaInForce(DEV_RESOURCES_DIR, '2024-04-29').map((s) => s.id)).toContain('kechuang-2021');
    expect(criteriaInForce(DEV_RESOURCES_DIR, '2024-04-29').map((s) => s.id)).not.toContain('kechuang-2024');
    expect(criteriaInForce(DEV_RESOURCES_DIR, '2024-04-30').map((s) => s.id)).toEqual([
      'gaoqi-2016',
      'kexiao-2017',
      'chuangxin-2022',
      'zhuanjingtexin-2022',
      'kechuang-2024',
    ]);
  });

  it('names an unknown set and lists the known ones', () => {
    expect(() => getCriteriaSet(DEV_RESOURCES_DIR, 'gaoqi-2008')).toThrow(/没有编号为 gaoqi-2008 的资质认定标准（可选：gaoqi-2016、/);
  });

  it('refuses a bad edit with the file and the field', () => {
    const t = tempDir();
    try {
      fs.mkdirSync(path.join(t.dir, 'criteria'));
      const src = JSON.parse(fs.readFileSync(path.join(DEV_RESOURCES_DIR, 'criteria', 'gaoqi-2016.json'), 'utf8'));
      src.indicators.techStaff.minPercent = '10%';
      fs.writeFileSync(path.join(t.dir, 'criteria', 'gaoqi-2016.json'), JSON.stringify(src));
      expect(() => loadCriteriaSets(t.dir)).toThrow(/gaoqi-2016\.json 格式有误：indicators\.techStaff\.minPercent/);
      delete src.indicators.techStaff;
      fs.writeFileSync(path.join(t.dir, 'criteria', 'gaoqi-2016.json'), JSON.stringify(src));
      expect(() => loadCriteriaSets(t.dir)).toThrow(/indicators\.techStaff/);
    } finally {
      t.cleanup();
    }
  });
});

describe('the input', () => {
  it('refuses wrong values in Chinese, naming the field', () => {
    const bad = qualificationInput.safeParse({
      employees: -1,
      years: [{ year: 2024, revenueFen: 1.5 }],
      ip: { inventionGranted: 'many' },
    });
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => `${i.path.join('.')}：${i.message}`);
    expect(issues).toContain('employees：职工总数不能小于 0 人');
    expect(issues).toContain('years.0.revenueFen：营业收入应精确到分');
    expect(issues).toContain('ip.inventionGranted：授权发明专利数应为数字');
  });

  it('refuses years that repeat or skip, and staff above the total', () => {
    const issues = (x: unknown) => qualificationInput.safeParse(x).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ years: [{ year: 2024 }, { year: 2024 }] })).toContain('年份不能重复');
    expect(issues({ years: [{ year: 2022 }, { year: 2024 }] })).toContain('年份应连续（如 2022、2023、2024）');
    expect(issues({ employees: 10, techStaff: 11 })).toContain('科技人员数不能大于职工总数');
  });

  it('an empty input is unknown everywhere, never a fail', () => {
    for (const set of loadCriteriaSets(DEV_RESOURCES_DIR)) {
      const r = evaluate(set, qualificationInput.parse({}), '2025-06-30');
      expect(r.result, set.id).toBe('unknown');
      expect(r.missing.length, set.id).toBeGreaterThan(3);
    }
  });
});
