import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../shared/domain/dates';
import { openDatabase } from '../electron/services/db/connection';
import { generateDemo } from '../electron/services/demo/generate';
import { listIpAssets } from '../electron/services/ip/repository';
import { ARTIFACTS, openSession, type E2eSession } from './support/session';

const TODAY = todayIso();
const LOAN_START = addMonths(TODAY, -10);
const LOAN_END = addMonths(LOAN_START, 12);

/** Types an ISO date into an antd date input and commits it. */
async function typeDate(page: Page, placeholder: string, date: string, nth = 0) {
  const input = page.getByPlaceholder(placeholder).nth(nth);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

describe('a service case from 新建 to 结案 in Chromium', () => {
  let s: E2eSession;
  let demo: { name: string; good: string[]; bad: string };
  beforeAll(async () => {
    s = await openSession({
      prepare: (dir) => {
        const { db } = openDatabase({ file: path.join(dir, 'ipf-desk.sqlite') });
        generateDemo(db, { enterprises: 40, today: TODAY, ctx: { actor: '演示', now: `${TODAY}T00:00:00.000Z` }, seed: 11, cases: false });
        // A 南山 demo enterprise with clean inventions to pledge and one item that cannot be.
        for (const e of db.prepare("SELECT id, name FROM enterprises WHERE district = '南山' ORDER BY name").all() as {
          id: string;
          name: string;
        }[]) {
          const assets = listIpAssets(db, { filter: { enterpriseId: e.id }, limit: 100 }, TODAY).rows;
          const good = assets.filter((a) => a.kind === 'invention' && a.assessment.reasons.length === 0);
          const bad = assets.find((a) => !a.assessment.pledgeable);
          if (good.length && bad) {
            demo = { name: e.name, good: good.map((a) => a.displayNumber), bad: bad.displayNumber };
            break;
          }
        }
        db.close();
        if (!demo) throw new Error('the demo data has no suitable 南山 enterprise');
      },
    });
    await s.page.goto(`${s.harness.url}#/cases`);
  });
  afterAll(() => s.close());

  const row = (text: string) => s.page.locator('.ant-table-row').filter({ hasText: text });
  const button = (name: string | RegExp) => s.page.getByRole('button', { name });
  const tab = (name: string) => s.page.getByRole('tab', { name });
  /** Does something and waits for the call it makes to answer (toasts linger, so they cannot tell). */
  const rpc = async (method: string, action: () => Promise<unknown>) => {
    const answered = s.page.waitForResponse((r) => r.url().endsWith(`/rpc/${method}`));
    await action();
    await answered;
  };
  const confirmDialog = () =>
    s.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();

  it('starts from an empty list that says how to begin', async () => {
    await s.page.getByText('还没有服务案件').waitFor();
    await s.screenshot('cases-empty');
  });

  it('opens a case and works through 贷前指导: need, items, checklist, documents, products', async () => {
    await button('新建案件').click();
    await s.page.getByRole('combobox', { name: '企业' }).fill(demo.name.slice(3, 7));
    await s.page.locator('.ant-select-item-option').filter({ hasText: demo.name }).click();
    await button(/^创\s*建$/).click();
    await s.page.getByText('进入“价值评估”前还需：').waitFor();
    await expect(s.page.getByTestId('next-blockers').textContent()).resolves.toBe('尚未填写融资需求金额尚未选择拟质押的知识产权');
    await s.page.getByRole('textbox', { name: '金额（万元）' }).fill('500');
    await s.page.getByRole('textbox', { name: '期限（月）' }).fill('12');
    await rpc('caseUpdate', () =>
      button(/^保\s*存$/)
        .first()
        .click(),
    );
    for (const n of [...demo.good, demo.bad]) await row(n).locator('.ant-checkbox-wrapper').click();
    await rpc('caseItemsSet', () => button(/保存选择/).click());
    const checklist = s.page.getByTestId('guidance-checklist');
    await checklist.getByText('不予登记').first().waitFor();
    await rpc('caseUpdate', () => s.page.getByText('营业执照').click());
    await expect(s.page.getByTestId('product-ranking').locator('.ant-table-row').first().textContent()).resolves.toMatch(/符合.*接受/);
    await s.screenshot('case-guidance');
    await rpc('caseMove', () => button(/进入价值评估/).click());
    await tab('价值评估').click();
  });

  it('records a visit with bank staff and a follow-up date, then corrects it', async () => {
    await tab('走访记录（0）').click();
    await s.page.getByLabel('地点').fill('企业会议室');
    const attendees = s.page.getByRole('combobox', { name: '参加人员（含银行人员）' });
    await attendees.fill('王经理（中国银行）');
    await attendees.press('Enter');
    await s.page.getByLabel('走访情况').fill('了解融资需求，企业计划扩产');
    await s.page.getByLabel('下一步').fill('补充近两年财务报表');
    await typeDate(s.page, '请选择日期', addMonths(TODAY, 1), 1);
    await rpc('visitSave', () => button('添加走访记录').click());
    await s.page.getByText('下一步：补充近两年财务报表').waitFor();
    await s.page.getByText('修改', { exact: true }).click();
    await s.page.getByLabel('下一步').fill('补充财务报表和纳税证明');
    await rpc('visitSave', () => button('保存修改').click());
    await s.page.getByText('下一步：补充财务报表和纳税证明').waitFor();
    await expect(s.page.getByText(/企业会议室 · 本机用户、王经理（中国银行）/).count()).resolves.toBe(1);
    await s.screenshot('case-visits');
  });

  it('records the value in 价值评估 and the loan, then refuses 质押登记 while a refused item remains', async () => {
    await tab('价值评估').click();
    await s.page.getByRole('textbox', { name: '价值（万元）' }).fill('1200');
    await s.page.getByRole('textbox', { name: '依据' }).fill('银企协商价值');
    await button('保存价值').click();
    await s.page.getByText(/当前采用的价值：1,200\s万元/).waitFor();
    await s.screenshot('case-valuation');
    await tab('质押登记').click();
    await s.page.getByLabel('银行', { exact: true }).fill('中国银行');
    await s.page.getByLabel('主合同（借款合同）编号').fill('JK-2026-0815');
    await s.page.getByLabel('贷款金额（万元）').fill('500');
    await s.page.getByLabel('年利率 %').fill('3.45');
    await typeDate(s.page, '开始日期', LOAN_START);
    await typeDate(s.page, '结束日期', LOAN_END);
    await s.page.getByLabel('质押合同编号').fill('ZY-2026-0815');
    await s.page.getByLabel('担保债权（万元）').fill('500');
    await typeDate(s.page, '请选择日期', LOAN_START, 0);
    await rpc('pledgeSave', () => button('保存合同信息').click());
    await rpc('caseMove', () => button(/进入质押登记/).click());
    await s.page
      .getByText(/有 1 项质押物存在不予登记的情形/)
      .first()
      .waitFor();
    await expect(s.page.getByTestId('registration-check').textContent()).resolves.toMatch(/不予登记/);
    await s.screenshot('case-registration-blocked');
    await tab('贷前指导').click();
    await row(demo.bad).locator('.ant-checkbox-wrapper').click();
    await rpc('caseItemsSet', () => button(/保存选择/).click());
    await rpc('caseMove', () => button(/进入质押登记/).click());
    await s.page.getByText('已进入质押登记').first().waitFor();
  });

  it('files, gets refused with the reason shown, corrects, registers and prints the CNIPA form', async () => {
    await tab('质押登记').click();
    await s.page.getByText('登记前核查：全部通过').waitFor();
    // Filed on paper before the loan started: the filing day is typed in the dialog.
    const fileOn = async (date: string) => {
      await button('提交登记').click();
      await s.page.getByRole('dialog').getByPlaceholder('请选择日期').fill(date);
      await s.page.getByRole('dialog').getByPlaceholder('请选择日期').press('Enter');
      await rpc('pledgeStatus', confirmDialog);
    };
    await fileOn(addDays(LOAN_START, -20));
    await button('不予登记').click();
    await s.page.getByRole('dialog').getByRole('textbox').fill('质押合同未约定质押期限，缺少必要条款');
    await rpc('pledgeStatus', confirmDialog);
    await s.page.getByText('说明：质押合同未约定质押期限，缺少必要条款').first().waitFor();
    await s.screenshot('case-registration-refused');
    await button('退回草稿修改').click();
    await rpc('pledgeStatus', confirmDialog);
    await typeDate(s.page, '请选择日期', addMonths(LOAN_END, 6), 1);
    await rpc('pledgeSave', () => button('保存合同信息').click());
    await fileOn(addDays(LOAN_START, -5));
    await button('登记成功').click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByLabel('登记号').fill('Y2026440300815');
    await dialog.getByPlaceholder('请选择日期').fill(addMonths(LOAN_START, 0));
    await dialog.getByPlaceholder('请选择日期').press('Enter');
    await rpc('pledgeStatus', confirmDialog);
    await s.page
      .getByText(/登记号 Y2026440300815/)
      .first()
      .waitFor();
    const download = s.page.waitForEvent('download');
    await button('打印登记申请表（PDF）').click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    fs.copyFileSync(file, path.join(ARTIFACTS, 'pledge-form.pdf'));
    await s.screenshot('case-registration-done');
    await rpc('caseMove', () => button(/进入贴息申报/).click());
    await s.page.getByText('已进入贴息申报').first().waitFor();
  });

  it('shows an ineligible policy with every reason, then applies under 南山 and closes the case', async () => {
    await tab('贴息申报').click();
    const pay = async (kind: string, yuan: string) => {
      await s.page
        .locator('.ant-form-inline .ant-select')
        .filter({ hasText: /利息|担保费/ })
        .first()
        .click();
      await s.page
        .locator('.ant-select-item-option')
        .filter({ hasText: new RegExp(`^${kind}$`) })
        .click();
      await s.page.getByRole('textbox', { name: '金额（元）' }).fill(yuan);
      await rpc('paymentSave', () => button('登记支付').click());
    };
    await pay('利息', '100000');
    await pay('担保费', '30000');
    await s.page.getByRole('combobox', { name: '贴息政策' }).click();
    await s.page.locator('.ant-select-item-option').filter({ hasText: '福田区' }).click();
    await button(/^测\s*算$/).click();
    const result = s.page.getByTestId('subsidy-result');
    await result.getByText(/不符合申报条件（3 项）/).waitFor();
    await expect(result.textContent()).resolves.toMatch(/不在本政策有效期.*企业属南山，本政策仅适用于在福田区备案的企业.*尚未还清本息/);
    await s.screenshot('case-subsidy-ineligible');
    await s.page.getByRole('combobox', { name: '贴息政策' }).click();
    await s.page.locator('.ant-select-item-option').filter({ hasText: '南山区' }).click();
    await s.page.getByRole('switch', { name: '已还本付息' }).click();
    await button(/^测\s*算$/).click();
    await result.getByText('符合申报条件，可获贴息 91,000.00 元').waitFor();
    await rpc('subsidySave', () => button('保存为申请').click());
    for (const material of [
      '贴息申请表',
      '借款合同及质押合同',
      '知识产权质押登记证明',
      '利息支付凭证',
      '担保、保险、评估费用发票',
      '营业执照',
    ]) {
      // The box shows what the service stored, so it ticks once the call answers.
      await rpc('subsidySave', () => s.page.getByRole('checkbox', { name: material }).click());
    }
    await rpc('subsidyStatus', () => button('提交申请').click());
    // Approval and payment record the amount and the day (prefilled with what was applied for).
    for (const step of ['已批准', '已拨付']) {
      await button(step).click();
      await expect(s.page.getByRole('dialog').getByRole('textbox').first().inputValue()).resolves.toBe('91000');
      await rpc('subsidyStatus', confirmDialog);
    }
    await s.page.getByText('已拨付 91,000.00 元').first().waitFor();
    await s.screenshot('case-subsidy-paid');
    const closeAs = async (outcome: string) => {
      await button(/^结\s*案$/).click();
      await s.page.getByRole('dialog').locator('.ant-select').click();
      await s.page.locator('.ant-select-item-option').filter({ hasText: outcome }).click();
      await rpc('caseMove', confirmDialog);
    };
    // The loan is still in 贷后管理: the case closes once the pledge is cancelled (注销).
    await closeAs('已放款并获贴息');
    await s.page.getByText('质押尚在登记状态（贷后管理中）：贷款结清并办理质押注销后方可结案').waitFor();
    await s.page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await tab('质押登记').click();
    await button('注 销').click();
    await s.page.getByRole('dialog').getByLabel('原因 / 说明').fill('贷款已结清');
    await rpc('pledgeStatus', confirmDialog);
    await closeAs('已放款并获贴息');
    await s.page.getByText(/已结案（已放款并获贴息）/).waitFor();
    await tab('审计记录').click();
    await expect(s.page.getByTestId('audit-trail').textContent()).resolves.toMatch(
      /结案：已放款并获贴息.*贴息申请：已批准 → 已拨付.*质押登记：已提交 → 不予登记.*新建服务案件/s,
    );
    await s.page.getByTestId('audit-trail').scrollIntoViewIfNeeded();
    await s.screenshot('case-closed-audit');
    expect(s.runtime.db!.prepare("SELECT stage || '/' || outcome FROM cases").pluck().get()).toBe('closed/subsidised');
    expect(s.errors).toEqual([]);
  });

  it('lists the closed case on request, and shows the policies and the calculator in 贴息申报', async () => {
    await s.page.goto(`${s.harness.url}#/cases`);
    await s.page.getByText('待办提醒').waitFor();
    await expect(s.page.locator('.ant-table-row').count()).resolves.toBe(0);
    await s.page.getByRole('switch', { name: '含已结案' }).click();
    await row(demo.name).waitFor();
    await expect(row(demo.name).textContent()).resolves.toMatch(/结案：已放款并获贴息.*中国银行 · 注销.*已拨付 9\.1\s万元/);
    await s.screenshot('cases-list');
    await s.page.goto(`${s.harness.url}#/subsidy`);
    await s.page.getByText('贴息计算器（试算，不保存）').waitFor();
    await s.screenshot('subsidy-page');
    // The officer sees the registration in the year's figures, by district and by bank.
    await s.page.goto(`${s.harness.url}#/whitelist`);
    await s.page.getByRole('tab', { name: '概览' }).click();
    const stats = s.page.getByTestId('registration-stats');
    await stats.waitFor();
    await expect(stats.textContent()).resolves.toMatch(
      // The first year with registrations has no base: 同比 says so in words, as on the dashboard.
      new RegExp(
        `${LOAN_START.slice(0, 4)}1无上年同期数据500\\s万元无上年同期数据.*南山1无上年同期数据500\\s万元无上年同期数据.*中国银行1无上年同期数据500\\s万元无上年同期数据`,
      ),
    );
    await stats.scrollIntoViewIfNeeded();
    await s.screenshot('officer-registrations');
    expect(s.errors).toEqual([]);
  });
});
