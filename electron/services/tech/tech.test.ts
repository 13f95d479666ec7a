/** 技术对接 through the real runtime: ranked both ways, the index following every edit, follow-ups kept in view, the Excel import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../shared/domain/dates';
import type { AchievementMatchView, NeedMatchView } from '../../../shared/types/tech';
import type { Page } from '../../../shared/types/records';
import { caller, finishJob } from '../../../test/support/call';
import { usccFor, xlsx } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';

const tmp = tempDir();
let rt: Runtime;
const call = caller(() => rt);
let enterpriseId = '';

const achievement = (id: string, title: string, abstract: string, ipcClasses: string[]) =>
  call('achievementSave', {
    id,
    title,
    abstract,
    holder: '深圳某大学',
    ipcClasses,
    patents: [],
    maturity: '中试',
    transferModes: ['许可'],
  });

beforeAll(async () => {
  rt = createRuntime({ dataDir: tmp.dir, version: 'test', shell: 'cli', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  enterpriseId = (
    await call<{ id: string }>('enterpriseSave', {
      name: '深圳市对接测试科技有限公司',
      uscc: usccFor(7701),
      district: '龙华',
      industry: '新能源',
    })
  ).id;
  await achievement('a-battery', '锂电池极片表面缺陷的机器视觉检测方法', '基于机器视觉的锂电池极片涂布缺陷在线检测', ['H01M 4/04']);
  await achievement('a-drug', '一种抗肿瘤小分子药物的合成工艺', '小分子靶向药物的绿色合成路线', ['C07D']);
  await achievement('a-motor', '永磁同步电机的无位置传感器控制方法', '电机驱动与矢量控制', ['H02P']);
  await call('techNeedSave', {
    id: 'n-1',
    enterpriseId,
    title: '锂电池极片缺陷在线检测',
    description: '涂布后的极片表面缺陷需要在线检测，希望用机器视觉替代人工目检',
    field: '新能源',
    ipcClasses: ['H01M 4/04'],
  });
}, 60_000);
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

describe('技术对接', () => {
  it('ranks the relevant achievement first, with its shared terms and IPC overlap as the reason', async () => {
    const hits = await call<AchievementMatchView[]>('techMatchesForNeed', { needId: 'n-1', k: 5 });
    expect(hits[0]!.id).toBe('a-battery');
    expect(hits[0]!.reason).toMatch(/锂电池|极片/);
    expect(hits[0]!.ipc?.level).toBe('group');
    expect(hits.some((h) => h.id === 'a-drug')).toBe(false);
    const back = await call<NeedMatchView[]>('techMatchesForAchievement', { achievementId: 'a-battery', k: 5 });
    expect(back[0]!.need.id).toBe('n-1');
  });

  it('follows every edit: an achievement rewritten on the topic ranks at once', async () => {
    await achievement('a-motor', '锂电池极片缺陷检测的深度学习模型', '极片缺陷图像的机器视觉识别', ['H01M 4/04']);
    const hits = await call<AchievementMatchView[]>('techMatchesForNeed', { needId: 'n-1', k: 5 });
    expect(hits.map((h) => h.id)).toContain('a-motor');
  });

  it('keeps a followed pairing in view when others rank above it, and refuses a future follow-up date', async () => {
    await call('techFollowUpSave', {
      needId: 'n-1',
      achievementId: 'a-motor',
      status: 'negotiating',
      note: '已约企业与课题组面谈',
      followedOn: todayIso(),
    });
    const top1 = await call<AchievementMatchView[]>('techMatchesForNeed', { needId: 'n-1', k: 1 });
    expect(top1.find((h) => h.id === 'a-motor')?.followUp?.status).toBe('negotiating');
    const r = await rt.dispatch('techFollowUpSave', {
      needId: 'n-1',
      achievementId: 'a-motor',
      status: 'agreed',
      followedOn: '2999-01-01',
    });
    expect(r.ok).toBe(false);
  });

  it('keeps the follow-up of an achievement deleted later in view, read-only', async () => {
    await achievement('a-gone', '锂电池极片辊压的在线测厚装置', '极片厚度的激光在线测量', ['H01M 4/04']);
    await call('techFollowUpSave', {
      needId: 'n-1',
      achievementId: 'a-gone',
      status: 'introduced',
      note: '已转介',
      followedOn: todayIso(),
    });
    await call('achievementDelete', { id: 'a-gone' });
    const hits = await call<AchievementMatchView[]>('techMatchesForNeed', { needId: 'n-1', k: 5 });
    expect(hits.find((h) => h.id === 'a-gone')).toMatchObject({
      achievement: null,
      reason: '该科技成果已被删除，跟进记录保留',
      followUp: { status: 'introduced', note: '已转介' },
    });
    const again = await rt.dispatch('techFollowUpSave', {
      needId: 'n-1',
      achievementId: 'a-gone',
      status: 'dropped',
      followedOn: todayIso(),
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/科技成果不存在或已被删除/);
  });

  it('imports achievements from a spreadsheet, a row again updating rather than doubling', async () => {
    const sheet = await xlsx([
      ['成果名称', '持有单位', '成果简介', 'IPC分类', '成熟度', '转化方式'],
      ['一种固态电解质膜的制备方法', '某科技研究院', '硫化物固态电解质', 'H01M 10/0562', '小试', '转让、许可'],
      ['一种固态电解质膜的制备方法', '某科技研究院', '硫化物固态电解质，已完成中试', 'H01M 10/0562', '中试', '许可'],
      ['', '某科技研究院', '', '', '', ''],
    ]);
    const up = await call<{ uploadId: string }>('importUpload', {
      fileName: '成果.xlsx',
      fileBase64: Buffer.from(sheet).toString('base64'),
    });
    const job = await call<JobStatusView>('importStart', { kind: 'achievements', uploadId: up.uploadId, mode: 'commit' });
    const report = jobResult<{ created: number; updated: number; rejected: number }>((await finishJob(call, job)).final)!;
    expect(report).toMatchObject({ created: 1, updated: 1, rejected: 1 });
    const list = await call<Page<{ title: string; maturity: string }>>('achievementsList', { search: '固态电解质' });
    expect(list.total).toBe(1);
    expect(list.rows[0]!.maturity).toBe('中试');
  });

  it('lists achievements a page at a time, newest first, searched in SQL with its wildcards taken literally', async () => {
    const all = rt.db!.prepare('SELECT id FROM achievements ORDER BY updated_at DESC, id').pluck().all() as string[];
    expect(all.length).toBeGreaterThanOrEqual(4);
    const pages: string[] = [];
    for (let offset = 0; offset < all.length; offset += 3) {
      const p = await call<Page<{ id: string }>>('achievementsList', { offset, limit: 3 });
      expect(p.total).toBe(all.length);
      pages.push(...p.rows.map((r) => r.id));
    }
    expect(pages).toEqual(all);
    expect(await call<Page<unknown>>('achievementsList', { limit: 0 })).toEqual({ rows: [], total: all.length });
    expect((await call<Page<unknown>>('achievementsList', { search: '%' })).total).toBe(0);
    expect((await call<Page<{ id: string }>>('achievementsList', { search: 'H01M 4/04' })).rows.map((r) => r.id)).toContain('a-battery');
    expect((await rt.dispatch('achievementsList', { limit: 501 })).ok).toBe(false);
  });
});
