import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type E2eSession } from './support/session';

describe('app shell in Chromium through the harness', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(() => s.close());

  const nav = () => s.page.getByRole('menu', { name: 'main-navigation' });

  it('opens with the Chinese navigation (cold start to first paint is printed)', async () => {
    const t0 = performance.now();
    await s.page.goto(s.harness.url);
    await nav().getByText('企业与白名单').waitFor();
    const firstPaint = await s.page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    console.log(
      `[measure] harness page to navigation visible: ${Math.round(performance.now() - t0)} ms; first-contentful-paint ${Math.round(firstPaint)} ms`,
    );
    for (const label of ['工作台', '服务案件', '估值', '质押登记', '贴息申报', '数据同步', '培训']) {
      await expect(nav().getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    expect(await s.page.title()).toBe('知融工作台');
    await s.screenshot('shell-zh');
  });

  it('checks an identifier and shows the reason in Chinese', async () => {
    await s.page.getByPlaceholder(/统一社会信用代码或专利号/).fill('ZL 2017 1060 1862.4');
    await s.page.keyboard.press('Enter');
    await expect(s.page.getByTestId('id-result').textContent()).resolves.toContain('校验位错误：应为“3”，实际为“4”');
  });

  it('switches language to English and keeps it after a reload', async () => {
    await s.page.getByText('English', { exact: true }).click();
    await nav().getByText('Enterprises & whitelist').waitFor();
    await s.page.reload();
    await nav().getByText('Pledge registration').waitFor();
    await s.screenshot('shell-en');
    await s.page.getByText('中文', { exact: true }).click();
    await nav().getByText('质押登记').waitFor();
  });

  it('shows the about page with version and data folder', async () => {
    await nav().getByText('关于').click();
    await s.page.getByText('关于知融工作台').waitFor();
    await s.page.getByText(s.dataDir, { exact: true }).first().waitFor();
    await s.screenshot('about');
  });

  it('reaches an area page without errors in the console', async () => {
    await nav().getByText('贴息申报').click();
    await s.page.getByText('福田区知识产权质押融资贴息（2021–2023 年版）').first().waitFor();
    await nav().getByText('数据同步').click();
    await s.page.getByText('登录中心服务').first().waitFor();
    await nav().getByText('培训').click();
    await s.page.getByRole('tab', { name: '典型案例' }).waitFor();
    expect(s.errors).toEqual([]);
  });
});

describe('database from a newer version', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openSession({
      prepare: (dir) => {
        const db = new BetterSqlite3(path.join(dir, 'ipf-desk.sqlite'));
        db.pragma('user_version = 999');
        db.close();
      },
    });
  });
  afterAll(() => s.close());

  it('shows a clear Chinese screen instead of a blank window', async () => {
    await s.page.goto(s.harness.url);
    await s.page.getByText('本地数据库无法打开').waitFor();
    await expect(s.page.getByText(/更新版本的知融工作台/).isVisible()).resolves.toBe(true);
    await s.screenshot('db-too-new');
  });

  it('opens the app once the cause is removed and 重试 is pressed', async () => {
    // Simulate the user installing the newer version's file elsewhere: the file is reset.
    const file = path.join(s.dataDir, 'ipf-desk.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 0');
    db.close();
    await s.page.getByRole('button', { name: /重\s*试/ }).click();
    await s.page.getByRole('menu', { name: 'main-navigation' }).getByText('企业与白名单').waitFor();
  });
});
