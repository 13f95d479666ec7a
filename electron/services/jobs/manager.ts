import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { newId } from '../ids';
import type { JobSpec, WorkerInput, WorkerMessage } from './types';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  id: string;
  type: JobSpec['type'];
  state: JobState;
  done: number;
  total: number;
  startedAt: string;
  result?: unknown;
  error?: { code: string; message: string };
}

export interface WorkerLaunch {
  /** The worker script: the .ts source under tsx, the bundled .cjs in Electron. */
  file: string;
  execArgv?: string[];
}

interface Job {
  status: JobStatus;
  cancel: Int32Array;
  worker: Worker;
}

/**
 * Runs long jobs (imports, exports, demo data) in worker threads so neither the main
 * process nor the renderer stalls. The renderer polls status; finished jobs are kept
 * for a while so a late poll still sees the result.
 */
export function createJobManager(opts: { launch: WorkerLaunch; dbFile: string; nativeBinding?: string; logger: Logger; keep?: number }) {
  const jobs = new Map<string, Job>();
  const keep = opts.keep ?? 20;

  function prune() {
    const finished = [...jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.status.id);
  }

  function start(spec: JobSpec, who: { actor: string; today: string }): JobStatus {
    prune();
    const id = newId();
    const cancelFlag = new SharedArrayBuffer(4);
    const input: WorkerInput = { spec, dbFile: opts.dbFile, nativeBinding: opts.nativeBinding, actor: who.actor, today: who.today, cancelFlag };
    const worker = new Worker(opts.launch.file, { workerData: input, execArgv: opts.launch.execArgv ?? [] });
    const job: Job = { status: { id, type: spec.type, state: 'running', done: 0, total: 0, startedAt: new Date().toISOString() }, cancel: new Int32Array(cancelFlag), worker };
    jobs.set(id, job);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') Object.assign(job.status, { done: m.done, total: m.total });
      else if (m.type === 'done') Object.assign(job.status, { state: 'done', result: m.result, done: job.status.total || 1, total: job.status.total || 1 });
      else {
        const cancelled = Atomics.load(job.cancel, 0) === 1;
        Object.assign(job.status, { state: cancelled ? 'cancelled' : 'failed', error: { code: m.code, message: cancelled ? '已取消，数据库未作任何改动' : m.message } });
        if (!cancelled && m.code === 'INTERNAL') opts.logger.error(`job ${spec.type} failed: ${m.message}`);
      }
    });
    worker.on('error', (err) => {
      opts.logger.error(`job ${spec.type} crashed`, err);
      Object.assign(job.status, { state: 'failed', error: { code: 'INTERNAL', message: '后台任务意外中止，数据库未作改动。详情已写入日志。' } });
    });
    worker.on('exit', () => {
      if (job.status.state === 'running') Object.assign(job.status, { state: 'failed', error: { code: 'INTERNAL', message: '后台任务意外退出' } });
    });
    return { ...job.status };
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

  /** Waits for a job to finish (CLI and tests; the UI polls instead). */
  function wait(id: string): Promise<JobStatus> {
    const job = jobs.get(id);
    if (!job) return Promise.reject(new AppError('NOT_FOUND', '任务不存在'));
    if (job.status.state !== 'running') return Promise.resolve({ ...job.status });
    return new Promise((resolve) => job.worker.once('exit', () => setImmediate(() => resolve({ ...job.status }))));
  }

  async function close() {
    await Promise.all([...jobs.values()].filter((j) => j.status.state === 'running').map((j) => (Atomics.store(j.cancel, 0, 1), j.worker.terminate())));
  }

  return { start, status, cancel, wait, close };
}
export type JobManager = ReturnType<typeof createJobManager>;
