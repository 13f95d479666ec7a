/**
 * 贷后管理 in Chromium on demo data: a registered demo loan's schedule, a repayment typed wrong
 * then right, a lapse recorded on its patent (the security weakens, with what to do), a default,
 * a disposal by reverse licence with its recovery, a compensation claim worked out against the
 * city pool, the case closed as disposed of, and the 贷后管理 page's figures and home warnings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoanList } from '../shared/contract';
import type { CaseDetail } from '../shared/types/case';
import { openDemoSession } from './support/demo-session';
import type { E2eSession } from './support/session';

describe('贷后管理 on demo data in Chromium', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openDemoSession(160);
  }, 180_000);
  afterAll(() => s.close());

  const call = async <T>(method: string, input: unknown) => {
    const r = await s.runtime.dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };

  it('takes a demo loan through repayments, a lapse, a default, a disposal by licence and a compensation claim', async () => {
    const running = (await call<LoanList>('loansList', { search: '', includeClosed: false, state: 'current' })).rows.filter(
      (r) => !r.weakened,
    );
    expect(running.length, 'the demo has running loans').toBeGreaterThan(0);
    const loan = running[0]!;
    await s.page.goto(`${s.harness.url}#/cases/${loan.caseId}`);
    await s.page.getByText('贷后管理中').waitFor();
    await s.page.getByRole('tab', { name: '贷后管理' }).click();
    await s.page.getByTestId('loan-state').getByText('正常还款').waitFor();
    await s.page.getByTestId('schedule').getByText('已还').first().waitFor();
    await s.screenshot('loan-schedule');

    // A wrong amount is refused at its field; the right one is allocated to the next instalment.
    const before = (await call<CaseDetail>('caseGet', { id: loan.caseId })).loan!.repayments.length;
    const form = s.page.getByTestId('repayment-form');
    const amount = form.getByLabel('还款金额（元）');
    await amount.fill('12.345');
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await form.getByText('金额最多精确到分（小数点后 2 位）').waitFor();
    await amount.fill('-5');
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await form.getByText('还款金额应大于 0').waitFor();
    await s.screenshot('loan-repayment-refused');
    await amount.fill('1000');
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await s.page.getByText('已登记还款').waitFor();
    expect((await call<CaseDetail>('caseGet', { id: loan.caseId })).loan!.repayments.length).toBe(before + 1);

    // A lapse on the pledged patent: the security weakens, with what to do.
    await s.page.getByRole('tab', { name: /质押物监测/ }).click();
    await s.page.getByRole('button', { name: '记录事件' }).first().click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText('记录法律状态事件').waitFor();
    await dialog.getByLabel('说明').fill('年费未缴，专利权终止');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const warnings = s.page.getByTestId('loan-warnings');
    await warnings.getByText('权利终止：年费未缴，专利权终止').waitFor();
    await warnings.getByText(/建议：核实终止原因/).waitFor();
    await s.page.getByText('担保削弱').first().waitFor();
    await s.screenshot('loan-watch-lapse');

    // Default, then the disposal by reverse licence with one licence fee received.
    await s.page.getByRole('tab', { name: '违约与处置' }).click();
    await s.page.getByLabel('违约原因').fill('企业停止还款，专利失效');
    await s.page.getByRole('button', { name: '认定违约' }).click();
    await s.page.getByText(/认定违约：企业停止还款，专利失效/).waitFor();
    const disposal = s.page.getByTestId('disposal-form');
    await disposal.getByText('协商反向许可方案').waitFor();
    await disposal.getByRole('button', { name: '添加一笔回收' }).click();
    await disposal.getByLabel('回收金额（元）').fill('abc');
    await disposal.getByRole('button', { name: '保存处置记录' }).click();
    await disposal.getByText('请输入数字').waitFor();
    await disposal.getByLabel('回收金额（元）').fill('20000');
    await disposal.getByRole('button', { name: '保存处置记录' }).click();
    await s.page.getByText('已保存处置记录').waitFor();
    await s.page.getByTestId('recovery').getByText('20,000.00 元').waitFor();
    await s.screenshot('loan-disposal');

    // The compensation claim against the city pool, with its working and the pool's weak source.
    await s.page.getByRole('tab', { name: '保险与风险补偿' }).click();
    await s.page.getByRole('button', { name: '核算补偿' }).click();
    const claim = s.page.getByTestId('claim');
    await claim.getByText('扣除处置回收与保险赔付').waitFor();
    await claim.getByText('资金池承担 50%').waitFor();
    await claim
      .getByText(/弱信息/)
      .first()
      .waitFor();
    await s.screenshot('loan-claim');
    const d = await call<CaseDetail>('caseGet', { id: loan.caseId });
    expect(d.loan!.record.claim!.result.lines.at(-1)!.label).toBe('资金池承担 50%');

    // Closing: as disposed of once the disposal is done (the first attempt is refused in Chinese).
    await s.page
      .getByRole('button', { name: /结\s*案/ })
      .first()
      .click();
    const closeDialog = s.page.getByRole('dialog');
    await closeDialog.getByLabel('结案结果').click();
    await s.page.locator('.ant-select-item-option').getByText('违约后处置完毕').click();
    await closeDialog.getByLabel('原因 / 说明').fill('反向许可处置');
    await closeDialog.getByRole('button', { name: /确\s*定|确认/ }).click();
    await s.page.getByText('没有已完成的违约处置记录，不能以“违约后处置完毕”结案').waitFor();
    expect(s.errors).toEqual([]);
  });

  it('a typed plan is refused in Chinese on a loan already being repaid another way', async () => {
    const loan = (await call<LoanList>('loansList', { search: '', includeClosed: false, state: 'current' })).rows.find((r) => !r.weakened)!;
    await s.page.goto(`${s.harness.url}#/cases/${loan.caseId}`);
    await s.page.getByRole('tab', { name: '贷后管理' }).click();
    await s.page.getByLabel('还款方式').click();
    await s.page.locator('.ant-select-item-option').getByText('自定义计划').click();
    await s.page.getByRole('button', { name: '填写自定义计划' }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText(/各期本金合计须等于贷款本金/).waitFor();
    await dialog.getByLabel('第 1 期本金（元）').fill('1.234');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('金额最多精确到分（小数点后 2 位）').waitFor();
    await dialog.getByLabel('第 1 期本金（元）').fill('100');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await s.page.getByText(/已有还款记录，不能更改还款方式/).waitFor();
    await s.screenshot('loan-plan-refused');
    expect((await call<CaseDetail>('caseGet', { id: loan.caseId })).loan!.record.method).toBe('interest_only');
    expect(s.errors).toEqual([]);
  });

  it('shows the 贷后管理 page with the officer figures, the attention filter and the home warnings', async () => {
    await s.page.goto(`${s.harness.url}#/loans`);
    const figures = s.page.getByTestId('loan-figures');
    await figures.getByText('在贷笔数').waitFor();
    await figures.getByRole('columnheader', { name: '区', exact: true }).waitFor();
    await s.screenshot('loans-page');
    await s.page.getByRole('tab', { name: '按银行' }).click();
    await s.page.getByRole('columnheader', { name: '银行（总行）' }).waitFor();
    await s.page.getByLabel('还款状态').click();
    await s.page.locator('.ant-select-item-option').getByText('需关注（逾期、违约或担保削弱）').click();
    await s.page.getByText('已违约').first().waitFor();
    await s.screenshot('loans-attention');
    await s.page.goto(`${s.harness.url}#/home`);
    await s.page.getByTestId('loan-alerts').getByText('已违约').first().waitFor();
    await s.screenshot('home-loan-alerts');
    expect(s.errors).toEqual([]);
  });
});
