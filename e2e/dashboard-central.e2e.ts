/**
 * 统计看板 answered by the central service, in Chromium against the real server process: the
 * administrator's desktop pushes the demo's cases, shows the same figures from either source,
 * and a 南山 officer's desktop offers 南山 only; with the server gone the page says so in
 * Chinese and goes back to this computer's data at a click.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../electron/services/demo/generate';
import { openDatabase } from '../electron/services/db/connection';
import { DEV_RESOURCES_DIR } from '../electron/services/jobs/tsx-launch';
import type { DashboardView } from '../shared/types/stats';
import { spawnCentral } from '../test/support/central-process';
import { tempDir } from '../test/support/temp';
import { addCentralUser, signInOnSyncPage } from './support/central';
import { openSession, type E2eSession } from './support/session';

const tmp = tempDir('ipf-e2e-stats-');
const PASSWORD = 'e2e-统计-2026';
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = TODAY.slice(0, 4);
afterAll(() => tmp.cleanup());

const addUser = (data: string, name: string, role: string, districts?: string) => addCentralUser(data, name, role, PASSWORD, districts);
const signIn = (s: E2eSession, url: string, user: string) => signInOnSyncPage(s, url, user, PASSWORD, 120_000);

const local = async (s: E2eSession) => {
  const r = (await s.runtime.dispatch('dashboard', { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` })) as { ok: true; value: DashboardView };
  return r.value;
};

describe('统计看板 from the central service in Chromium', () => {
  it('shows the same figures from either source, an officer’s district only, and says when the server is gone', async () => {
    const data = path.join(tmp.dir, 'central');
    await addUser(data, '市管理员', 'admin');
    await addUser(data, '南山专员', 'officer', '南山');
    const server = spawnCentral(['--port', '0', '--data', data]);
    const url = await server.url;
    const opts = { runtime: { autoSync: true, syncIntervalMs: 3_600_000 } };
    const admin = await openSession({
      ...opts,
      prepare: (dir) => {
        const db = openDatabase({ file: path.join(dir, 'ipf-desk.sqlite') }).db;
        generateDemo(db, {
          enterprises: 80,
          today: TODAY,
          ctx: { actor: '演示', now: `${TODAY}T00:00:00.000Z` },
          seed: 7,
          resourcesDir: DEV_RESOURCES_DIR,
        });
        db.close();
      },
    });
    let officer: E2eSession | null = null;
    try {
      await signIn(admin, url, '市管理员');
      const here = await local(admin);
      expect(here.registrations.total.count).toBeGreaterThan(0);
      await admin.page.goto(`${admin.harness.url}#/dashboard`);
      await admin.page.getByText('来源：本机数据').waitFor();
      await admin.page.getByText(`${here.registrations.total.count} 笔`).first().waitFor();
      await admin.page.getByLabel('数据来源').getByText('中心服务').click();
      await admin.page.getByText(/来源：中心服务/).waitFor();
      // The central service's count, on screen, is the desktop's.
      await admin.page.getByText(`${here.registrations.total.count} 笔`).first().waitFor();
      await admin.page.waitForTimeout(500);
      await admin.screenshot('dashboard-central');

      officer = await openSession(opts);
      await signIn(officer, url, '南山专员');
      await officer.page.goto(`${officer.harness.url}#/dashboard`);
      await officer.page.getByLabel('数据来源').getByText('中心服务').click();
      await officer.page.getByText(/来源：中心服务.*全部（南山）/).waitFor();
      const nanshan = here.registrations.byDistrict.find((d) => d.key === '南山')?.count ?? 0;
      await officer.page.getByText(`${nanshan} 笔`).first().waitFor();
      await officer.page.getByLabel('所属区').click();
      const offered = await officer.page.locator('.ant-select-item-option').allTextContents();
      expect(offered).toEqual(['南山']);
      await officer.page.keyboard.press('Escape');
      await officer.screenshot('dashboard-central-officer');

      // The server goes away: said in Chinese, and one click back to this computer's data.
      server.child.kill('SIGTERM');
      await server.exited;
      await admin.page.reload();
      await admin.page.getByLabel('数据来源').getByText('中心服务').click();
      await admin.page
        .getByText(/无法连接中心服务/)
        .first()
        .waitFor({ timeout: 60_000 });
      await admin.screenshot('dashboard-central-offline');
      await admin.page.getByRole('button', { name: '改看本机数据' }).click();
      await admin.page.getByText('来源：本机数据').waitFor();
      await admin.page.getByText(`${here.registrations.total.count} 笔`).first().waitFor();
    } finally {
      await officer?.close();
      await admin.close();
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
    }
  }, 300_000);
});
