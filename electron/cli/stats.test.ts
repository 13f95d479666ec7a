import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedStatsFixture } from '../../test/support/stats-fixture';
import { tempDir } from '../../test/support/temp';
import { openDatabase } from '../services/db/connection';
import { runCli } from './run';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('stats from the command line', () => {
  it('prints the year’s figures as the dashboard computes them, 同比 also in words, and refuses a bad year', async () => {
    const file = path.join(tmp.dir, 's.sqlite');
    const db = openDatabase({ file }).db;
    seedStatsFixture(db);
    db.close();
    const all = await runCli(['stats', '--year', '2026', '--db', file]);
    expect(all.exitCode).toBe(0);
    expect(all.output).toMatchObject({
      period: { from: '2026-01-01', to: '2026-12-31' },
      registrations: { total: { count: 3, amountFen: 623_456_789, countGrowthText: '+50.0%' } },
    });
    const baoan = await runCli(['stats', '--year', '2026', '--district', '宝安', '--db', file]);
    expect(baoan.output).toMatchObject({
      registrations: { total: { count: 1, amountFen: 100_000_000 }, byDistrict: [{ key: '宝安', countGrowthText: '上年同期为 0' }] },
    });
    expect(await runCli(['stats', '--year', '26', '--db', file])).toMatchObject({ exitCode: 2 });
    expect(await runCli(['stats', '--year', '2026', '--district', '广州', '--db', file])).toMatchObject({ exitCode: 2 });
  });

  it('writes the annual report as .xlsx and the monthly one as PDF, and refuses a bad period or district', async () => {
    const file = path.join(tmp.dir, 'r.sqlite');
    const db = openDatabase({ file }).db;
    seedStatsFixture(db);
    db.close();
    const xlsx = path.join(tmp.dir, 'annual.xlsx');
    expect(await runCli(['report', 'annual', '--period', '2026', '--format', 'xlsx', '--out', xlsx, '--db', file])).toMatchObject({
      exitCode: 0,
      output: { report: '全市-质押融资年度报告-2026.xlsx' },
    });
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(tmp.dir, 'monthly.pdf');
    expect(
      await runCli(['report', 'monthly', '--period', '2026-05', '--district', '南山', '--format', 'pdf', '--out', pdf, '--db', file]),
    ).toMatchObject({
      exitCode: 0,
    });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await runCli(['report', 'monthly', '--period', '2026', '--format', 'xlsx', '--out', xlsx, '--db', file])).toMatchObject({
      exitCode: 1,
      output: { error: { code: 'INVALID_INPUT', message: '月报的期间应写作 2024-03' } },
    });
    expect(await runCli(['report', 'annual', '--period', '2026', '--district', '广州', '--out', xlsx, '--db', file])).toMatchObject({
      exitCode: 2,
    });
  }, 60_000);
});
