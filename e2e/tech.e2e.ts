/**
 * 技术对接 in Chromium: the empty states (no needs; a need with no achievements to recommend,
 * linking to the import wizard), then fifteen achievements of the matching test set; a need
 * typed into the form (an out-of-range budget refused at its field first) is answered by a
 * ranked list with reasons in which the test set's relevant achievement is in the top three;
 * a follow-up (洽谈中) is recorded; the achievement's side lists the need with that status.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../shared/domain/dates';
import { MATURITIES } from '../shared/schemas/tech';
import type { AchievementMatchView, NeedMatchView, NeedRow } from '../shared/types/tech';
import { usccFor } from '../test/support/sheets';
import { openSession, type E2eSession } from './support/session';

interface TestSet {
  needs: {
    id: string;
    title: string;
    description: string;
    field: string;
    ipcClasses: string[];
    budgetFen: number | null;
    deadline: string | null;
    relevant: string[];
  }[];
  achievements: {
    id: string;
    title: string;
    abstract: string;
    holder: string;
    field?: string;
    ipcClasses: string[];
    patents: string[];
    maturity: string | null;
    transferModes: string[];
  }[];
}
const testset = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../resources/matching/testset.json'), 'utf8')) as TestSet;

/** The test set writes 实验室阶段, 已产业化, 样机; the schema knows 实验室, 小试, 中试, 产业化 (样机: none). */
const maturityOf = (m: string | null) => (m ? (MATURITIES.find((x) => m.includes(x)) ?? null) : null);

const ENTERPRISE = '深圳市芯能半导体科技有限公司';
/** The need typed into the form (碳化硅 MOSFET 栅氧, relevant A012 and A013), and one seeded through the service. */
const typed = testset.needs.find((n) => n.id === 'N03')!;
const seeded = testset.needs.find((n) => n.id === 'N02')!;
/** A001–A015: the relevant achievements of both needs, and their same-field neighbours. */
const achievements = testset.achievements.slice(0, 15);

