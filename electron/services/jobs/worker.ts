/**
 * Pooled worker-thread entry: waits for jobs, one at a time, on connections of its own to
 * the SQLite file (WAL lets a writer work beside the main connection's readers), reports
 * progress, and checks a shared flag for cancellation between batches of rows.
 */
import { parentPort } from 'node:worker_threads';
import type { StoreAccess } from '../db/cipher';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../db/connection';
import { databaseError } from '../db/errors';
import { syncInWorker } from '../sync/in-worker';
import { JsonText, runJob } from './run-job';
import { packedBuffers, type PackedPart } from '../valuation/portfolio';
import { dashboard } from '../stats/dashboard';
import { dashboardFacts } from '../stats/facts';
import type { DashboardWorkerMessage, SyncWorkerMessage, WorkerMessage, WorkerRequest } from './types';

const connections = new Map<string, Database>();
const post = (m: WorkerMessage | SyncWorkerMessage | DashboardWorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(m, transfer);

function connection(file: string, access: StoreAccess): Database {
  let db = connections.get(file);
  if (!db?.open) connections.set(file, (db = openDatabase({ file, ...access }).db));
  return db;
}

function warmUpItems() {
  const tri = (mode: number) => ({ type: 'triangular' as const, min: mode * 0.8, mode, max: mode * 1.2 });
  return Array.from({ length: 40 }, (_, n) => ({
    label: 'warm-up',
    input: {
      valuationDate: '2026-01-01',
      asset: { kind: 'invention' as const, filingDate: '2016-01-01' },
      approach: 'income' as const,
      income: { revenue: [1e6, 1.1e6, 1.2e6, 1.3e6, 1.4e6], shareRate: 0.03, discountRate: 0.12 },
      uncertainty: {
        paths: 2000,
        seed: n + 1,
        revenue: n % 2 ? tri(1) : { type: 'normal' as const, mean: 1, sd: 0.1, min: 0.7, max: 1.3 },
        shareRate: tri(0.03),
        discountRate: tri(0.12),
      },
      loanToValue: 0.3,
    },
  }));
}

parentPort!.on('message', async (req: WorkerRequest) => {
  if (req.type === 'warm') {
    // Load what the heaviest-waited-for jobs need, so the first one starts at once.
    const [portfolio] = await Promise.all([
      import('../valuation/portfolio'),
      import('../importers/run-import'),
      import('../importers/read-table'),
    ]);
    // A small throw-away valuation, so the engine's hot loops are compiled before the first
    // real job (a cold first run took about 300 ms longer for 1,000 patents).
    portfolio.valuePortfolioPart(warmUpItems());
    return;
  }
  if (req.type === 'dashboard') {
    try {
      const db = connection(req.dbFile, req.access);
      if (!req.filter) return void dashboardFacts(db);
      post({ jobId: req.jobId, type: 'done', resultJson: JSON.stringify(dashboard(db, req.filter, req.now)) });
    } catch (err) {
      failed(req.jobId, req.dbFile, err);
    }
    return;
  }
  try {
    if (req.type === 'sync') return await syncInWorker(req, connection(req.dbFile, req.access), post);
    const flag = new Int32Array(req.cancelFlag);
    let lastProgress = 0;
    const result = await runJob(req.spec, {
      db: connection(req.dbFile, req.access),
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
    if (req.spec.type === 'valuation-part' || req.spec.type === 'self-check-part') {
      // A valuation part's buffers are moved to the main thread, not copied.
      post(
        { jobId: req.jobId, type: 'part-done', part: result },
        req.spec.type === 'valuation-part' ? packedBuffers([result as PackedPart]) : [],
      );
    } else post({ jobId: req.jobId, type: 'done', resultJson: result instanceof JsonText ? result.text : JSON.stringify(result) });
  } catch (err) {
    failed(req.jobId, req.dbFile, err);
  }
});

function failed(jobId: string, dbFile: string, err: unknown): void {
  // A locked, damaged or full database is said in Chinese, like on the main connection.
  const known = err instanceof AppError ? err : databaseError(err, dbFile);
  post(
    known
      ? { jobId, type: 'failed', code: known.code, message: known.message }
      : { jobId, type: 'failed', code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
  );
}
