import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { newId } from '../ids';
import { mergePackedParts, type PackedPart } from '../valuation/portfolio';
import type { JobStatusView } from '../../../shared/types/jobs';
import type { JobSpec, WorkerInput, WorkerMessage } from './types';

/** The status the renderer polls; declared once in shared/. */
export type JobStatus = JobStatusView;

export interface WorkerLaunch {
  /** The worker script: the .ts source under tsx, the bundled .cjs in Electron. */
  file: string;
  execArgv?: string[];
}

interface Job {
  status: JobStatus;
  cancel: Int32Array;
  workers: Worker[];
}

/** Valuation portfolios at least this large are split across the machine's cores. */
const SPLIT_FROM = 40;

/**
 * Runs long jobs (imports, exports, demo data, valuations) in worker threads so neither the
 * main process nor the renderer stalls. A large valuation is split across the cores and its
 * parts merged here. The renderer polls status; finished jobs are kept for a while.
 */
export function createJobManager(opts: { launch: WorkerLaunch; dbFile: string; nativeBinding?: string; logger: Logger; keep?: number; cores?: number }) {
  const jobs = new Map<string, Job>();
  const keep = opts.keep ?? 20;
  const cores = Math.max(1, opts.cores ?? os.availableParallelism());

  function prune() {
    const finished = [...jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.status.id);
  }

  function fail(job: Job, code: string, message: string) {
    if (job.status.state !== 'running') return;
    const cancelled = Atomics.load(job.cancel, 0) === 1;
    Atomics.store(job.cancel, 0, 1); // stop the other parts too
    Object.assign(job.status, { state: cancelled ? 'cancelled' : 'failed', error: { code, message: cancelled ? '已取消，数据库未作任何改动' : message } });
    if (!cancelled && code === 'INTERNAL') opts.logger.error(`job ${job.status.type} failed: ${message}`);
  }

  /** Starts the workers of one job; `finish` turns the parts' results into the job's JSON result. */
  function launch(type: JobStatus['type'], specs: JobSpec[], who: { actor: string; today: string }, finish: (results: unknown[]) => string): JobStatus {
    prune();
    const cancelFlag = new SharedArrayBuffer(4);
    const job: Job = { status: { id: newId(), type, state: 'running', done: 0, total: 0, startedAt: new Date().toISOString() }, cancel: new Int32Array(cancelFlag), workers: [] };
    jobs.set(job.status.id, job);
    const progress = specs.map(() => ({ done: 0, total: 0 }));
    const results: unknown[] = new Array(specs.length);
    let finished = 0;
    specs.forEach((spec, n) => {
      const input: WorkerInput = { spec, dbFile: opts.dbFile, nativeBinding: opts.nativeBinding, actor: who.actor, today: who.today, cancelFlag };
      const worker = new Worker(opts.launch.file, { workerData: input, execArgv: opts.launch.execArgv ?? [] });
      job.workers.push(worker);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          progress[n] = { done: m.done, total: m.total };
          Object.assign(job.status, { done: progress.reduce((s, p) => s + p.done, 0), total: progress.reduce((s, p) => s + p.total, 0) });
        } else if (m.type === 'done' || m.type === 'part-done') {
          results[n] = m.type === 'done' ? m.resultJson : m.part;
          if (++finished === specs.length && job.status.state === 'running') {
            try {
              Object.assign(job.status, { state: 'done', resultJson: finish(results), done: job.status.total || 1, total: job.status.total || 1 });
            } catch (err) {
              fail(job, err instanceof AppError ? err.code : 'INTERNAL', err instanceof Error ? err.message : String(err));
            }
          }
        } else fail(job, m.code, m.message);
      });
      worker.on('error', (err) => {
        opts.logger.error(`job ${type} crashed`, err);
        fail(job, 'INTERNAL', '后台任务意外中止，数据库未作改动。详情已写入日志。');
      });
      worker.on('exit', () => {
        if (results[n] === undefined) fail(job, 'INTERNAL', '后台任务意外退出');
      });
    });
    return { ...job.status };
  }

  /**
   * Starts a job. `after`, when given, runs in this thread once the job succeeded (e.g. to
   * store the result) and may replace its JSON; if it throws, the job fails with its message.
   */
  function start(spec: JobSpec, who: { actor: string; today: string }, after: (json: string) => string = (json) => json): JobStatus {
    if (spec.type === 'valuation' && cores > 1 && spec.items.length >= SPLIT_FROM) {
      const size = Math.ceil(spec.items.length / cores);
      const parts: JobSpec[] = Array.from({ length: cores }, (_, i) => ({ type: 'valuation-part' as const, items: spec.items.slice(i * size, (i + 1) * size) })).filter((p) => p.items.length > 0);
      return launch('valuation', parts, who, (results) => after(mergePackedParts(results as PackedPart[])));
    }
    if (spec.type === 'valuation-part') throw new AppError('INVALID_INPUT', 'valuation-part is internal');
    return launch(spec.type, [spec], who, (results) => after(results[0] as string));
  }

  function status(id: string): JobStatus {
    const job = jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', '任务不存在或已过期');
    return { ...job.status };
  }

  function cancel(id: string): JobStatus {
    const job = jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', '任务不存在或已过期');
    if (job.status.state === 'running') Atomics.store(job.cancel, 0, 1);
    return { ...job.status };
  }

  /** Waits for a job to finish (CLI, tests and benchmarks; the UI polls instead). */
  async function wait(id: string): Promise<JobStatus> {
    const job = jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', '任务不存在');
    await Promise.all(job.workers.map((w) => new Promise((resolve) => (w.threadId === -1 ? resolve(null) : w.once('exit', resolve)))));
    await new Promise((r) => setImmediate(r));
    return { ...job.status };
  }

  async function close() {
    await Promise.all([...jobs.values()].filter((j) => j.status.state === 'running').flatMap((j) => (Atomics.store(j.cancel, 0, 1), j.workers.map((w) => w.terminate()))));
  }

  return { start, status, cancel, wait, close };
}
export type JobManager = ReturnType<typeof createJobManager>;
