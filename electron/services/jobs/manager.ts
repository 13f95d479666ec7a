import os from 'node:os';
import type { StoreAccess } from '../db/cipher';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { newId } from '../ids';
import { mergePackedParts, type PackedPart } from '../valuation/portfolio';
import { mergeTallies, type SelfCheckTally } from '../../../shared/domain/qualification/tally';
import type { JobStatusView } from '../../../shared/types/jobs';
import type { JobSpec, WorkerMessage, WorkerRequest } from './types';
import { databaseError } from '../db/errors';

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
  finished: Promise<void>;
}

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  /** The job part this worker is running, told about its messages and about a crash. */
  current?: { onMessage: (m: WorkerMessage) => void; onCrash: (message: string) => void };
}

/** Valuation portfolios at least this large are split across the machine's cores. */
const SPLIT_FROM = 40;

/**
 * Runs long jobs (imports, exports, demo data, valuations) on a pool of worker threads, one
 * per core, kept alive between jobs so a job does not pay for starting a thread and loading
 * its modules; neither the main process nor the renderer stalls. A large valuation and a district's self-check are split
 * across the workers and its parts merged here. The renderer polls status.
 */
export function createJobManager(opts: {
  launch: WorkerLaunch;
  /** The database each job opens: read when it starts (the app switches databases per user). */
  dbFile: string | (() => string);
  /** The native module and the store's key, read when each job starts. */
  access?: () => StoreAccess;
  logger: Logger;
  keep?: number;
  cores?: number;
}) {
  const jobs = new Map<string, Job>();
  const dbFile = () => (typeof opts.dbFile === 'string' ? opts.dbFile : opts.dbFile());
  const keep = opts.keep ?? 20;
  const cores = Math.max(1, opts.cores ?? os.availableParallelism());
  const pool: PoolWorker[] = [];
  const waiting: ((w: PoolWorker) => void)[] = [];
  let closing = false;

  function spawn(): PoolWorker {
    // A larger young generation: a valuation allocates result objects for every patent, and
    // fewer scavenges of a 16 MB nursery saves a noticeable share of a 1,000-patent job.
    const pw: PoolWorker = {
      worker: new Worker(opts.launch.file, { execArgv: opts.launch.execArgv ?? [], resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
      busy: false,
    };
    pw.worker.on('message', (m: WorkerMessage) => pw.current?.onMessage(m));
    pw.worker.on('error', (err) => {
      opts.logger.error('job worker crashed', err);
      pw.current?.onCrash('后台任务意外中止，数据库未作改动。详情已写入日志。');
    });
    pw.worker.on('exit', () => {
      const at = pool.indexOf(pw);
      if (at >= 0) pool.splice(at, 1);
      pw.current?.onCrash('后台任务意外退出');
      // A job waiting for a worker gets a fresh one in place of the one that died.
      if (!closing && waiting.length > 0) {
        const fresh = spawn();
        fresh.busy = true;
        waiting.shift()!(fresh);
      }
    });
    pool.push(pw);
    return pw;
  }

  function acquire(): Promise<PoolWorker> {
    const idle = pool.find((w) => !w.busy) ?? (pool.length < cores ? spawn() : undefined);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(pw: PoolWorker) {
    pw.current = undefined;
    const next = waiting.shift();
    if (next) next(pw);
    else pw.busy = false;
  }

  /** Starts the pool and has each worker load the job modules, so the first job starts at once. */
  function warm() {
    while (pool.length < cores) spawn().worker.postMessage({ type: 'warm' } satisfies WorkerRequest);
  }

  function prune() {
    const finished = [...jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.status.id);
  }

  function fail(job: Job, code: string, message: string) {
    if (job.status.state !== 'running') return;
    const cancelled = Atomics.load(job.cancel, 0) === 1;
    Atomics.store(job.cancel, 0, 1); // stop the other parts too
    // A bug's own message is for the log; the user gets a Chinese sentence saying where to look.
    const shown = cancelled
      ? '已取消，数据库未作任何改动'
      : code === 'INTERNAL'
        ? '后台任务发生意外错误，操作未完成。详情已写入日志。'
        : message;
    Object.assign(job.status, { state: cancelled ? 'cancelled' : 'failed', error: { code, message: shown } });
    if (!cancelled && code === 'INTERNAL') opts.logger.error(`job ${job.status.type} failed: ${message}`);
  }

  /** Runs the parts of one job on pooled workers; `finish` turns the parts' results into the job's JSON result. */
  function launch(
    type: JobStatus['type'],
    specs: JobSpec[],
    who: { actor: string; today: string },
    finish: (results: unknown[]) => string,
  ): JobStatus {
    prune();
    const cancelFlag = new SharedArrayBuffer(4);
    let settle!: () => void;
    const job: Job = {
      status: { id: newId(), type, state: 'running', done: 0, total: 0, startedAt: new Date().toISOString() },
      cancel: new Int32Array(cancelFlag),
      finished: new Promise((r) => (settle = r)),
    };
    jobs.set(job.status.id, job);
    const progress = specs.map(() => ({ done: 0, total: 0 }));
    const results: unknown[] = new Array(specs.length);
    let ended = 0;
    const partEnded = () => {
      if (++ended === specs.length) settle();
    };
    specs.forEach((spec, n) => {
      void acquire().then((pw) => {
        if (job.status.state !== 'running') {
          release(pw);
          return partEnded();
        }
        pw.current = {
          onMessage: (m) => {
            if (m.jobId !== job.status.id) return;
            if (m.type === 'progress') {
              progress[n] = { done: m.done, total: m.total };
              Object.assign(job.status, {
                done: progress.reduce((s, p) => s + p.done, 0),
                total: progress.reduce((s, p) => s + p.total, 0),
              });
              return;
            }
            if (m.type === 'failed') fail(job, m.code, m.message);
            else {
              results[n] = m.type === 'done' ? m.resultJson : m.part;
              if (results.filter((r) => r !== undefined).length === specs.length && job.status.state === 'running') {
                try {
                  Object.assign(job.status, {
                    state: 'done',
                    resultJson: finish(results),
                    done: job.status.total || 1,
                    total: job.status.total || 1,
                  });
                } catch (err) {
                  const known = err instanceof AppError ? err : databaseError(err, dbFile());
                  fail(job, known ? known.code : 'INTERNAL', known ? known.message : err instanceof Error ? err.message : String(err));
                }
              }
            }
            release(pw);
            partEnded();
          },
          onCrash: (message) => {
            fail(job, 'INTERNAL', message);
            pw.current = undefined;
            partEnded();
          },
        };
        const request: WorkerRequest = {
          type: 'job',
          jobId: job.status.id,
          spec,
          dbFile: dbFile(),
          access: opts.access?.() ?? {},
          actor: who.actor,
          today: who.today,
          cancelFlag,
        };
        pw.worker.postMessage(request);
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
      const parts: JobSpec[] = Array.from({ length: cores }, (_, i) => ({
        type: 'valuation-part' as const,
        items: spec.items.slice(i * size, (i + 1) * size),
      })).filter((p) => p.items.length > 0);
      return launch('valuation', parts, who, (results) => after(mergePackedParts(results as PackedPart[])));
    }
    if (spec.type === 'self-check' && spec.parts && spec.parts.length > 1) {
      const parts: JobSpec[] = spec.parts.map((rowids) => ({ type: 'self-check-part' as const, resourcesDir: spec.resourcesDir, rowids }));
      return launch('self-check', parts, who, (results) => after(JSON.stringify(mergeTallies(results as SelfCheckTally[]))));
    }
    if (spec.type === 'valuation-part' || spec.type === 'self-check-part') throw new AppError('INVALID_INPUT', `${spec.type} is internal`);
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
    await job.finished;
    return { ...job.status };
  }

  async function close() {
    closing = true;
    for (const j of jobs.values()) if (j.status.state === 'running') Atomics.store(j.cancel, 0, 1);
    await Promise.all(pool.map((pw) => pw.worker.terminate()));
  }

  /**
   * Ends the idle workers, and with them their connections to the database (one per file,
   * kept between jobs): before that database is closed, replaced or left. New ones start on demand.
   */
  async function recycle() {
    const idle = pool.splice(0);
    await Promise.all(idle.map((pw) => pw.worker.terminate()));
  }

  /** Whether any job is still running (the database must not be switched under it). */
  const busy = () => [...jobs.values()].some((j) => j.status.state === 'running');

  return { start, status, cancel, wait, close, warm, busy, recycle, cores: () => cores };
}
export type JobManager = ReturnType<typeof createJobManager>;
