/**
 * The renderer stays responsive while a large import runs: the longest gap between animation
 * frames in Chromium (through the harness) while 50,000 rows are checked and imported,
 * against the longest gap on the same page left idle for the same time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Page } from 'playwright-core';
import { startHarness } from '../electron/harness/server';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../electron/services/jobs/tsx-launch';
import { createRuntime } from '../electron/services/runtime';
import { usccFor } from '../test/support/sheets';
import { recordFrames as record } from './frames';
import type { Figure } from './stats';

const ROWS = 50_000;
let longestTask = 0;
const root = path.resolve(import.meta.dirname, '..');

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(['企业名称', '统一社会信用代码', '所属区', '上年营收（万元）']);
  for (let i = 0; i < ROWS; i++) ws.addRow([`深圳市响应测试${i}科技有限公司`, usccFor(i + 1), '南山', 100 + i]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Records frames, keeping the longest task seen over all phases. */
async function recordFrames(page: Page): Promise<() => Promise<number>> {
  const stop = await record(page);
  return async () => {
    const f = await stop();
    longestTask = Math.max(longestTask, f.longTask);
    return f.gap;
  };
}

export async function benchImportResponsiveness(): Promise<Figure> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-resp-'));
  const runtime = createRuntime({ dataDir, version: 'bench', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  const harness = await startHarness({
    dispatch: runtime.dispatch,
    staticDir: path.join(root, 'dist/renderer'),
    token: crypto.randomBytes(8).toString('hex'),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${harness.url}#/whitelist`);
    await page.getByRole('tab', { name: '导入' }).click();
    const buffer = await workbook();
    const t0 = Date.now();
    const phases: Record<string, number> = {};
    // Playwright itself builds the File inside the page (a long task of its own), so the
    // frames are recorded from the moment the app has the file.
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'big.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    longestTask = 0;
    let stop = await recordFrames(page);
    await page.getByText(`big.xlsx：${ROWS} 行数据`).waitFor({ timeout: 120_000 });
    phases.preview = await stop();
    stop = await recordFrames(page);
    await page.getByRole('button', { name: /^预\s*检$/ }).click();
    await page.getByText('预检结果').waitFor({ timeout: 120_000 });
    phases.check = await stop();
    stop = await recordFrames(page);
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 120_000 });
    phases.import = await stop();
    const busy = Math.max(...Object.values(phases));
    const elapsed = Date.now() - t0;
    console.error(
      `longest frame by phase (ms): ${JSON.stringify(phases)}; longest task of the page's own JS: ${longestTask.toFixed(0)} ms`,
    );
    const stopIdle = await recordFrames(page);
    await page.waitForTimeout(Math.min(elapsed, 10_000));
    const idle = await stopIdle();
    return {
      name: `longest frame in the renderer during a ${ROWS}-row import (preview + check + import, ${(elapsed / 1000).toFixed(1)} s)`,
      value: busy,
      baseline: idle,
      unit: 'ms',
      note: 'target: no frame over 100 ms; baseline: the same page idle',
    };
  } finally {
    await browser.close();
    await harness.close();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
