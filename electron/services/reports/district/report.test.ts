/**
 * The district reports through the app's own calls: built in a worker, their figures equal the
 * dashboard's for the same filter (the .xlsx read back cell by cell, the PDF's HTML by text),
 * and the PDF printed by real Chromium with a header and page numbers.
 */
import type { LoanList } from '../../../../shared/contract';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growthText } from '../../../../shared/domain/stats';
import { formatWan } from '../../../../shared/money';
import type { JobStatusView } from '../../../../shared/types/jobs';
import type { DashboardView } from '../../../../shared/types/stats';
import { caller, finishJob } from '../../../../test/support/call';
import { seedStatsFixture } from '../../../../test/support/stats-fixture';
import { tempDir } from '../../../../test/support/temp';
import { createChromiumPrinter } from '../../../harness/pdf';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../../runtime';

const tmp = tempDir();
const printer = createChromiumPrinter();
let rt: Runtime;
const call = caller(() => rt);

beforeAll(() => {
  rt = createRuntime({
    dataDir: tmp.dir,
    version: 't',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
    printPdf: printer.print,
  });
  seedStatsFixture(rt.db!);
});
afterAll(async () => {
  await rt.close();
  await printer.close();
  tmp.cleanup();
});

async function report(input: Record<string, unknown>) {
  const job = await call<JobStatusView>('reportStart', input);
  const { final, seen } = await finishJob(call, job);
  expect(final.state, final.error?.message).toBe('done');
  return { result: JSON.parse(final.resultJson!) as { fileName: string; base64?: string; html?: string }, seen, id: job.id };
}

describe('district reports', () => {
  it('writes the annual report as .xlsx whose every figure is the dashboard’s', async () => {
    const screen = await call<DashboardView>('dashboard', { from: '2026-01-01', to: '2026-12-31' });
    const { result } = await report({ kind: 'annual', period: '2026', format: 'xlsx' });
    expect(result.fileName).toBe('全市-质押融资年度报告-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result.base64!, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概要',
      '月度',
      '按区',
      '按银行',
      '按知识产权类型',
      '贴息',
      '管家工作量',
      '贷后',
      '白名单转化',
    ]);
    const summary = wb.getWorksheet('概要')!;
    expect(summary.getCell('A1').value).toBe('深圳市知识产权质押融资年度报告 · 2026年 · 深圳市（全部区）');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(summary.getCell('B4').value).toBe(screen.registrations.total.count);
    expect(summary.getCell('B5').value).toBe(screen.registrations.total.amountFen / 1_000_000);
    expect(summary.getCell('B5').numFmt).toContain('万元');
    expect(summary.getCell('C4').value).toBe(0.5);
    const districts = wb.getWorksheet('按区')!;
    const rows = screen.registrations.byDistrict.map((s, i) => {
      const r = districts.getRow(4 + i);
      return [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value, r.getCell(4).value];
    });
    expect(rows).toEqual(
      screen.registrations.byDistrict.map((s) => [
        s.key,
        s.count,
        s.countGrowth.kind === 'ratio' ? s.countGrowth.value : growthText(s.countGrowth),
        s.amountFen / 1_000_000,
      ]),
    );
    const months = wb.getWorksheet('月度')!;
    expect(months.rowCount).toBe(3 + 12);
    // 贷后 as it stands today: the same figures as the 贷后管理 page's.
    const loans = await call<LoanList>('loansList', { search: '', includeClosed: true });
    const after = wb.getWorksheet('贷后')!;
    expect([2, 3, 4, 8].map((c) => after.getRow(4).getCell(c).value)).toEqual([
      '合计',
      loans.figures.total.loans,
      loans.figures.total.outstandingFen / 1_000_000,
      loans.figures.total.defaults,
    ]);
  });

  it('prints the monthly district report as a PDF with its figures, header and page numbers', async () => {
    const screen = await call<DashboardView>('dashboard', { from: '2026-05-01', to: '2026-05-31', districts: ['南山'] });
    const { result, id } = await report({ kind: 'monthly', period: '2026-05', district: '南山', format: 'pdf' });
    expect(result.html).toContain('南山知识产权质押融资月度报告');
    expect(result.html).toContain(`质押登记笔数<b>${screen.registrations.total.count} 笔</b>`);
    expect(result.html).toContain(formatWan(screen.registrations.total.amountFen));
    expect(result.html).toContain('<svg');
    const pdf = await call<{ fileName: string; base64: string }>('reportPrint', { id });
    expect(pdf.fileName).toBe('南山-质押融资月度报告-2026-05.pdf');
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  }, 60_000);

  it('refuses a malformed period at its field and nothing is built', async () => {
    const r = await rt.dispatch('reportStart', { kind: 'monthly', period: '2026-13', format: 'pdf' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const job = await call<JobStatusView>('reportStart', { kind: 'monthly', period: '2026', format: 'xlsx' });
    const { final } = await finishJob(call, job);
    expect(final).toMatchObject({ state: 'failed', error: { message: '月报的期间应写作 2024-03' } });
  });

  it('carries the year’s district targets as the dashboard shows them, in the .xlsx and the PDF', async () => {
    await call('targetSave', { district: '南山', year: 2026, registrations: 4, amountFen: 1_000_000_000 });
    const screen = await call<DashboardView>('dashboard', { from: '2026-01-01', to: '2026-12-31' });
    const t = screen.targets!;
    expect(t.registrations).toMatchObject({ target: 4, actual: 2 });
    const { result } = await report({ kind: 'annual', period: '2026', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result.base64!, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('年度目标')!;
    const row = (n: number) => [1, 2, 3, 4].map((c) => sheet.getRow(n).getCell(c).value);
    expect(row(4)).toEqual(['质押登记笔数', 4, 2, 0.5]);
    expect(row(5)).toEqual(['登记金额（万元）', 1000, t.amountFen!.actual / 1_000_000, t.amountFen!.share]);
    const pdf = await report({ kind: 'annual', period: '2026', format: 'pdf' });
    expect(pdf.result.html).toContain('2026 年目标（南山）：登记 2 笔 / 目标 4 笔（完成 50.0%）');
  }, 60_000);
});
