import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../services/jobs/tsx-launch';
import { todayIso } from '../../shared/domain/dates';
import { generateDemo } from '../services/demo/generate';
import { createRuntime } from '../services/runtime';
import { createChromiumPrinter } from './pdf';
import { startHarness } from './server';

const { values } = parseArgs({
  // --renderer-dir serves another built renderer (tests use a one-page folder).
  // --demo starts on a fresh folder filled with demo data (npm run demo).
  // --worker and --resources: the bundled harness (dist/harness/index.mjs) names the bundled job
  // worker and the resources folder, which the TypeScript sources find beside themselves.
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
    demo: { type: 'boolean' },
    worker: { type: 'string' },
    resources: { type: 'string' },
  },
  strict: true,
});
const dataDir = path.resolve(
  values['data-dir'] ??
    (values.demo ? fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-desk-demo-')) : path.join(os.tmpdir(), 'ipf-desk-harness')),
);
const printer = createChromiumPrinter();
const runtime = createRuntime({
  dataDir,
  version: pkg.version,
  shell: 'harness',
  logEcho: true,
  worker: values.worker ? { file: path.resolve(values.worker) } : TSX_WORKER,
  resourcesDir: values.resources ? path.resolve(values.resources) : DEV_RESOURCES_DIR,
  printPdf: printer.print,
  autoSync: true,
  autoBackup: true,
  warm: true,
});
if (values.demo && runtime.db) {
  const result = generateDemo(runtime.db, {
    enterprises: 300,
    today: todayIso(),
    ctx: { actor: '演示数据', now: new Date().toISOString() },
  });
  process.stdout.write(`已生成演示数据：${result.enterprises} 家企业、${result.ipAssets} 项知识产权、${result.entries} 条白名单记录\n`);
}
const token = crypto.randomBytes(24).toString('hex');

startHarness({
  dispatch: runtime.dispatch,
  staticDir: path.resolve(values['renderer-dir'] ?? path.join(import.meta.dirname, '../../dist/renderer')),
  token,
  port: values.port ? Number(values.port) : 0,
}).then(
  (h) => {
    process.stdout.write(`知融工作台 harness: ${h.url}\n数据目录: ${dataDir}\n(仅供开发与测试，按 Ctrl+C 退出)\n`);
    const stop = () =>
      h
        .close()
        .then(() => Promise.all([runtime.close(), printer.close()]))
        .then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    runtime.close();
    process.exit(1);
  },
);
