/**
 * How the sync service runs the engine: here, on the caller's connection (the CLI, tests of the
 * engine), or in a worker thread of its own (the app: sync-worker-runner.ts), so a first pull
 * of 400,000 records never holds up the main process.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SyncProgress, SyncReport } from './engine';
import { syncOnce } from './engine';
import { clientFor, type TokenVault } from './session';

export interface SyncRun {
  db: Database;
  vault: TokenVault;
  pageSize?: number;
  allowMassRemoval?: boolean;
  onProgress: (p: SyncProgress) => void;
}

export type SyncRunner = (run: SyncRun) => Promise<SyncReport>;

export const runHere: SyncRunner = (r) =>
  syncOnce(r.db, clientFor(r.db, r.vault), { pageSize: r.pageSize, allowMassRemoval: r.allowMassRemoval, onProgress: r.onProgress });
