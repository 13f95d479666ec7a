/**
 * 培训模式 in Chromium: switch to the sandbox from the 培训 page, see the banner and the window
 * title, load the training dataset, walk the first steps of the guided walkthrough (by hand and
 * by 演示, paused and resumed), reset, answer an exercise, then return to the working data and
 * find it unchanged, with its workshop records listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../shared/domain/dates';
import { usccFor } from '../test/support/sheets';
import { openSession, type E2eSession } from './support/session';

describe('the trainer’s workshop in Chromium', () => {
  let s: E2eSession;
  const call = async <T>(method: string, input: unknown) => {
    const r = await s.runtime.dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  /** What the working database holds, as the lists show it. */
  const working = async () =>
    JSON.stringify([
      await call('enterprisesList', { filter: {}, offset: 0, limit: 100 }),
      await call('workshopsList', {}),
      await call('casesList', { offset: 0, limit: 100 }),
    ]);
  let before = '';

  beforeAll(async () => {
    s = await openSession();
    await call('enterpriseSave', { name: '深圳市正式业务科技有限公司', uscc: usccFor(9101), district: '福田', industry: '软件' });
    await call('workshopSave', {
      id: 'ws-e2e-1',
      date: addDays(todayIso(), -10),
      topic: '知识产权质押融资实务（第一期）',
      trainer: '培训师甲',
      venue: '深圳市知识产权金融公共服务平台',
      district: '南山',
      attendees: [
        { name: '王晓明', organisation: '某银行南山支行', kind: 'bank', attended: true },
        { name: '李思远', organisation: '深圳市某科技有限公司', kind: 'enterprise', attended: true },
        { name: '张雅琴', organisation: '某专利代理事务所', kind: 'agency', attended: false },
      ],
      materials: [{ title: '知识产权质押融资实务讲义', note: '' }],
    });
    before = await working();
  }, 120_000);
  afterAll(() => s.close());

  it('switches to the sandbox, walks the first steps, resets and returns to the working data unchanged', async () => {
    const { page } = s;
    await page.goto(`${s.harness.url}#/training`);
    await page.getByRole('button', { name: '进入培训模式' }).click();
    const banner = page.getByTestId('sandbox-banner');
    await banner.waitFor();
    await expect.poll(() => page.title()).toBe('知融工作台 · 培训模式');
    await page.getByRole('button', { name: '载入培训数据' }).click();
    await page.getByText('培训数据已载入').waitFor();
    await page.getByText('已载入培训数据').waitFor();
    await s.screenshot('training-banner');

    // The walkthrough: step 1 waits for the trainee to open 白名单, step 3 is done by 演示.
    await page.getByRole('button', { name: '开始引导' }).click();
    await page.getByText('第 1 步：打开白名单').waitFor();
    await s.screenshot('walkthrough-step-1');
    await page.getByRole('menuitem', { name: /白名单/ }).click();
    await page.getByText('第 2 步：白名单上的企业').waitFor();
    await page
      .getByTestId('walkthrough-actions')
      .getByRole('button', { name: /下一步/ })
      .click();
    await page.getByText('第 3 步：打开服务案件').waitFor();
    await page
      .getByTestId('walkthrough-actions')
      .getByRole('button', { name: /演\s*示/ })
      .click();
    await page.getByText('第 4 步：走访记录').waitFor();
    await page.getByRole('tab', { name: /走访/ }).click();
    await page.getByText('第 5 步：贷前清单').waitFor();
    await s.screenshot('walkthrough-step-5');
    // Paused, it waits in a corner; resumed, it is where it stopped.
    await page
      .getByTestId('walkthrough-actions')
      .getByRole('button', { name: /暂\s*停/ })
      .click();
    await page.getByRole('button', { name: '继续引导' }).click();
    await page.getByText('第 5 步：贷前清单').waitFor();
    await page
      .getByTestId('walkthrough-actions')
      .getByRole('button', { name: /结\s*束/ })
      .click();
    expect(await page.getByText('第 5 步：贷前清单').count()).toBe(0);

    // An edit in the sandbox, then 重置 puts the dataset back.
    const casesBefore = await call<{ total: number }>('casesList', { offset: 0, limit: 1 });
    await call('enterpriseSave', { name: '深圳市沙盒练习科技有限公司', uscc: usccFor(9102), district: '光明', industry: '新材料' });
    await page.goto(`${s.harness.url}#/training`);
    await page.getByRole('button', { name: /重置沙盒/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /重\s*置/ })
      .click();
    // The outcome either way (a refusal is shown as an error message), so a failure says which.
    const outcome = page
      .locator('.ant-message-notice')
      .filter({ hasText: /沙盒已重置为培训数据|失败|不能|请|无法|正在/ })
      .first();
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.innerText()).toContain('沙盒已重置为培训数据');
    const names = JSON.stringify(await call('enterprisesList', { filter: {}, offset: 0, limit: 100 }));
    expect(names).not.toContain('深圳市沙盒练习科技有限公司');
    expect((await call<{ total: number }>('casesList', { offset: 0, limit: 1 })).total).toBe(casesBefore.total);

    // The case library, each case linked to its sandbox case.
    await page.getByRole('tab', { name: '典型案例' }).click();
    await page.getByTestId('typical-case-1').waitFor();
    await s.screenshot('case-library');

    // An exercise: a wrong value is refused at its field; the right amount is checked by the calculator.
    await page.getByRole('tab', { name: '练习' }).click();
    const ex = page.getByTestId('exercise-ex-subsidy-nanshan');
    await ex.getByLabel('可核定贴息').fill('-5');
    await ex.getByRole('button', { name: '提交答案' }).click();
    await ex.getByText('金额不能为负').waitFor();
    await ex.getByLabel('可核定贴息').fill('129500');
    await ex.getByRole('button', { name: '提交答案' }).click();
    await ex.getByText('回答正确').waitFor();
    await s.screenshot('training-exercise');

    // Back to the working data: no banner, the usual title, nothing changed, the workshop listed.
    await banner.getByRole('button', { name: '退出培训模式' }).click();
    await page.getByRole('tab', { name: '培训记录' }).waitFor();
    await expect.poll(() => page.title()).toBe('知融工作台');
    expect(await page.getByTestId('sandbox-banner').count()).toBe(0);
    expect(await working()).toBe(before);
    await page.getByRole('tab', { name: '培训记录' }).click();
    await page.getByText('知识产权质押融资实务（第一期）').waitFor();
    await s.screenshot('workshop-list');

    // A new session: saving it empty names each missing field; filled in, it is listed.
    await page.getByRole('button', { name: '登记培训' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请选择培训日期').waitFor();
    await dialog.getByText('请填写培训主题').waitFor();
    await dialog.getByRole('button', { name: '添加学员' }).click();
    await dialog.getByLabel('学员姓名').fill('赵志强');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请填写单位').waitFor();
    await s.screenshot('workshop-editor-refused');
    await dialog.getByLabel('培训日期').fill(todayIso());
    await dialog.getByLabel('培训日期').press('Enter');
    await dialog.getByLabel('培训主题').fill('质押登记实务（第二期）');
    await dialog.getByLabel('讲师').fill('培训师乙');
    await dialog.getByLabel('地点').fill('光明科学城知识产权公共服务中心');
    await dialog.getByLabel('学员单位').fill('某银行光明支行');
    await dialog.getByLabel('学员类别').click();
    await page.getByTitle('银行').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存“质押登记实务（第二期）”').waitFor();
    await page.getByRole('cell', { name: '质押登记实务（第二期）' }).waitFor();
    expect(s.errors).toEqual([]);
  }, 180_000);
});
