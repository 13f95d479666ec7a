/** For the e2e runs against the real central service process: an account made by its CLI, and a sign-in on the 同步 page. */
import { expect } from 'vitest';
import { spawnCentral } from '../../test/support/central-process';
import type { E2eSession } from './session';

export async function addCentralUser(data: string, name: string, role: string, password: string, districts?: string): Promise<void> {
  const c = spawnCentral(
    ['user', 'add', '--name', name, '--role', role, ...(districts ? ['--districts', districts] : []), '--password-stdin', '--data', data],
    {},
    `${password}\n`,
  );
  expect((await c.exited).code, c.stderr()).toBe(0);
}

/** Signs in on the 同步 page and waits for the first sync to settle (idle). */
export async function signInOnSyncPage(s: E2eSession, url: string, user: string, password: string, timeout = 30_000): Promise<void> {
  await s.page.goto(`${s.harness.url}#/sync`);
  await s.page.getByLabel('中心服务地址').fill(url);
  await s.page.getByLabel('用户名').fill(user);
  await s.page.getByLabel('密码').fill(password);
  await s.page.getByRole('button', { name: /登\s*录/ }).click();
  await s.page.getByText('负责区域').waitFor();
  await s.page.waitForSelector('[aria-label="sync-status"][data-state="idle"]', { timeout });
}
