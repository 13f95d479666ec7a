import os from 'node:os';
import type { StoreAccess } from '../db/cipher';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../logger';
import { newId } from '../ids';
import { packedBuffers, portfolioParts, type PackedPart } from '../valuation/portfolio';
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

  /**
   * Runs the parts of one job on pooled workers. `finish` turns the parts' results into the
   * job's JSON result, or into one more spec, run on a worker too, whose result is the job's
   * (a valuation's merge and store: a 1,000-patent run is megabytes the main thread never writes).
   */
  function launch(
    type: JobStatus['type'],
    specs: JobSpec[],
    who: { actor: string; today: string },
    finish: (results: unknown[]) => string | JobSpec,
    after: (json: string) => string,
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
    // A valuation's parts wait for free workers: each counts from the start, so the bar never jumps back.
    const progress = specs.map((s) => ({ done: 0, total: s.type === 'valuation-part' ? s.items.length : 0 }));
    job.status.total = progress.reduce((sum, p) => sum + p.total, 0);
    const results: unknown[] = new Array(specs.length);
    let ended = 0;

    const succeed = (json: string) => {
      try {
        Object.assign(job.status, { state: 'done', resultJson: after(json), done: job.status.total || 1, total: job.status.total || 1 });
      } catch (err) {
        failWith(err);
      }
    };
    const failWith = (err: unknown) => {
      const known = err instanceof AppError ? err : databaseError(err, dbFile());
      fail(job, known ? known.code : 'INTERNAL', known ? known.message : err instanceof Error ? err.message : String(err));
    };
    const allDone = () => {
      let next: string | JobSpec;
      try {
        next = finish(results);
      } catch (err) {
        failWith(err);
        return settle();
      }
      if (typeof next === 'string') {
        succeed(next);
        return settle();
      }
      // The follow-up step: its progress is not counted (the bar stays full until it is done).
      runPart(next, (m) => {
        if (m?.type === 'done' && job.status.state === 'running') succeed(m.resultJson);
        settle();
      });
    };
    const partEnded = () => {
      if (++ended === specs.length) {
        if (job.status.state === 'running') allDone();
        else settle();
      }
    };

    function runPart(spec: JobSpec, onEnd: (m: WorkerMessage | null) => void, onProgress?: (done: number, total: number) => void) {
      void acquire().then((pw) => {
        if (job.status.state !== 'running') {
          release(pw);
          return onEnd(null);
        }
        pw.current = {
          onMessage: (m) => {
            if (m.jobId !== job.status.id) return;
            if (m.type === 'progress') return onProgress?.(m.done, m.total);
            if (m.type === 'failed') fail(job, m.code, m.message);
            release(pw);
            onEnd(m);
          },
          onCrash: (message) => {
            fail(job, 'INTERNAL', message);
            pw.current = undefined;
            onEnd(null);
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
        // A merge's parts hold megabytes of buffers: moved to the worker, never copied here.
        pw.worker.postMessage(request, spec.type === 'valuation-merge' ? packedBuffers(spec.parts) : []);
      });
    }

    specs.forEach((spec, n) =>
      runPart(
        spec,
        (m) => {
          if (m && job.status.state === 'running') {
            if (m.type === 'done') results[n] = m.resultJson;
            else if (m.type === 'part-done') results[n] = m.part;
          }
          partEnded();
        },
        (done, total) => {
          progress[n] = { done, total };
          Object.assign(job.status, {
            done: progress.reduce((s, p) => s + p.done, 0),
            total: progress.reduce((s, p) => s + p.total, 0),
          });
        },
      ),
    );
    return { ...job.status };
  }

  /**
   * Starts a job. `after`, when given, runs in this thread once the job succeeded (e.g. to
   * store the result) and may replace its JSON; if it throws, the job fails with its message.
   */
  function start(spec: JobSpec, who: { actor: string; today: string }, after: (json: string) => string = (json) => json): JobStatus {
    if (spec.type === 'valuation' && cores > 1 && spec.items.length > 1) {
      // Fixed-size parts in order, as valuePortfolio cuts them: the same bits on any core count.
      const parts: JobSpec[] = portfolioParts(spec.items).map((items) => ({ type: 'valuation-part' as const, items }));
      // The parts are merged (and the run stored) on a worker too: see launch.
      const merge = (results: unknown[]): JobSpec => ({
        type: 'valuation-merge',
        parts: results as PackedPart[],
        store: spec.store,
      });
      if (parts.length > 1) return launch('valuation', parts, who, merge, after);
    }
    if (spec.type === 'self-check' && spec.parts && spec.parts.length > 1) {
      const parts: JobSpec[] = spec.parts.map((rowids) => ({ type: 'self-check-part' as const, resourcesDir: spec.resourcesDir, rowids }));
      return launch('self-check', parts, who, (results) => JSON.stringify(mergeTallies(results as SelfCheckTally[])), after);
    }
    if (spec.type === 'valuation-part' || spec.type === 'valuation-merge' || spec.type === 'self-check-part')
      throw new AppError('INVALID_INPUT', `${spec.type} is internal`);
    return launch(spec.type, [spec], who, (results) => results[0] as string, after);
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
