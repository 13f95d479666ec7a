/**
 * 统计看板 painted after navigation, in Chromium through the harness, on the district-scale
 * store: the time from the hash change to the registrations' count on screen — with the facts
 * read ahead (the app warms them when it opens) and right after the data changed (the worker
 * reads them again), and 5 s after a change (refreshed in the background meanwhile) — against
 * the 关于 page painted after navigation in the same run.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { chromium, type Page } from 'playwright-core';
import { startHarness } from '../electron/harness/server';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../electron/services/jobs/tsx-launch';
import { createRuntime } from '../electron/services/runtime';
import { percentile } from './stats';

export interface Paint {
  warm: number;
  /** Navigated at once after a write: the facts are read while the user waits. */
  afterWrite: number;
  /** Navigated 5 s after a write: the app has refreshed the facts in the background meanwhile. */
  settled: number;
  about: number;
}

async function timed(page: Page, hash: string, ready: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await ready();
  return performance.now() - t;
}

export async function paintAfterNavigation(file: string, touch: () => void, samples = 5): Promise<Paint> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-paint-'));
  const runtime = createRuntime({
    dataDir,
    dbFile: file,
    version: 'bench',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
    warm: true,
  });
  const harness = await startHarness({
    dispatch: runtime.dispatch,
    staticDir: path.resolve(import.meta.dirname, '../dist/renderer'),
    token: crypto.randomBytes(8).toString('hex'),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(`${harness.url}#/about`);
    const about = () => page.getByText(path.basename(file)).first().waitFor({ timeout: 60_000 });
    const painted = () =>
      page
        .getByText(/^\d+ 笔$/)
        .first()
        .waitFor({ timeout: 60_000 });
    await about();
    // The first visit waits for the worker to start and read the facts the app warms at open.
    await timed(page, '#/dashboard', painted);
    const warm: number[] = [];
    const afterWrite: number[] = [];
    const settled: number[] = [];
    const aboutMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      aboutMs.push(await timed(page, '#/about', about));
      warm.push(await timed(page, '#/dashboard', painted));
      await timed(page, '#/about', about);
      touch();
      afterWrite.push(await timed(page, '#/dashboard', painted));
      await timed(page, '#/about', about);
      touch();
      await page.waitForTimeout(5000);
      settled.push(await timed(page, '#/dashboard', painted));
    }
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../.e2e-artifacts/bench-dashboard-100k.png') });
    return {
      warm: percentile(warm, 50),
      afterWrite: percentile(afterWrite, 50),
      settled: percentile(settled, 50),
      about: percentile(aboutMs, 50),
    };
  } finally {
    await browser.close();
    await harness.close();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A write by another connection (as the sync worker's), after which the facts are read again. */
export function touchOf(file: string): () => void {
  return () => {
    const db = new BetterSqlite3(file);
    db.prepare("UPDATE cases SET updated_at = updated_at WHERE id = 'bench-case-0'").run();
    db.close();
  };
}
