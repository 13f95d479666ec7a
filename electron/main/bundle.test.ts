import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, METHOD_NAMES } from '../../shared/contract';
import type { JobStatusView } from '../../shared/types/jobs';
import { createFakeElectron } from '../../test/support/fake-electron';
import { csv, usccFor } from '../../test/support/sheets';
import { tempDir } from '../../test/support/temp';

/**
 * The bundles Electron actually runs (dist/electron/*.cjs), loaded in Node with only the
 * 'electron' module replaced: this catches what esbuild bundling can break (dynamic requires,
 * the worker entry, the native module) without Electron's binary.
 */
const root = path.resolve(import.meta.dirname, '../..');
const tmp = tempDir();
const fake = createFakeElectron(tmp.dir);
const require = createRequire(import.meta.url);
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const Module = require('node:module') as { _load: Loader };
const originalLoad = Module._load;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root });
  Module._load = function (request, parent, isMain) {
    return request === 'electron' ? fake.module : originalLoad.call(this, request, parent, isMain);
  };
  require(path.join(root, 'dist/electron/main.cjs'));
  fake.fireReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
}, 60_000);
afterAll(() => {
  Module._load = originalLoad;
  fake.module.app.emit('will-quit');
  tmp.cleanup();
});

const fromApp = () => ({ sender: fake.windows[0]!.webContents, senderFrame: { url: 'app://ipf/index.html', parent: null } });
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await fake.handlers.get(channelOf(method as never))!(fromApp(), input)) as {
    ok: boolean;
    value: T;
    error?: { message: string };
  };
  if (!r.ok) throw new Error(r.error!.message);
  return r.value;
}

describe('the bundled main process and job worker', () => {
  it('opens the store in the user-data folder and answers calls', async () => {
    const info = await call<{ db: { status: string; file: string } }>('appInfo', {});
    expect(info.db).toMatchObject({ status: 'ok', file: path.join(tmp.dir, 'ipf-desk.sqlite') });
    expect(await call('idCheck', { value: '91350100M000100Y43' })).toMatchObject({ valid: true });
  });

  it('runs an import in the bundled worker thread', async () => {
    const bytes = csv([
      ['企业名称', '统一社会信用代码', '所属区'],
      ['深圳市打包测试科技有限公司', usccFor(1), '龙华'],
    ]);
    const { uploadId } = await call<{ uploadId: string }>('importUpload', {
      fileName: 'a.csv',
      fileBase64: Buffer.from(bytes).toString('base64'),
    });
    let job = await call<JobStatusView>('importStart', { kind: 'enterprises', uploadId, mode: 'commit' });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = await call<JobStatusView>('jobStatus', { id: job.id });
    }
    expect(job.state).toBe('done');
    expect(JSON.parse(job.resultJson!)).toMatchObject({ created: 1 });
    expect((await call<{ total: number }>('enterprisesList', { filter: { search: '打包测试' } })).total).toBe(1);
  }, 30_000);
});

describe('the bundled preload', () => {
  it('exposes exactly the contract calls, each forwarding to its channel, without carrying the schemas', async () => {
    const exposed: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    const invoked: [string, unknown][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: Record<string, (input: unknown) => Promise<unknown>>) => (exposed[key] = value),
      },
      ipcRenderer: { invoke: async (channel: string, input: unknown) => (invoked.push([channel, input]), 'answer') },
    };
    const file = path.join(root, 'dist/electron/preload.cjs');
    const source = fs.readFileSync(file, 'utf8');
    // Run as Electron's sandboxed preload runs it: a function given only require('electron').
    new Function('require', source)((name: string) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    });
    expect(Object.keys(exposed.api!)).toEqual(METHOD_NAMES);
    expect(Object.isFrozen(exposed.api)).toBe(true);
    await expect(exposed.api!.caseGet!({ id: 'x' })).resolves.toBe('answer');
    expect(invoked).toEqual([[channelOf('caseGet'), { id: 'x' }]]);
    expect(source).not.toMatch(/zod|ZodError/);
  });
});
