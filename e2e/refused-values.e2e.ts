import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../shared/domain/dates';
import { openDatabase } from '../electron/services/db/connection';
import { generateDemo } from '../electron/services/demo/generate';
import { openSession, type E2eSession } from './support/session';

const TODAY = todayIso();

/**
 * Every value the issue found silently coerced, typed into its field as a user would: the
 * field keeps the text, shows the reason in Chinese, and nothing reaches the database.
 */
describe('out-of-range values are refused at their field, never clamped', () => {
  let s: E2eSession;
  let enterpriseId: string;
  let caseId: string;
  const db = () => s.runtime.db!;
  beforeAll(async () => {
    s = await openSession({
      prepare: (dir) => {
        const { db } = openDatabase({ file: path.join(dir, 'ipf-desk.sqlite') });
        generateDemo(db, { enterprises: 20, today: TODAY, ctx: { actor: '演示', now: `${TODAY}T00:00:00.000Z` }, seed: 5, cases: false });
        db.close();
      },
    });
    enterpriseId = db()
      .prepare("SELECT enterprise_id FROM ip_assets WHERE kind = 'invention' AND legal_status = 'granted' LIMIT 1")
      .pluck()
      .get() as string;
    const created = await s.runtime.dispatch('caseCreate', { enterpriseId });
    if (!created.ok) throw new Error(created.error.message);
    caseId = (created.value as { record: { id: string } }).record.id;
    const loanStart = addMonths(TODAY, -6);
    await s.runtime.dispatch('pledgeSave', {
      caseId,
      bank: '中国银行',
      loanFen: 500_000_000,
      loanStart,
      loanEnd: addMonths(loanStart, 12),
    });
  });
  afterAll(() => s.close());

  const button = (name: string | RegExp) => s.page.getByRole('button', { name });
  /** The error shown under the field that holds `input`. */
  const fieldError = (input: Locator) =>
    input
      .locator(`xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-form-item ')][1]`)
      .locator('.ant-form-item-explain-error');
  /** Waits for `message` under the field (an earlier message may still be fading out). */
  const shows = (input: Locator, message: string) =>
    fieldError(input)
      .filter({ hasText: new RegExp(`^${message}$`) })
      .waitFor();
  const refused = async (input: Locator, typed: string, message: string) => {
    await input.fill(typed);
    await input.blur();
    await shows(input, message);
    // Kept as typed: not clamped to the nearest allowed value.
    await expect(input.inputValue()).resolves.toBe(typed);
  };
  const openCaseTab = async (name: string) => {
    await s.page.goto(`${s.harness.url}#/cases/${caseId}`);
    await s.page.getByRole('tab', { name }).click();
  };

  it('融资需求: −500 and 99999999999 万元', async () => {
    await openCaseTab('贷前指导');
    const need = s.page.getByRole('textbox', { name: '金额（万元）' });
    await refused(need, '-500', '融资需求应大于 0');
    await button(/^保\s*存$/)
      .first()
      .click();
    await refused(need, '99999999999', '融资需求不能超过 100 亿元');
    await button(/^保\s*存$/)
      .first()
      .click();
    await s.page.waitForTimeout(300);
    await s.screenshot('refused-need');
    expect(db().prepare('SELECT need_fen FROM cases WHERE id = ?').pluck().get(caseId)).toBeNull();
  });

  it('年利率 345%', async () => {
    await openCaseTab('质押登记');
    const rate = s.page.getByRole('textbox', { name: '年利率 %' });
    await refused(rate, '345', '年利率不能大于 36%');
    await button('保存合同信息').click();
    await s.page.waitForTimeout(300);
    await s.screenshot('refused-rate');
    expect(db().prepare('SELECT rate_percent FROM pledges WHERE case_id = ?').pluck().get(caseId)).toBeNull();
  });

  it('an interest payment of −5000 元, and one dated before the loan or in the future', async () => {
    await openCaseTab('贴息申报');
    const amount = s.page.getByRole('textbox', { name: '金额（元）' });
    await refused(amount, '-5000', '支付金额应大于 0');
    await button('登记支付').click();
    const date = s.page.locator('.ant-form-inline').getByPlaceholder('请选择日期');
    await amount.fill('5000');
    await date.fill(addDays(TODAY, 3));
    await date.press('Enter');
    await button('登记支付').click();
    await shows(date, '支付日期不能晚于今天');
    const early = addMonths(TODAY, -9);
    await date.fill(early);
    await date.press('Enter');
    await button('登记支付').click();
    await shows(date, `利息支付日 ${early} 早于贷款发放日 ${addMonths(TODAY, -6)}`);
    await s.screenshot('refused-payment');
    expect(db().prepare('SELECT count(*) FROM payments').pluck().get()).toBe(0);
  });

  it('注册资本 −100 万元 and a 成立日期 in 2030', async () => {
    await s.page.goto(`${s.harness.url}#/whitelist`);
    await s.page.locator('.ant-table-row').first().click();
    await button(/^编\s*辑$/).click();
    const dialog = s.page.getByRole('dialog', { name: /企业/ });
    const capital = dialog.getByRole('textbox', { name: '注册资本（万元）' });
    const before = db().prepare('SELECT registered_capital_fen, founded_on, updated_at FROM enterprises ORDER BY name_key LIMIT 1').get();
    await refused(capital, '-100', '注册资本不能为负');
    const founded = dialog.getByPlaceholder('请选择日期');
    await founded.fill('2030-01-01');
    await founded.press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await shows(founded, '成立日期不能晚于今天');
    await s.screenshot('refused-enterprise');
    expect(db().prepare('SELECT registered_capital_fen, founded_on, updated_at FROM enterprises ORDER BY name_key LIMIT 1').get()).toEqual(
      before,
    );
  });

  it('折现率 −5% and 模拟次数 1,000,000', async () => {
    await s.page.goto(`${s.harness.url}#/valuation?enterprise=${enterpriseId}`);
    await s.page.getByText('选择要评估的知识产权').waitFor();
    await refused(s.page.getByRole('textbox', { name: '折现率（%）' }), '-5', '折现率应大于 0%');
    await refused(s.page.getByRole('textbox', { name: '模拟次数' }), '1000000', '模拟次数不能大于 100000');
    await s.page
      .getByRole('textbox', { name: /首年收入/ })
      .first()
      .fill('800');
    await s.page.locator('.ant-table-row .ant-checkbox-wrapper').first().click();
    await button('开始估值').click();
    await s.page.waitForTimeout(500);
    await s.screenshot('refused-valuation');
    expect(db().prepare('SELECT count(*) FROM valuations').pluck().get()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
