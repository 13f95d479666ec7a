/**
 * 企业画像 in Chromium on demo data: a demo enterprise's profile with its charts and self-checks,
 * its facts typed (a wrong value refused at its field), the self-check run again on them, the
 * report exported as PDF (its first page rendered for a look), and the case's bank package as a
 * .zip holding the PDF and the lists.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../shared/types/case';
import type { Page } from '../shared/types/records';
import { openDemoSession } from './support/demo-session';
import { ARTIFACTS, type E2eSession } from './support/session';

describe('企业画像 on demo data in Chromium', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openDemoSession(60);
  }, 180_000);
  afterAll(() => s.close());

  it('shows the profile, checks the qualifications on typed facts, exports the report and the bank package', async () => {
    const r = await s.runtime.dispatch('casesList', { offset: 0, limit: 50 });
    if (!r.ok) throw new Error(r.error.message);
    const c = (r.value as Page<CaseSummary>).rows.find((x) => x.stage !== 'closed') ?? (r.value as Page<CaseSummary>).rows[0]!;
    const { page } = s;
    await page.goto(`${s.harness.url}#/whitelist/profile/${c.enterpriseId}`);
    await page.getByTestId('profile-page').waitFor();
    await page.getByText('资质自评').first().waitFor();
    await page.getByText('高新技术企业').first().waitFor();
    await s.screenshot('profile-page');

    // Facts typed: a negative revenue is refused at its field; the right figures are kept and checked.
    await page.getByRole('button', { name: '补充数据' }).click();
    const drawer = page.getByRole('dialog');
    const year = new Date().getFullYear();
    await drawer.getByLabel(`${year - 1} 年营业收入`).fill('-5');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer
      .getByText(/营业收入.*(不能|应)/)
      .first()
      .waitFor();
    await s.screenshot('profile-editor-refused');
    for (const [i, rev, rd] of [
      [3, '5000', '400'],
      [2, '6500', '480'],
      [1, '8200', '600'],
    ] as const) {
      await drawer.getByLabel(`${year - i} 年营业收入`).fill(rev);
      await drawer.getByLabel(`${year - i} 年研发费用`).fill(rd);
    }
    await drawer.getByLabel('科技人员数').fill('30');
    await drawer.getByLabel('研发人员数').fill('20');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('企业画像数据已保存').waitFor();
    await page.getByText(`${year - 1} 年研发强度 7.3%`).waitFor();
    await page
      .getByTestId('qualification-checks')
      .getByText(/科创属性/)
      .first()
      .click();
    await s.screenshot('profile-checks');

    // The report, as the bank would receive it.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出画像报告（PDF）' }).click();
    const pdf = path.join(ARTIFACTS, 'profile-report.pdf');
    await (await download).saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toMatch(/企业画像与资质自评报告/);
    expect(text).toMatch(/资质自评/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(ARTIFACTS, 'profile-report-page')]);

    // The bank package of the case: a .zip with the PDF and the lists.
    await page.goto(`${s.harness.url}#/cases/${c.id}`);
    await page.getByRole('tab', { name: '贷前指导' }).click();
    const zipDownload = page.waitForEvent('download');
    await page.getByTestId('bank-package').getByRole('button', { name: /ZIP/ }).click();
    const zip = path.join(ARTIFACTS, 'bank-package.zip');
    await (await zipDownload).saveAs(zip);
    const files = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(zip))));
    expect(files).toContain('资质自评.xlsx');
    expect(files).toContain('拟质押知识产权清单.xlsx');
    expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
    await s.screenshot('bank-package');
    expect(s.errors).toEqual([]);
  }, 180_000);

  it('self-checks every enterprise from the dashboard, with the counts per set', async () => {
    const { page } = s;
    await page.goto(`${s.harness.url}#/dashboard`);
    const card = page.locator('.ant-card').filter({ hasText: '资质自评概览' });
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByText(/数据缺失的企业计为/).isVisible()).resolves.toBe(true);
    await card.getByRole('button', { name: '开始自评' }).click();
    await card.getByText(/共 \d+ 家企业，自评日期/).waitFor();
    const n = Number((await card.getByText(/共 \d+ 家企业/).textContent())!.match(/共 (\d+) 家/)![1]);
    const count = await s.runtime.dispatch('enterprisesList', { offset: 0, limit: 1 });
    if (!count.ok) throw new Error(count.error.message);
    expect(n).toBe((count.value as Page<unknown>).total);
    await expect(card.getByRole('cell', { name: /高新技术企业/ }).count()).resolves.toBeGreaterThan(0);
    await expect(card.getByRole('button', { name: '重新自评' }).isEnabled()).resolves.toBe(true);
    await card.screenshot({ path: path.join(ARTIFACTS, 'self-check-overview.png') });
    expect(s.errors).toEqual([]);
  }, 120_000);
});
