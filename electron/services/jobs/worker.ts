/**
 * Pooled worker-thread entry: waits for jobs, one at a time, on connections of its own to
 * the SQLite file (WAL lets a writer work beside the main connection's readers), reports
 * progress, and checks a shared flag for cancellation between batches of rows.
 */
import { parentPort } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../db/connection';
import { runJob } from './run-job';
import type { WorkerMessage, WorkerRequest } from './types';

const connections = new Map<string, Database>();
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

function connection(file: string, nativeBinding?: string): Database {
  let db = connections.get(file);
  if (!db?.open) connections.set(file, (db = openDatabase({ file, nativeBinding }).db));
  return db;
}

parentPort!.on('message', async (req: WorkerRequest) => {
  if (req.type === 'warm') {
    // Load what the heaviest-waited-for jobs need, so the first one starts at once.
    await Promise.all([import('../valuation/portfolio'), import('../importers/run-import'), import('../importers/read-table')]);
    return;
  }
  const flag = new Int32Array(req.cancelFlag);
  let lastProgress = 0;
  try {
    const result = await runJob(req.spec, {
      db: connection(req.dbFile, req.nativeBinding),
      actor: req.actor,
      today: req.today,
      isCancelled: () => Atomics.load(flag, 0) === 1,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - lastProgress > 100 || done === total) {
          lastProgress = now;
          post({ jobId: req.jobId, type: 'progress', done, total });
        }
      },
    });
    post(req.spec.type === 'valuation-part' ? { jobId: req.jobId, type: 'part-done', part: result } : { jobId: req.jobId, type: 'done', resultJson: JSON.stringify(result) });
  } catch (err) {
    post(err instanceof AppError ? { jobId: req.jobId, type: 'failed', code: err.code, message: err.message } : { jobId: req.jobId, type: 'failed', code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
  }
});
