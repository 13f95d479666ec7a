/**
 * 备份与恢复 in Chromium on demo data: a backup made from 关于, a wrong keep count refused at its
 * field, an enterprise deleted after the backup and brought back by restoring it, the current
 * data kept first as a backup of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../shared/types/records';
import { openDemoSession } from './support/demo-session';
import type { E2eSession } from './support/session';

describe('备份与恢复 in Chromium', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openDemoSession(30);
  }, 180_000);
  afterAll(() => s.close());

  const enterprises = async () => {
    const r = await s.runtime.dispatch('enterprisesList', { offset: 0, limit: 1 });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as Page<unknown>).total;
  };

  it('backs up, refuses a wrong keep count at its field, and restores what was deleted after the backup', async () => {
    const { page } = s;
    await page.goto(`${s.harness.url}#/about`);
    const card = page.getByTestId('backup-card');
    await card.getByText('还没有备份').waitFor();
    await s.screenshot('backup-empty');

    await card.getByLabel('保留份数').fill('0');
    await card.getByRole('button', { name: '保存设置' }).click();
    await card.getByText('至少保留 1 份').waitFor();
    await card.getByLabel('保留份数').fill('2.5');
    await card.getByRole('button', { name: '保存设置' }).click();
    await card.getByText('保留份数应为整数').waitFor();
    await s.screenshot('backup-keep-refused');
    await card.getByLabel('保留份数').fill('5');
    await card.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('已保存备份设置').waitFor();

    await card.getByRole('button', { name: '立即备份' }).click();
    await card.locator('tbody tr').filter({ hasText: '手动' }).waitFor();
    const total = await enterprises();

    // Deleted after the backup (one without cases, which may be deleted).
    const id = s.runtime
      .db!.prepare('SELECT id FROM enterprises e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.enterprise_id = e.id) LIMIT 1')
      .pluck()
      .get() as string;
    const del = await s.runtime.dispatch('enterpriseDelete', { id });
    expect(del.ok).toBe(true);
    expect(await enterprises()).toBe(total - 1);

    await card
      .locator('tbody tr')
      .filter({ hasText: '手动' })
      .getByRole('button', { name: /恢\s*复/ })
      .click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText(`备份中有企业 ${total} 家`).waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    await s.screenshot('backup-restore-confirm');
    await confirm.getByRole('button', { name: /恢\s*复/ }).click();
    await page.getByText(/已恢复（当前数据已另存为/).waitFor();
    await confirm.waitFor({ state: 'detached' });
    expect(await enterprises()).toBe(total);
    await card.locator('tbody tr').filter({ hasText: '恢复前自动保存' }).waitFor();
    await s.screenshot('backup-restored');
    expect(s.errors).toEqual([]);
  }, 120_000);
});
