/**
 * The officer's dashboard in Chromium over a store whose figures are worked out by hand
 * (test/support/stats-fixture.ts): the year's numbers, a district filter, a drill-down from a
 * segment to the cases behind it, and both report formats downloaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStatsFixture } from '../test/support/stats-fixture';
import { openDatabase } from '../electron/services/db/connection';
import { openSession, type E2eSession } from './support/session';

describe('the officer dashboard in Chromium', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openSession({
      prepare: (dir) => {
        const db = openDatabase({ file: path.join(dir, 'ipf-desk.sqlite') }).db;
        seedStatsFixture(db);
        db.close();
      },
    });
    await s.page.goto(`${s.harness.url}#/dashboard`);
  });
  afterAll(() => s.close());

  it('shows the year with 同比 in words and every table', async () => {
    await s.page.getByText('质押登记笔数').waitFor();
    // The fixture's 2026 (this year): three registrations, 623.46 万元, +50.0%.
    await s.page.getByText('3 笔').waitFor();
    await s.page.getByText('同比 +50.0%').waitFor();
    await s.page.getByText('上年同期为 0').first().waitFor();
    await s.page.waitForTimeout(500); // charts finish their first paint
    await s.screenshot('dashboard-year');
    await s.screenshot('dashboard-year-full', { fullPage: true });
  });

  it('filters by district and drills down from a segment to exactly its cases', async () => {
    await s.page.getByRole('combobox', { name: '所属区' }).click();
    await s.page.getByTitle('宝安').click();
    await s.page.keyboard.press('Escape');
    await s.page.getByText('1 笔').waitFor();
    await s.screenshot('dashboard-baoan');
    await s.page.getByRole('row', { name: /宝安/ }).first().click();
    await s.page.getByText(/来自统计看板：登记日期 2026-01-01 至 2026-12-31 · 区：宝安/).waitFor();
    await s.page.getByText('共 1 件').waitFor();
    await s.page.getByText('深圳市看板宝安有限公司').waitFor();
    await s.screenshot('dashboard-drill');
    await s.page.getByRole('button', { name: '查看全部案件' }).click();
    await s.page.getByText(/来自统计看板/).waitFor({ state: 'detached' });
  });

  it('sets a district target, refusing a wrong value at its field, and shows the progress', async () => {
    await s.page.goto(`${s.harness.url}#/dashboard`);
    await s.page.getByText('尚未设置 2026 年目标').waitFor();
    await s.page.getByRole('button', { name: '设置目标' }).click();
    const count = s.page.getByRole('textbox', { name: '南山目标笔数' });
    await count.fill('-2');
    await s.page.getByRole('textbox', { name: '南山目标金额' }).fill('1000.5');
    await s.page.getByRole('button', { name: /保\s*存/ }).click();
    await s.page.getByText('目标笔数不能小于 0').waitFor();
    await s.screenshot('dashboard-target-refused');
    await count.fill('4');
    await s.page.getByRole('button', { name: /保\s*存/ }).click();
    await s.page.getByText('2026 年 1 月 1 日起至本期末 · 设有目标的区：南山').waitFor();
    // 南山 registered 2 of 4 and 523.46 of 1,000.5 万元 in 2026.
    await s.page.getByText('2 笔 / 4 笔（50.0%）').waitFor();
    await s.page.getByText('523.46 万元 / 1,000.5 万元（52.3%）').waitFor();
    await s.page.waitForTimeout(300);
    await s.screenshot('dashboard-targets');
  });

  it('exports the annual report as Excel and PDF', async () => {
    await s.page.goto(`${s.harness.url}#/dashboard`);
    await s.page.getByText('质押登记笔数').first().waitFor();
    const downloads: Download[] = [];
    s.page.on('download', (d) => downloads.push(d));
    for (const [button, ext, magic] of [
      ['导出年报 Excel', 'xlsx', 'PK'],
      ['导出年报 PDF', 'pdf', '%PDF-'],
    ] as const) {
      const before = downloads.length;
      await s.page.getByRole('button', { name: button }).click();
      await s.page.getByText(`已导出 全市-质押融资年度报告-2026.${ext}`).waitFor({ timeout: 60_000 });
      await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(before + 1);
      const d = downloads.at(-1)!;
      expect(d.suggestedFilename()).toBe(`全市-质押融资年度报告-2026.${ext}`);
      const file = await d.path();
      expect(fs.readFileSync(file).subarray(0, magic.length).toString()).toBe(magic);
    }
    expect(s.errors).toEqual([]);
  }, 120_000);
});
