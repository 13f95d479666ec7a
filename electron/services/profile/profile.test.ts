/**
 * 企业画像 through the real runtime: the portfolio and risks from IP records, the steward's facts
 * saved and checked, the self-checks run on them, the report and the bank package printed by
 * Chromium (their text read back with pdftotext) and the package's spreadsheets opened.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, todayIso } from '../../../shared/domain/dates';
import type { ProfileView } from '../../../shared/profile-contract';
import { caller } from '../../../test/support/call';
import { inventionNumber, usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { createChromiumPrinter } from '../../harness/pdf';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';
import { selfCheckAll } from './self-check-all';

const tmp = tempDir();
const printer = createChromiumPrinter();
let rt: Runtime;
const call = caller(() => rt);
const today = todayIso();
const year = Number(today.slice(0, 4));
const NAME = '深圳市画像测试科技有限公司';
let enterpriseId = '';
let caseId = '';

const pdfText = (base64: string) => {
  const file = path.join(tmp.dir, `r-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
};

beforeAll(async () => {
  rt = createRuntime({
    dataDir: tmp.dir,
    version: 'test',
    shell: 'cli',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
    printPdf: printer.print,
  });
  enterpriseId = (
    await call<{ id: string }>('enterpriseSave', {
      name: NAME,
      uscc: usccFor(6601),
      district: '南山',
      industry: '新能源',
      foundedOn: '2015-06-01',
      employees: 120,
      revenueFen: 80_000 * 1_000_000,
    })
  ).id;
  const patent = (n: number, over: Record<string, unknown> = {}) =>
    call('ipSave', {
      enterpriseId,
      kind: 'invention',
      number: inventionNumber(2016 + (n % 5), 5000 + n),
      title: `一种锂电池极片的检测方法 ${n}`,
      filingDate: `${2016 + (n % 5)}-03-01`,
      grantDate: `${2018 + (n % 5)}-06-01`,
      legalStatus: 'granted',
      feePaidThrough: addYears(today, 1),
      owners: [NAME],
      ipcClass: 'H01M 4/13',
      ...over,
    });
  for (let n = 0; n < 7; n++) await patent(n);
  // One fee lapsing in a month, one co-owned, one already pledged.
  await patent(7, { feePaidThrough: addDays(today, 30) });
  await patent(8, { owners: [NAME, '深圳某大学'] });
  await patent(9, { pledged: true });
  caseId = (await call<{ record: { id: string } }>('caseCreate', { enterpriseId, steward: '管家甲', bankOfficer: '' })).record.id;
}, 60_000);

afterAll(async () => {
  await rt.close();
  await printer.close();
  tmp.cleanup();
});

describe('企业画像', () => {
  it('reads the portfolio and its risks from the records', async () => {
    const v = await call<ProfileView>('profileGet', { enterpriseId });
    expect(v.portfolio).toMatchObject({ total: 10, live: 10, coOwned: 1, pledged: 1 });
    expect(v.portfolio.byKind.find((b) => b.label === '发明专利')?.count).toBe(10);
    expect(v.portfolio.ipc[0]).toEqual({ label: 'H01M', count: 10 });
    expect(v.portfolio.risks.map((r) => r.kind).sort()).toEqual(['fee', 'pledged']);
    // Nothing typed yet: the self-checks say what is missing rather than failing on zeros.
    const gaoqi = v.checks.find((c) => c.set.id === 'gaoqi-2016')!;
    expect(gaoqi.result).toBe('unknown');
    expect(gaoqi.missing.join('')).toMatch(/科技人员/);
  });

  it('saves the steward’s facts, refuses impossible ones at their field, and checks on them', async () => {
    const r = await rt.dispatch('profileSave', { enterpriseId, techStaff: 500 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/科技人员数（500 人）不能大于企业员工人数（120 人）/);
    const bad = await rt.dispatch('profileSave', { enterpriseId, years: [{ year, revenueFen: -1 }] });
    expect(bad.ok).toBe(false);
    const years = [0, 1, 2].map((i) => ({
      year: year - 3 + i,
      revenueFen: [50_000, 62_000, 80_000][i]! * 1_000_000,
      rdFen: [3_000, 3_600, 4_400][i]! * 1_000_000,
      netAssetsFen: [20_000, 24_000, 30_000][i]! * 1_000_000,
    }));
    const v = await call<ProfileView>('profileSave', {
      enterpriseId,
      techStaff: 30,
      rdStaff: 20,
      years,
      ip: { inventionMainBusiness: 8 },
      kechuang: { softwareIndustry: false },
    });
    expect(v.facts).toMatchObject({ techStaff: 30, rdStaff: 20 });
    expect(v.growth.years.map((y) => y.rdIntensity?.toFixed(4))).toEqual(['0.0600', '0.0581', '0.0550']);
    // 科创属性 2024: R&D 11,000 万元 of 192,000 万元 (5.73%) ≥ 5%, R&D staff 16.7% ≥ 10%, 8 patents ≥ 7, CAGR 26.5% ≥ 25%.
    const kc = v.checks.find((c) => c.set.id === 'kechuang-2024')!;
    expect(kc.result).toBe('pass');
    expect(v.input.ip?.inventionGranted).toBe(10);
    // The batch over every enterprise reaches the same verdicts as the page.
    const all = selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today);
    expect(all.enterprises).toBe(1);
    for (const c of v.checks) expect(all.bySet.find((s) => s.id === c.set.id)?.[c.result], c.set.id).toBe(1);
  });

  it('prints the report and the bank package; the package holds the PDF and the lists', async () => {
    const report = await call<{ fileName: string; base64: string }>('profileReport', { enterpriseId });
    expect(report.fileName).toMatch(/^企业画像-深圳市画像测试科技有限公司-/);
    const text = pdfText(report.base64);
    expect(text).toMatch(/企业画像与资质自评报告/);
    expect(text).toMatch(/科创属性/);
    expect(text).toMatch(/年费将于/);

    const pkg = await call<{ fileName: string; base64: string }>('bankPackage', { caseId, format: 'zip' });
    const files = unzipSync(new Uint8Array(Buffer.from(pkg.base64, 'base64')));
    expect(Object.keys(files).sort()).toEqual(
      [`${pkg.fileName.replace(/\.zip$/, '')}.pdf`, '拟质押知识产权清单.xlsx', '材料清单.xlsx', '资质自评.xlsx'].sort(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files['资质自评.xlsx'] as never);
    const rows = wb.worksheets[0]!.getSheetValues().flat().join('|');
    expect(rows).toMatch(/研发人员/);
    const pdf = await call<{ base64: string }>('bankPackage', { caseId, format: 'pdf' });
    expect(pdfText(pdf.base64)).toMatch(/材料清单与待确认事项/);
  }, 60_000);
});
