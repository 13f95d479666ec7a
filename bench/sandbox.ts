/**
 * 培训模式's figures: how long a trainer waits to enter the sandbox, load the training dataset
 * (its whole script through the app's mutations), reset it, and save and restore a snapshot,
 * each against copying the same sandbox file with fs.copyFileSync in the same run (the least
 * any of them could cost).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../electron/services/jobs/tsx-launch';
import { createRuntime } from '../electron/services/runtime';
import { sandboxFile } from '../electron/services/training/sandbox-files';
import type { Figure } from './stats';

const REPEATS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchSandbox(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipf-bench-sandbox-'));
  const rt = createRuntime({ dataDir: dir, version: 'bench', shell: 'cli', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  const call = async (method: string, input: unknown = {}) => {
    const r = await rt.dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message);
  };
  const timed = async (run: () => Promise<void>) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  const times: Record<string, number[]> = { enter: [], load: [], reset: [], save: [], restore: [], copy: [] };
  try {
    for (let i = 0; i < REPEATS; i++) {
      times.enter!.push(await timed(() => call('sandboxEnter')));
      times.load!.push(await timed(() => call('sandboxLoad')));
      times.reset!.push(await timed(() => call('sandboxReset')));
      times.save!.push(await timed(() => call('snapshotSave', { name: `第${i}期`, overwrite: true })));
      times.restore!.push(await timed(() => call('snapshotRestore', { name: `第${i}期` })));
      const copy = path.join(dir, 'copy.sqlite');
      times.copy!.push(await timed(async () => fs.copyFileSync(sandboxFile(dir), copy)));
      await call('sandboxLeave');
    }
  } finally {
    await rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const baseline = median(times.copy!);
  const note = 'baseline: fs.copyFileSync of the loaded sandbox';
  return [
    { name: 'sandbox enter (ms)', unit: 'ms', value: median(times.enter!), baseline, note },
    { name: 'sandbox load training dataset (ms)', unit: 'ms', value: median(times.load!), baseline, note },
    { name: 'sandbox reset (ms)', unit: 'ms', value: median(times.reset!), baseline, note },
    { name: 'sandbox snapshot save (ms)', unit: 'ms', value: median(times.save!), baseline, note },
    { name: 'sandbox snapshot restore (ms)', unit: 'ms', value: median(times.restore!), baseline, note },
  ];
}
