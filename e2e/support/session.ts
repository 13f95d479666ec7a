import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createChromiumPrinter } from '../../electron/harness/pdf';
import { startHarness, type Harness } from '../../electron/harness/server';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../../electron/services/jobs/tsx-launch';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../electron/services/runtime';
import { tempDir } from '../../test/support/temp';

const root = path.resolve(import.meta.dirname, '../..');
// The harness's services and the browser run in one zone, as on a steward's laptop: otherwise,
// between 16:00 and 24:00 UTC the page's "today" (Beijing) is a day after the service's (UTC).
process.env.TZ = 'Asia/Shanghai';
export const ARTIFACTS = path.join(root, '.e2e-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium as root, on a machine with no network beyond loopback. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface E2eSession {
  runtime: Runtime;
  harness: Harness;
  browser: Browser;
  page: Page;
  dataDir: string;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** The 1366×768 viewport as the user sees it (or the whole page with `fullPage`). */
  screenshot(name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real app as a user meets it, minus Electron: the built renderer, the harness over
 * the real services and a real SQLite file, driven in Debian's Chromium.
 */
export async function openSession(
  options: {
    prepare?: (dataDir: string) => void;
    runtime?: Pick<RuntimeOptions, 'autoSync' | 'syncIntervalMs' | 'updater' | 'updateFeed'>;
  } = {},
): Promise<E2eSession> {
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html')))
    throw new Error('dist/renderer is missing: run npm run build:renderer first (npm test does).');
  const tmp = tempDir('ipf-e2e-');
  options.prepare?.(tmp.dir);
  const printer = createChromiumPrinter(CHROMIUM);
  const runtime = createRuntime({
    dataDir: tmp.dir,
    version: '0.1.0-e2e',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
    printPdf: printer.print,
    ...options.runtime,
  });
  const harness = await startHarness({
    dispatch: runtime.dispatch,
    staticDir: path.join(root, 'dist/renderer'),
    token: crypto.randomBytes(16).toString('hex'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // A steward's laptop in Shenzhen: 1366×768, Chinese, Beijing time (the machine itself may run in UTC).
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    runtime,
    harness,
    browser,
    page,
    dataDir: tmp.dir,
    errors,
    async screenshot(name, opts = {}) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
      return file;
    },
    async close() {
      await browser.close();
      await harness.close();
      await runtime.close();
      await printer.close();
      tmp.cleanup();
    },
  };
}
