/**
 * Runs the sync engine in a worker thread of its own (kept between runs, started on the first),
 * on the worker's own connection to the database: the main process only posts the request and
 * reads progress, so it keeps answering the window through a first pull of 400,000 records.
 * Tokens the worker refreshes come back here to be kept by the vault.
 */
import { Worker } from 'node:worker_threads';
import type { StoreAccess } from '../db/cipher';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { newId } from '../ids';
import type { WorkerLaunch } from '../jobs/manager';
import type { SyncWorkerMessage, WorkerRequest } from '../jobs/types';
import type { Logger } from '../logger';
import type { SyncReport } from './engine';
import type { SyncRunner } from './runner';
import { sessionOf } from './session';

export interface WorkerRunner {
  run: SyncRunner;
  close(): Promise<void>;
}

export function createWorkerRunner(opts: { launch: WorkerLaunch; access?: () => StoreAccess; logger: Logger }): WorkerRunner {
  let worker: Worker | null = null;
  let current: { onMessage(m: SyncWorkerMessage): void; onExit(): void } | null = null;

  function ensure(): Worker {
    if (worker) return worker;
    // The job workers' larger young generation: a first pull allocates every record's objects,
    // and a worker's default nursery had it scavenging all the time.
    const w = new Worker(opts.launch.file, { execArgv: opts.launch.execArgv ?? [], resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    w.on('message', (m: SyncWorkerMessage) => current?.onMessage(m));
    w.on('error', (err) => opts.logger.error('sync worker crashed', err));
    w.on('exit', () => {
      if (worker === w) worker = null;
      current?.onExit();
    });
    return (worker = w);
  }

  const run: SyncRunner = (r) => {
    const { server, pair } = sessionOf(r.db, r.vault);
    const w = ensure();
    // Held only while a run is on, so an idle worker never keeps a CLI or test process alive.
    w.ref();
    const jobId = newId();
    return new Promise<SyncReport>((resolve, reject) => {
      current = {
        onMessage(m) {
          if (m.jobId !== jobId) return;
          if (m.type === 'sync-progress') r.onProgress(m.progress);
          else if (m.type === 'tokens') r.vault.save(m.pair);
          else if (m.type === 'done') resolve(JSON.parse(m.resultJson) as SyncReport);
          // A bug's message is for the log (the service says so in Chinese); a known failure is shown.
          else reject(m.code === 'INTERNAL' ? new Error(m.message) : new AppError(m.code as ErrorCode, m.message));
        },
        onExit: () => reject(new Error('the sync worker exited during a run')),
      };
      const request: WorkerRequest = {
        type: 'sync',
        jobId,
        dbFile: r.db.name,
        access: opts.access?.() ?? {},
        server,
        pair,
        pageSize: r.pageSize,
        allowMassRemoval: r.allowMassRemoval,
      };
      w.postMessage(request);
    }).finally(() => {
      current = null;
      worker?.unref();
    });
  };

  return {
    run,
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
