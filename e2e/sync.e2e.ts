/**
 * Two stewards of one district, each in their own harness and Chromium, against the real
 * central service process: sign in (a wrong address refused at its field), edit the same
 * enterprise while the server is down (offline shown in the header), sync, both see the
 * conflict (badge in the list, both values with who and when), one settles it with a typed
 * value (a wrong one refused at its field), and both end equal.
 */
import net from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../shared/sync/entities';
import { spawnCentral, type CentralProcess } from '../test/support/central-process';
import { usccFor } from '../test/support/sheets';
import { tempDir } from '../test/support/temp';
import { addCentralUser, signInOnSyncPage } from './support/central';
import { openSession, type E2eSession } from './support/session';

const tmp = tempDir('ipf-e2e-central-');
const PASSWORD = 'e2e-密码-2026';
afterAll(() => tmp.cleanup());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const addUser = (data: string, name: string) => addCentralUser(data, name, 'steward', PASSWORD, '光明');

const state = (p: Page, s: string) => p.waitForSelector(`[aria-label="sync-status"][data-state="${s}"]`, { timeout: 30_000 });

const signIn = (s: E2eSession, url: string, user: string) => signInOnSyncPage(s, url, user, PASSWORD);

async function syncNow(s: E2eSession, expected: string) {
  await s.page.goto(`${s.harness.url}#/sync`);
  await s.page.getByRole('button', { name: '立即同步' }).click();
  await state(s.page, expected);
}

async function editRevenue(s: E2eSession, name: string, wan: string) {
  await s.page.goto(`${s.harness.url}#/whitelist`);
  await s.page.getByText(name).first().click();
  await s.page.getByRole('button', { name: /编\s*辑/ }).click();
  const field = s.page.getByRole('textbox', { name: '上年营收（万元）' });
  await field.fill(wan);
  await s.page.getByRole('button', { name: /保\s*存/ }).click();
  await field.waitFor({ state: 'detached' });
  await s.page.keyboard.press('Escape');
}

describe('sync between two desktops in Chromium', () => {
  it('two stewards edit one enterprise offline, both see the conflict, one settles it, and both end equal', async () => {
    const data = path.join(tmp.dir, 'central');
    await addUser(data, '李管家');
    await addUser(data, '王管家');
    const port = await freePort();
    const start = () => spawnCentral(['--port', String(port), '--data', data]);
    let server: CentralProcess = start();
    const url = await server.url;
    const opts = { runtime: { autoSync: true, syncIntervalMs: 3_600_000 } };
    const a = await openSession(opts);
    const b = await openSession(opts);
    try {
      // The login screen; a malformed address is refused at its field.
      await a.page.goto(`${a.harness.url}#/sync`);
      await state(a.page, 'signed-out');
      await a.page.getByText('登录中心服务').first().waitFor();
      await a.screenshot('sync-login');
      await a.page.getByLabel('中心服务地址').fill('ftp://192.168.1.10:8080');
      await a.page.getByLabel('用户名').fill('李管家');
      await a.page.getByLabel('密码').fill(PASSWORD);
      await a.page.getByRole('button', { name: /登\s*录/ }).click();
      await a.page.getByText('须以 http:// 或 https:// 开头').waitFor();
      await a.screenshot('sync-login-refused');

      await signIn(a, url, '李管家');
      const name = '深圳市端到端同步科技有限公司';
      const made = await a.runtime.dispatch('enterpriseSave', { name, uscc: usccFor(71), district: '光明', revenueFen: 100_000_000 });
      expect(made.ok).toBe(true);
      await syncNow(a, 'idle');
      await a.screenshot('sync-page-idle');
      await signIn(b, url, '王管家');
      await b.page.goto(`${b.harness.url}#/whitelist`);
      await b.page.getByText(name).waitFor();

      // The server goes away; both edit 上年营收 offline.
      server.child.kill('SIGTERM');
      await server.exited;
      await editRevenue(a, name, '200');
      await editRevenue(b, name, '300');
      await syncNow(a, 'offline');
      await a.page
        .getByText(/无法连接中心服务.*连接(被拒绝|中断)/)
        .first()
        .waitFor();
      await a.page.getByText('1 项待同步').waitFor();
      await a.screenshot('sync-offline');

      // Back online: A's value arrives first, B's becomes a conflict both see.
      server = start();
      await server.url;
      await syncNow(a, 'idle');
      await syncNow(b, 'idle');
      await syncNow(a, 'idle');
      for (const s of [a, b]) {
        await s.page.getByText('1 项冲突').waitFor();
        const card = s.page.locator('[data-conflict-card]');
        await card.getByText('上年营收').waitFor();
        await card.getByText('200.00 万元').waitFor();
        await card.getByText('300.00 万元').waitFor();
        await card.getByText(/^李管家 · \d{4}-\d\d-\d\d \d\d:\d\d/).waitFor();
        await card.getByText(/^王管家 · \d{4}-\d\d-\d\d \d\d:\d\d/).waitFor();
      }
      await a.screenshot('sync-conflict');
      await a.page.goto(`${a.harness.url}#/whitelist`);
      await a.page
        .locator(`[data-conflict="${(made as { value: { id: string } }).value.id}"]`)
        .first()
        .waitFor();
      await a.screenshot('sync-conflict-badge');

      // B types a third value: a wrong one is refused at its field, then 250 万元 is taken.
      await b.page.goto(`${b.harness.url}#/sync`);
      const third = b.page.locator('form[aria-label="conflict-third"]');
      await third.getByRole('textbox').fill('二百五');
      await third.getByRole('button', { name: '保存新值' }).click();
      await third.getByText('请输入数字').waitFor();
      await third.getByRole('textbox').fill('250');
      await third.getByRole('button', { name: '保存新值' }).click();
      await b.page.getByText('没有待处理的冲突').waitFor();
      await state(b.page, 'idle');
      await syncNow(a, 'idle');
      await a.page.getByText('没有待处理的冲突').waitFor();

      const id = (made as { value: { id: string } }).value.id;
      const fields = async (s: E2eSession) => {
        const r = await s.runtime.dispatch('enterpriseGet', { id });
        const e = (r as { value: Record<string, unknown> }).value;
        return Object.fromEntries(ENTITIES.enterprise.fields.map((f) => [f, e[f]]));
      };
      const [fa, fb] = [await fields(a), await fields(b)];
      expect(fa).toEqual(fb);
      expect(fa.revenueFen).toBe(250_000_000);
      for (const s of [a, b])
        expect((await s.runtime.dispatch('syncStatus', {})) as unknown).toMatchObject({ value: { openConflicts: 0, pending: 0 } });
      expect([...a.errors, ...b.errors]).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);
});
