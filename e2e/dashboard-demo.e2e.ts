/**
 * 统计看板 as a new user sees it on demo data in Chromium: a full dashboard, a district filter,
 * a drill-down from a bar of the monthly chart to exactly the cases registered that month, and
 * both report formats exported (the PDF's first page rendered to PNG to be looked at).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView } from '../shared/types/stats';
import { openDemoSession } from './support/demo-session';
import type { E2eSession } from './support/session';

const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = TODAY.slice(0, 4);

describe('统计看板 on demo data in Chromium', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openDemoSession(300);
  }, 180_000);
  afterAll(() => s.close());

  it('shows the year, filters by district and drills down from a bar of the monthly chart', async () => {
    const view = (await s.runtime.dispatch('dashboard', { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` })) as {
      ok: true;
      value: DashboardView;
    };
    expect(view.ok).toBe(true);
    const months = view.value.registrations.byMonth;
    expect(view.value.registrations.total.count).toBeGreaterThan(0);
    await s.page.goto(`${s.harness.url}#/dashboard`);
    await s.page.getByText(`${view.value.registrations.total.count} 笔`).first().waitFor();
    await s.page.waitForTimeout(500);
    await s.screenshot('dashboard-demo');

    // The month with the most registrations: its bar, clicked where it rises from the axis.
    const busiest = months.reduce((best, m, i) => (m.count > months[best]!.count ? i : best), 0);
    const chart = s.page.getByRole('img', { name: '月度质押登记' });
    const box = (await chart.boundingBox())!;
    // The chart's grid: 50 px left, 60 px right, 30 px bottom (DashboardPage.tsx).
    const x = box.x + 50 + ((busiest + 0.5) * (box.width - 110)) / months.length;
    await s.page.mouse.click(x, box.y + box.height - 34);
    await s.page.getByText(/来自统计看板：登记日期/).waitFor();
    await s.page.getByText(`共 ${months[busiest]!.count} 件`).waitFor();
    await s.screenshot('dashboard-demo-drill');

    await s.page.goto(`${s.harness.url}#/dashboard`);
    await s.page.getByRole('combobox', { name: '所属区' }).click();
    await s.page.getByTitle('南山').click();
    await s.page.keyboard.press('Escape');
    const ns = view.value.registrations.byDistrict.find((d) => d.key === '南山');
    await s.page
      .getByText(`${ns?.count ?? 0} 笔`)
      .first()
      .waitFor();
    await s.page.waitForTimeout(500);
    await s.screenshot('dashboard-demo-nanshan');
  }, 120_000);

  it('exports the annual report as Excel and PDF', async () => {
    await s.page.goto(`${s.harness.url}#/dashboard`);
    await s.page.getByText('质押登记笔数').first().waitFor();
    const downloads: Download[] = [];
    s.page.on('download', (d) => downloads.push(d));
    for (const [button, ext] of [
      ['导出年报 Excel', 'xlsx'],
      ['导出年报 PDF', 'pdf'],
    ] as const) {
      const before = downloads.length;
      await s.page.getByRole('button', { name: button }).click();
      await s.page.getByText(new RegExp(`已导出 .*质押融资年度报告-${YEAR}\\.${ext}`)).waitFor({ timeout: 60_000 });
      await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(before + 1);
    }
    const pdf = await downloads.at(-1)!.path();
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // The first page as an image, to be looked at with the screenshots.
    const out = path.resolve('.e2e-artifacts/dashboard-demo-report');
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, out]);
    } catch {
      // pdftoppm (poppler-utils) is optional: the PDF itself was checked above.
    }
    expect(s.errors).toEqual([]);
  }, 120_000);
});
