/**
 * 统计看板 answered by a worker thread of its own, on its own connection: the facts of a district
 * (stats/facts.ts) take a second or more to read at 100,000 enterprises, and read on the main
 * thread they froze every window; kept in the worker, each filter change after that is worked
 * out there in milliseconds. Started and warmed when a database opens; idle, it never keeps a
 * CLI or test process alive.
 */
import { Worker } from 'node:worker_threads';
import type { StoreAccess } from '../db/cipher';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { StatsFilter } from '../../../shared/schemas/stats';
import type { DashboardView } from '../../../shared/types/stats';
import { newId } from '../ids';
import type { WorkerLaunch } from '../jobs/manager';
import type { DashboardWorkerMessage, WorkerRequest } from '../jobs/types';
import type { Logger } from '../logger';

export interface DashboardWorker {
  view(dbFile: string, filter: StatsFilter, now: string): Promise<DashboardView>;
  /** Reads the facts ahead of the first view. */
  warm(dbFile: string): void;
  close(): Promise<void>;
}

export function createDashboardWorker(opts: { launch: WorkerLaunch; access?: () => StoreAccess; logger: Logger }): DashboardWorker {
  let worker: Worker | null = null;
  const pending = new Map<string, { resolve(v: DashboardView): void; reject(e: Error): void }>();

  function ensure(): Worker {
    if (worker) return worker;
    const w = new Worker(opts.launch.file, { execArgv: opts.launch.execArgv ?? [], resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    w.on('message', (m: DashboardWorkerMessage) => {
      const p = pending.get(m.jobId);
      if (!p) return;
      pending.delete(m.jobId);
      if (pending.size === 0) w.unref();
      if (m.type === 'done') p.resolve(JSON.parse(m.resultJson) as DashboardView);
      else p.reject(m.code === 'INTERNAL' ? new Error(m.message) : new AppError(m.code as ErrorCode, m.message));
    });
    w.on('error', (err) => opts.logger.error('dashboard worker crashed', err));
    w.on('exit', () => {
      if (worker === w) worker = null;
      for (const p of pending.values()) p.reject(new Error('the dashboard worker exited'));
      pending.clear();
    });
    w.unref();
    return (worker = w);
  }

  function post(request: WorkerRequest & { type: 'dashboard' }): void {
    const w = ensure();
    w.postMessage(request);
  }

  return {
    view(dbFile, filter, now) {
      const jobId = newId();
      return new Promise<DashboardView>((resolve, reject) => {
        pending.set(jobId, { resolve, reject });
        ensure().ref();
        post({ type: 'dashboard', jobId, dbFile, access: opts.access?.() ?? {}, filter, now });
      });
    },
    warm(dbFile) {
      post({ type: 'dashboard', jobId: newId(), dbFile, access: opts.access?.() ?? {}, filter: null, now: '' });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
