/**
 * 机构名录 in Chromium on demo data: the directory filtered by kind, the bank names typed on
 * pledges with the ones to confirm, one confirmed as a branch of its head from the dialog (a
 * name already in the directory and a one-character name refused in Chinese), and the pledge
 * form offering the directory's banks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NameReview } from '../shared/domain/institution-lists';
import { openDemoSession } from './support/demo-session';
import type { E2eSession } from './support/session';

describe('机构名录 on demo data in Chromium', () => {
  let s: E2eSession;
  beforeAll(async () => {
    s = await openDemoSession(120);
  }, 180_000);
  afterAll(() => s.close());

  const names = async () => ((await s.runtime.dispatch('institutionNames', {})) as { ok: true; value: NameReview[] }).value;

  it('lists the directory and the names to confirm, and confirms one as a branch', async () => {
    await s.page.goto(`${s.harness.url}#/institutions`);
    await s.page.getByText('中国银行深圳市分行').waitFor();
    await s.page.getByLabel('机构类别').click();
    await s.page.locator('.ant-select-item-option').getByText('融资担保').click();
    await s.page.getByText('深圳担保集团有限公司').waitFor();
    await s.page.getByLabel('机构类别').click();
    await s.page.locator('.ant-select-item-option').getByText('保险').click();
    await s.page.getByText('国任财产保险股份有限公司').waitFor();
    await expect(s.page.getByText('深圳担保集团有限公司').count()).resolves.toBe(0);
    await s.screenshot('institutions-directory');

    const pending = (await names()).filter((n) => n.how === 'prefix' || n.how === 'none');
    const target = pending.find((n) => n.text === '中国银行深圳南山支行');
    expect(target, JSON.stringify(pending.map((n) => n.text))).toBeDefined();
    await s.page.getByRole('tab', { name: `名称对照（${pending.length} 项待确认）` }).click();
    const row = s.page.getByRole('row').filter({ hasText: '中国银行深圳南山支行' });
    await row.getByText('按名称归入总行（待确认）').waitFor();
    await s.screenshot('institutions-names');
    await row.getByRole('button', { name: '加入名录' }).click();
    const dialog = s.page.getByRole('dialog');
    await expect(dialog.getByLabel('名称').inputValue()).resolves.toBe('中国银行深圳南山支行');
    await dialog.getByText('中国银行', { exact: true }).waitFor();

    // Refused at the field, then by the directory, both in Chinese; nothing saved.
    await dialog.getByLabel('名称').fill('中');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('机构名称至少 2 个字').waitFor();
    await dialog.getByLabel('名称').fill('招商银行');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('名录中已有“招商银行”').waitFor();
    await s.screenshot('institutions-refused');

    await dialog.getByLabel('名称').fill('中国银行深圳南山支行');
    await dialog.getByRole('combobox', { name: '别名' }).fill('中行南山支行');
    await s.page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('tab', { name: `名称对照（${pending.length - 1} 项待确认）` }).waitFor();
    const after = (await names()).find((n) => n.text === '中国银行深圳南山支行')!;
    expect([after.how, after.head, after.branch]).toEqual(['exact', '中国银行', '中国银行深圳南山支行']);
  });

  it('offers the directory’s banks in the pledge form', async () => {
    // A case whose loan and pledge can still be edited.
    const id = s.runtime
      .db!.prepare(
        "SELECT c.id FROM cases c LEFT JOIN pledges p ON p.case_id = c.id WHERE c.stage = 'registration' AND (p.status IS NULL OR p.status IN ('draft', 'refused')) LIMIT 1",
      )
      .pluck()
      .get() as string | undefined;
    expect(id).toBeDefined();
    await s.page.goto(`${s.harness.url}#/cases/${id}`);
    await s.page.getByRole('tab', { name: /质押登记/ }).click();
    const bank = s.page.getByRole('combobox', { name: '银行' });
    await bank.fill('');
    await bank.fill('招商');
    await s.page.locator('.ant-select-item-option').getByText('招商银行深圳分行').waitFor();
    await s.screenshot('institutions-pledge-picker');
  });
});
