import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badUscc, usccFor, xlsx } from '../test/support/sheets';
import { openSession, type E2eSession } from './support/session';

describe('enterprises and whitelist in Chromium', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openSession();
    await s.page.goto(`${s.harness.url}#/whitelist`);
  });
  afterAll(() => s.close());

  it('shows an empty list that says how to start', async () => {
    await s.page.getByText('还没有企业').waitFor();
    await s.screenshot('enterprises-empty');
  });

  it('imports a file with bad rows and shows the row report in Chinese', async () => {
    const header = ['企业名称', '统一社会信用代码', '所属区', '上年营收（万元）', '资质'];
    const rows = [
      header,
      ...Array.from({ length: 8 }, (_, i) => [
        `深圳市端到端${i}科技有限公司`,
        usccFor(i + 1),
        i % 2 ? '南山' : '宝安区',
        100 * (i + 1),
        '高新',
      ]),
      ['深圳市坏码科技有限公司', badUscc(50), '南山', 1, ''],
      ['深圳市外地科技有限公司', usccFor(51), '广州', 1, ''],
    ];
    await s.page.getByRole('tab', { name: '导入' }).click();
    await s.page.locator('input[type=file]').setInputFiles({
      name: '摸排企业.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await xlsx(rows)),
    });
    await s.page.getByText('摸排企业.xlsx：10 行数据').waitFor();
    await s.screenshot('import-mapping');
    await s.page.getByRole('button', { name: /^预\s*检$/ }).click();
    await s.page.getByText('预检结果').waitFor();
    const report = s.page.getByTestId('import-errors');
    await expect(report.textContent()).resolves.toContain('校验码错误');
    await expect(report.textContent()).resolves.toContain('所属区“广州”无效');
    await s.screenshot('import-dry-run');
    expect(s.runtime.db!.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(0);
    await s.page.getByRole('button', { name: '开始导入' }).click();
    await s.page.getByText('导入完成').waitFor();
    await expect(s.page.getByTestId('import-errors').locator('tbody tr').count()).resolves.toBe(2);
    await s.screenshot('import-done');
    expect(s.runtime.db!.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(8);
  });

  it('filters the list by district and by pinyin initials, then exports exactly that', async () => {
    await s.page.getByRole('tab', { name: '企业' }).click();
    await s.page.getByText('共 8 条').waitFor();
    await s.page.getByRole('combobox', { name: '所属区' }).click();
    await s.page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^南山$/ })
      .click();
    await s.page.keyboard.press('Escape');
    await s.page.getByText('共 4 条').waitFor();
    await s.page.getByPlaceholder(/拼音首字母/).fill('szsddd3');
    await s.page.getByText('共 1 条').waitFor();
    await s.screenshot('enterprises-filtered');
    const download = s.page.waitForEvent('download');
    await s.page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('企业名称');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('深圳市端到端3科技有限公司');
  });

  it('loads demo data from the UI and shows the officer overview', async () => {
    await s.page.getByRole('button', { name: '重置筛选' }).click();
    await s.page.getByRole('button', { name: '载入演示数据' }).click();
    await s.page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await s.page.getByText('共 308 条').waitFor({ timeout: 30_000 });
    await s.page.getByRole('tab', { name: '概览' }).click();
    await s.page.getByText('白名单漏斗').waitFor();
    await s.page.waitForTimeout(600);
    await s.screenshot('overview');
    expect(s.errors).toEqual([]);
  });

  it('is usable from the keyboard: tabbing through the headers keeps the body under them, Enter opens a row', async () => {
    await s.page.getByRole('tab', { name: '企业' }).click();
    await s.page.getByText('共 308 条').waitFor();
    const columnsLineUp = () =>
      s.page.evaluate(() => {
        const heads = [...document.querySelectorAll('.ant-table-thead th')].slice(0, 8);
        const cells = [...(document.querySelector('.ant-table-row')?.children ?? [])];
        return heads.every((h, i) => Math.abs(h.getBoundingClientRect().x - (cells[i]?.getBoundingClientRect().x ?? -1e6)) < 1);
      });
    await s.page.locator('.ant-table-thead th').first().focus();
    const startX = await s.page
      .locator('.ant-table-thead th')
      .first()
      .evaluate((h) => h.getBoundingClientRect().x);
    // Tab on to the last sortable header, which lies past the right edge at 1366 px.
    for (let i = 0; i < 6; i++) await s.page.keyboard.press('Tab');
    await expect(
      s.page
        .locator('.ant-table-thead th')
        .first()
        .evaluate((h) => h.getBoundingClientRect().x),
    ).resolves.toBeLessThan(startX);
    await expect(columnsLineUp()).resolves.toBe(true);
    await s.screenshot('enterprises-keyboard');
    await s.page.keyboard.press('Tab');
    const focusedName = await s.page.evaluate(() => document.activeElement?.querySelector('td')?.textContent ?? '');
    await s.page.keyboard.press('Enter');
    await s.page.locator('.ant-drawer-title').filter({ hasText: focusedName }).waitFor();
    await s.page.waitForTimeout(500); // the drawer slides in
    await s.screenshot('enterprise-drawer');
    expect(s.errors).toEqual([]);
  });
});
