/**
 * 软件更新 in Chromium with electron-updater faked (it needs Electron): a check from 关于 finds
 * 0.2.0 and the prompt shows its notes; the download shows progress; 下次再装 leaves a badge in
 * the header; a restart is refused while a form has unsaved input, and goes ahead once it is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpdater } from '../test/support/fake-updater';
import { openSession, type E2eSession } from './support/session';

describe('软件更新 in Chromium', () => {
  let s: E2eSession;
  const updater = new FakeUpdater({
    version: '0.2.0',
    releaseDate: '2026-12-01T02:30:00.000Z',
    releaseNotes: '<ul><li>白名单导出支持按区筛选</li><li>估值报告加入质押率说明</li></ul>',
  });
  beforeAll(async () => {
    s = await openSession({ runtime: { updater, updateFeed: 'https://updates.example.org/ipf-desk/' } });
  }, 120_000);
  afterAll(() => s.close());

  it('offers the new version with its notes, downloads it, and restarts only when nothing typed would be lost', async () => {
    const { page } = s;
    await page.goto(`${s.harness.url}#/about`);
    await page.getByRole('button', { name: '检查更新' }).click();
    await page.getByLabel('update-check-result').getByText('发现新版本 0.2.0').waitFor();
    const prompt = page.getByRole('dialog');
    await prompt.getByText('发现新版本 0.2.0').waitFor();
    // The release time in the user's zone (Beijing): 02:30 UTC is 10:30.
    await prompt.getByText(/当前版本 0\.1\.0-e2e · 发布于 2026-12-01 10:30/).waitFor();
    expect(await prompt.getByLabel('release-notes').innerText()).toBe('• 白名单导出支持按区筛选\n• 估值报告加入质押率说明');
    expect(updater.feeds).toEqual(['https://updates.example.org/ipf-desk/']);
    await s.screenshot('update-available');

    await prompt.getByRole('button', { name: '下载更新' }).click();
    await prompt.getByText('正在下载新版本 0.2.0').waitFor();
    await prompt.getByText('新版本 0.2.0 已下载').waitFor({ timeout: 15_000 });
    await s.screenshot('update-ready');
    await prompt.getByRole('button', { name: '下次再装' }).click();
    await prompt.waitFor({ state: 'hidden' });

    // A half-typed sign-in on 同步 is unsaved input: the restart waits for it.
    await page.goto(`${s.harness.url}#/sync`);
    await page.getByLabel('用户名').fill('zhang');
    await page.getByLabel('update-ready').click();
    await prompt.getByRole('button', { name: '立即重启安装' }).click();
    await prompt
      .getByLabel('update-notice')
      .getByText(/有尚未保存的表单/)
      .waitFor();
    await s.screenshot('update-refused-unsaved');
    expect(updater.installs).toEqual([]);

    await prompt.getByRole('button', { name: '下次再装' }).click();
    await prompt.waitFor({ state: 'hidden' });
    // 关于 is a chunk of its own: until it is shown, the sign-in form (and its input) stays on screen.
    await page.goto(`${s.harness.url}#/about`);
    await page.getByText('关于知融工作台').waitFor();
    await page.getByLabel('用户名').waitFor({ state: 'detached' });
    await page.getByLabel('update-ready').click();
    await prompt.getByRole('button', { name: '立即重启安装' }).click();
    await prompt.getByLabel('update-notice').waitFor();
    expect(await prompt.getByLabel('update-notice').innerText()).toBe('正在重启并安装新版本…');
    expect(updater.installs).toEqual([[false, true]]);
    expect(s.errors).toEqual([]);
  }, 90_000);
});
