import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { installRealApi } from '../../test/support/real-api';
import { tempDir } from '../../test/support/temp';
import { App } from './App';
import { resetApi } from './api';
import { useAppStore } from './app/store';
import { applyLanguage } from './i18n';

let cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
  resetApi();
  applyLanguage('zh-CN');
  useAppStore.setState({ boot: { phase: 'loading' }, info: null, settings: null });
});

function start(dataDir?: string) {
  const real = installRealApi({ dataDir });
  cleanups.push(real.cleanup);
  resetApi();
  render(<App />);
  return real;
}

const nav = () => screen.getByRole('menu', { name: 'main-navigation' });

describe('renderer shell', () => {
  it('shows the Chinese navigation for every area', async () => {
    start();
    await waitFor(() => nav());
    for (const label of ['工作台', '企业与白名单', '服务案件', '估值', '质押登记', '贴息申报', '数据同步', '培训', '关于']) {
      expect(within(nav()).getByText(label)).toBeTruthy();
    }
  });

  it('switches to English and stores the choice in the database', async () => {
    const real = start();
    await waitFor(() => nav());
    await userEvent.click(screen.getByText('English'));
    await waitFor(() => expect(within(nav()).getByText('Enterprises & whitelist')).toBeTruthy());
    const row = real.runtime.db!.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get();
    expect(row).toBe('"en-US"');
  });

  it('checks an identifier through the contract and shows the Chinese reason', async () => {
    start();
    const input = await screen.findByPlaceholderText(/统一社会信用代码或专利号/);
    await userEvent.type(input, '91350100M000100Y44{enter}');
    const result = await screen.findByTestId('id-result');
    expect(result.textContent).toContain('校验未通过');
    expect(result.textContent).toContain('校验码错误：应为“3”');
  });

  it('shows the about page with version and data folder', async () => {
    const real = start();
    window.location.hash = '#/about';
    // The page is its own chunk, loaded on first open (app/routes.tsx): slower on a busy machine.
    await screen.findByText('关于知融工作台', undefined, { timeout: 10_000 });
    expect(screen.getByText('0.0.0-test')).toBeTruthy();
    expect(screen.getAllByText(real.dataDir).length).toBeGreaterThan(0);
  });

  it('shows a clear screen, not a blank window, when the database is from a newer version', async () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'ipf-desk.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 999');
    db.close();
    start(tmp.dir);
    await screen.findByText('本地数据库无法打开');
    expect(screen.getByText(/更新版本的知融工作台/)).toBeTruthy();
    expect(screen.getByText(file)).toBeTruthy();
    cleanups.push(tmp.cleanup);
    expect(fs.existsSync(file)).toBe(true);
  });
});
