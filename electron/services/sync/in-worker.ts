/**
 * A sync run inside a worker thread, on the worker's own connection: the tokens come with the
 * request and any the client refreshes go back to the main thread, which alone keeps them
 * (Electron's safeStorage is not reachable from a worker).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TokenPair } from '../../../shared/sync/auth';
import type { SyncWorkerInput, SyncWorkerMessage } from '../jobs/types';
import { CentralClient } from './client';
import { syncOnce } from './engine';

/** Progress at most this often: the main thread only shows it. */
const PROGRESS_EVERY_MS = 100;

export async function syncInWorker(req: SyncWorkerInput, db: Database, post: (m: SyncWorkerMessage) => void): Promise<void> {
  let pair: TokenPair | null = req.pair;
  const client = new CentralClient(req.server, {
    get: () => pair,
    set: (p) => {
      pair = p;
      post({ jobId: req.jobId, type: 'tokens', pair: p });
    },
  });
  let last = 0;
  const report = await syncOnce(db, client, {
    pageSize: req.pageSize,
    allowMassRemoval: req.allowMassRemoval,
    onProgress: (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && progress.phase === 'pull') return;
      last = now;
      post({ jobId: req.jobId, type: 'sync-progress', progress });
    },
  });
  post({ jobId: req.jobId, type: 'done', resultJson: JSON.stringify(report) });
}
