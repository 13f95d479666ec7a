import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../electron/services/db/connection';
import { generateDemo } from '../electron/services/demo/generate';
import { ARTIFACTS, openSession, type E2eSession } from './support/session';

describe('valuation in Chromium', () => {
  let s: E2eSession;
  let enterprise: { name: string; id: string };
  beforeAll(async () => {
    s = await openSession({
      prepare: (dir) => {
        const { db } = openDatabase({ file: path.join(dir, 'ipf-desk.sqlite') });
        generateDemo(db, {
          enterprises: 40,
          today: '2026-11-22',
          ctx: { actor: '演示', now: '2026-11-22T00:00:00.000Z' },
          seed: 11,
          cases: false,
        });
        enterprise = db
          .prepare(
            "SELECT e.name, e.id FROM enterprises e WHERE (SELECT count(*) FROM ip_assets a WHERE a.enterprise_id = e.id AND a.kind = 'invention' AND a.expires_on > '2027-01-01') >= 2 LIMIT 1",
          )
          .get() as { name: string; id: string };
        db.close();
      },
    });
    // The enterprise has an open service case, so the run can be attached to it.
    await s.runtime.dispatch('caseCreate', { enterpriseId: enterprise.id });
    await s.page.goto(`${s.harness.url}#/valuation`);
  });
  afterAll(() => s.close());

  it('values a demo enterprise portfolio with progress, range and loan figure, and keeps the run', async () => {
    await s.page.getByText('先选择一家企业').waitFor();
    await s.page.getByRole('combobox', { name: '企业' }).fill(enterprise.name.slice(3, 7));
    await s.page.locator('.ant-select-item-option').filter({ hasText: enterprise.name }).click();
    await s.page.getByText('选择要评估的知识产权').waitFor();
    const inputs = s.page.getByRole('textbox', { name: /首年收入/ });
    await inputs.first().waitFor();
    const count = await inputs.count();
    for (let i = 0; i < Math.min(2, count); i++) await inputs.nth(i).fill(String(800 + i * 400));
    const rows = s.page.locator('.ant-table-row .ant-checkbox-wrapper');
    for (let i = 0; i < Math.min(2, count); i++) await rows.nth(i).click();
    await s.page.getByRole('combobox', { name: /银行产品/ }).click();
    await s.page.locator('.ant-select-item-option').filter({ hasText: '中国银行' }).click();
    await s.page.getByRole('button', { name: '开始估值' }).click();
    const result = s.page.getByTestId('valuation-result');
    await result.waitFor({ timeout: 30_000 });
    await expect(result.textContent()).resolves.toMatch(/组合评估值.*保守值 P10.*可支持贷款额度/s);
    await s.page.waitForTimeout(500);
    await s.screenshot('valuation-page');
    await result.scrollIntoViewIfNeeded();
    await s.screenshot('valuation-result');
    expect(s.runtime.db!.prepare('SELECT count(*) FROM valuations WHERE enterprise_id = ?').pluck().get(enterprise.id)).toBe(1);
    await s.page.getByRole('button', { name: '关联到服务案件' }).click();
    await s.page.getByText('已关联到服务案件').waitFor();
    expect(
      s.runtime
        .db!.prepare(
          'SELECT c.valuation_id = v.id FROM cases c JOIN valuations v ON v.enterprise_id = c.enterprise_id WHERE c.enterprise_id = ?',
        )
        .pluck()
        .get(enterprise.id),
    ).toBe(1);
    await s.page.getByText('查看', { exact: true }).first().click();
    await s.page.getByText(/引擎 \d+\.\d+\.\d+ · 指标集 gbt42748-financing@2026\.1/).waitFor();
    const download = s.page.waitForEvent('download');
    await s.page.getByRole('button', { name: '导出 PDF 报告' }).click();
    const file = await (await download).path();
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    fs.copyFileSync(file, path.join(ARTIFACTS, 'valuation-report.pdf'));
    expect(s.errors).toEqual([]);
  });
});
