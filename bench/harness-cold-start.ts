/**
 * Cold start of the harness to first paint: from spawning it (fresh data folder, so the database
 * is created and migrated) until Chromium reports the first contentful paint and the Chinese
 * navigation is visible — from the TypeScript sources under tsx, and from the bundles
 * (dist/harness/index.cjs with the bundled job worker; issue 16's target < 1.5 s). Baseline
 * measured in the same run: a bare Node HTTP server started the same way, serving a one-line
 * page, to its first paint. Builds the bundles first (the renderer is built by npm run bench).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Figure } from './stats';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 5;
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${buf}`)));
  });
}

async function coldStart(browser: Browser, command: string[], ready: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, command, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await waitForUrl(child);
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByText(ready).first().waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const total = performance.now() - t0;
    await page.close();
    return total;
  } finally {
    child.kill('SIGTERM');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchHarnessColdStart(): Promise<Figure[]> {
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root });
  const baselineServer = path.join(os.tmpdir(), 'ipf-bench-baseline.mjs');
  fs.writeFileSync(
    baselineServer,
    "import http from 'node:http'; const s = http.createServer((q, r) => { r.writeHead(200, {'content-type': 'text/html; charset=utf-8'}); r.end('<p>基线页面</p>'); }); s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port + '/'));",
  );
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  const sources: number[] = [];
  const bundles: number[] = [];
  const base: number[] = [];
  const fresh = async (command: (dataDir: string) => string[]) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-'));
    try {
      return await coldStart(browser, command(dataDir), '企业与白名单');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      sources.push(await fresh((d) => ['--import', 'tsx', 'electron/harness/index.ts', '--data-dir', d]));
      bundles.push(
        await fresh((d) => [
          'dist/harness/index.cjs',
          '--data-dir',
          d,
          '--worker',
          'dist/electron/job-worker.cjs',
          '--resources',
          'resources',
          '--renderer-dir',
          'dist/renderer',
        ]),
      );
      base.push(await coldStart(browser, [baselineServer], '基线页面'));
    }
  } finally {
    await browser.close();
  }
  return [
    {
      name: 'harness cold start to first paint, TypeScript under tsx (median of 5)',
      value: median(sources),
      baseline: median(base),
      unit: 'ms',
    },
    {
      name: 'harness cold start to first paint, from the bundles (median of 5)',
      value: median(bundles),
      baseline: median(base),
      unit: 'ms',
      note: 'target < 1500 ms',
    },
  ];
}
