/**
 * Worker-thread entry: opens its own connection to the same SQLite file (WAL allows a
 * writer beside the main connection's readers), runs one job, reports progress, and checks
 * a shared flag for cancellation between batches of rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../db/connection';
import { runJob } from './run-job';
import type { WorkerInput, WorkerMessage } from './types';

const input = workerData as WorkerInput;
const flag = new Int32Array(input.cancelFlag);
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

let lastProgress = 0;
const { db } = openDatabase({ file: input.dbFile, nativeBinding: input.nativeBinding });
runJob(input.spec, {
  db,
  actor: input.actor,
  today: input.today,
  isCancelled: () => Atomics.load(flag, 0) === 1,
  onProgress: (done, total) => {
    const now = Date.now();
    if (now - lastProgress > 100 || done === total) {
      lastProgress = now;
      post({ type: 'progress', done, total });
    }
  },
})
  .then(
    (result) => post(input.spec.type === 'valuation-part' ? { type: 'part-done', part: result } : { type: 'done', resultJson: JSON.stringify(result) }),
    (err: unknown) => post(err instanceof AppError ? { type: 'failed', code: err.code, message: err.message } : { type: 'failed', code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }),
  )
  .finally(() => db.close());