describe('技术对接 in Chromium', () => {
  let s: E2eSession;
  let enterpriseId = '';
  const call = async <T>(method: string, input: unknown) => {
    const r = await s.runtime.dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };

  /** Screenshots without the toasts of earlier steps over the page. */
  const quietShot = async (name: string) => {
    await expect.poll(() => s.page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
    await s.screenshot(name);
  };

  beforeAll(async () => {
    s = await openSession();
    const e = await call<{ id: string }>('enterpriseSave', { name: ENTERPRISE, uscc: usccFor(9301), district: '南山', industry: '半导体' });
    enterpriseId = e.id;
  }, 120_000);
  afterAll(() => s.close());

  it('adds a need through the form, ranks achievements with reasons, records a follow-up and shows the other side', async () => {
    const { page } = s;
    await page.goto(`${s.harness.url}#/tech`);
    await page.getByText('还没有技术需求').waitFor();

    // A need with nothing to recommend yet says so, and links to the import wizard.
    await call('techNeedSave', {
      id: 'need-n02',
      enterpriseId,
      title: seeded.title,
      description: seeded.description,
      field: seeded.field,
      ipcClasses: seeded.ipcClasses,
      budgetFen: seeded.budgetFen,
      deadline: addDays(todayIso(), 200),
    });
    await page.reload();
    await page.getByRole('cell', { name: seeded.title }).click();
    await page.getByText('还没有科技成果可供推荐').waitFor();
    await s.screenshot('tech-no-achievements');
    await page.getByRole('button', { name: '从 Excel 导入科技成果' }).first().click();
    await expect.poll(() => page.url()).toContain('#/whitelist');
    await page.getByText('在“导入内容”中选择“科技成果”').waitFor();
    await page.getByRole('tab', { name: '导入', selected: true }).waitFor();

    // Fifteen achievements of the test set.
    for (const a of achievements)
      await call('achievementSave', {
        id: a.id,
        title: a.title,
        abstract: a.abstract,
        holder: a.holder,
        ...(a.field ? { field: a.field } : {}),
        ipcClasses: a.ipcClasses,
        patents: a.patents,
        maturity: maturityOf(a.maturity),
        transferModes: a.transferModes,
      });

    // A new need: the enterprise picked, the budget -5 万元 refused at its field, then 400 万元.
    await page.goto(`${s.harness.url}#/tech`);
    await page.getByRole('button', { name: '新增需求' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请选择提出需求的企业').waitFor();
    await dialog.getByText('请填写需求名称（至少 2 个字）').waitFor();
    await dialog.getByRole('combobox', { name: '企业' }).fill('芯能');
    await page.getByTitle(`${ENTERPRISE}（南山）`).click();
    await dialog.getByLabel('需求名称').fill(typed.title);
    await dialog.getByLabel('需求描述').fill(typed.description);
    await dialog.getByLabel('技术领域').fill(typed.field);
    for (const c of typed.ipcClasses) {
      await dialog.getByRole('combobox', { name: /IPC 分类/ }).fill(c);
      await page.keyboard.press('Enter');
    }
    await dialog.getByLabel('预算').fill('-5');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('预算不能为负').waitFor();
    await s.screenshot('tech-need-refused');
    expect(await call<NeedRow[]>('techNeedsList', { search: typed.title })).toEqual([]);
    await dialog.getByLabel('预算').fill(String(typed.budgetFen! / 1_000_000));
    await dialog.getByLabel('期望完成日期').fill(addDays(todayIso(), 180));
    await dialog.getByLabel('期望完成日期').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`已保存“${typed.title}”`).waitFor();
    const [need] = await call<NeedRow[]>('techNeedsList', { search: typed.title });
    expect(need).toMatchObject({ enterpriseId, budgetFen: typed.budgetFen, ipcClasses: typed.ipcClasses });
    await page.getByRole('cell', { name: /^400\s万元$/ }).waitFor();

    // The saved need is selected: its recommendations, ranked, with reasons; a relevant one in the top three.
    await page.getByText(`推荐成果：${typed.title}`).waitFor();
    const items = page.locator('[data-testid^="match-A"]');
    await items.first().waitFor();
    const top3 = await items.evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-testid')!.slice('match-'.length)));
    expect(top3.some((id) => typed.relevant.includes(id))).toBe(true);
    const relevant = top3.find((id) => typed.relevant.includes(id))!;
    const item = page.getByTestId(`match-${relevant}`);
    expect(await item.getByTestId('match-reason').innerText()).toMatch(/共同关键词|IPC 同属/);
    expect(await item.getByTestId('match-reason').locator('.ant-tag').count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await quietShot('tech-needs');

    // The follow-up: 洽谈中 with a note, saved through techFollowUpSave.
    await item.getByRole('combobox', { name: '跟进状态' }).click();
    await page.getByTitle('洽谈中').click();
    await item.getByLabel('跟进备注').fill('已约成果团队下周到企业交流');
    await item.getByRole('button', { name: '保存跟进' }).click();
    await page.getByText('已记录跟进：洽谈中').waitFor();
    await item.getByText('已记录：').waitFor();
    const after = await call<AchievementMatchView[]>('techMatchesForNeed', { needId: need!.id });
    expect(after.find((m) => m.id === relevant)?.followUp).toMatchObject({
      status: 'negotiating',
      note: '已约成果团队下周到企业交流',
      followedOn: todayIso(),
    });
    await page.getByText(`推荐成果：${typed.title}`).evaluate((el) => void el.scrollIntoView({ block: 'start' }));
    await quietShot('tech-matches');

    // The achievement's side: the need among its matches, with the follow-up's status (read-only).
    await page.getByRole('tab', { name: '科技成果' }).click();
    const title = achievements.find((a) => a.id === relevant)!.title;
    await page.getByRole('cell', { name: title }).click();
    await page.getByText(`匹配需求：${title}`).waitFor();
    const needItem = page.getByTestId(`need-match-${need!.id}`);
    await needItem.waitFor();
    await needItem.getByText('洽谈中').waitFor();
    await needItem.getByText(/预算 400\s万元/).waitFor();
    const back = await call<NeedMatchView[]>('techMatchesForAchievement', { achievementId: relevant });
    expect(back[0]?.need.id).toBe(need!.id);
    await quietShot('tech-achievement');

    // 查看这条需求 goes back to the need, selected, with its recommendations.
    await needItem.getByRole('button', { name: '查看这条需求' }).click();
    await page.getByText(`推荐成果：${typed.title}`).waitFor();

    // Opened for one enterprise (#/tech?enterprise=…): its needs only, the filter named and clearable.
    const other = await call<{ id: string }>('enterpriseSave', { name: '深圳市另一家科技有限公司', uscc: usccFor(9302), district: '福田' });
    await call('techNeedSave', { id: 'need-other', enterpriseId: other.id, title: '另一家企业的技术需求' });
    await page.goto(`${s.harness.url}#/tech?enterprise=${other.id}`);
    await page.getByText('企业：深圳市另一家科技有限公司').waitFor();
    await page.getByRole('cell', { name: '另一家企业的技术需求' }).waitFor();
    expect(await page.getByRole('cell', { name: typed.title }).count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 180_000);
});
