/**
 * The sync engine as the app runs it, in the main process: a sync on demand and on a timer
 * while signed in, retried with backoff when the server cannot be reached or fails, never two
 * at once, with its state (progress, the last error in Chinese, a held pull) for the header
 * and the 同步 page. The CLI runs the engine directly (one run per command).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { SyncProgressView, SyncStatusView } from '../../../shared/types/sync';
import type { Logger } from '../logger';
import { listConflicts, type ConflictView } from './conflicts';
import type { SyncReport } from './engine';
import { signedInUser } from './local';
import { runHere, type SyncRunner } from './runner';
import type { TokenVault } from './session';
import { readState } from './state';

export interface SyncServiceDeps {
  db: () => Database | null;
  vault: () => TokenVault | null;
  logger: Logger;
  /** Between syncs when all is well. */
  intervalMs?: number;
  /** The first wait after a failure; doubled on each further failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  pageSize?: number;
  /** Where the engine runs: a worker thread in the app; here by default. */
  runner?: SyncRunner;
}

export interface SyncService {
  status(): SyncStatusView;
  /** Whether a sync is running now (an update waits for it to end). */
  syncing(): boolean;
  /** Runs one sync now (or joins the one running); resolves when it ends, never rejects. */
  run(opts?: { allowMassRemoval?: boolean }): Promise<SyncReport | null>;
  /** Syncs now and then on the timer while signed in. */
  start(): void;
  /** Stops the timer and waits for a running sync; says whether it had been started. */
  stop(): Promise<boolean>;
  /** Waits for a running sync to end. */
  settle(): Promise<void>;
  /** Forgets the last error and held pull (after signing in or out, or another database). */
  reset(): void;
}

/**
 * The records to badge: each conflict's record and, for a part of a case (a visit, a payment),
 * the case it is shown in.
 */
function conflictedIds(db: Database, conflicts: ConflictView[]): string[] {
  const ids = new Set<string>();
  for (const c of conflicts) {
    ids.add(c.recordId);
    const raw = db.prepare('SELECT data FROM sync_records WHERE entity = ? AND id = ?').pluck().get(c.entity, c.recordId) as
      string | undefined;
    const caseId = raw ? (JSON.parse(raw) as { caseId?: unknown }).caseId : undefined;
    if (typeof caseId === 'string') ids.add(caseId);
  }
  return [...ids];
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const intervalMs = deps.intervalMs ?? 60_000;
  const backoffMs = deps.backoffMs ?? 5_000;
  const maxBackoffMs = deps.maxBackoffMs ?? 5 * 60_000;
  let running: Promise<SyncReport | null> | null = null;
  let progress: SyncProgressView | null = null;
  let error: { code: string; message: string } | null = null;
  let held: SyncReport['held'] | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let nextAttemptAt: string | null = null;
  let started = false;
  // Bumped whenever a sync changed local records (or the database changed), so lists reload.
  let dataVersion = 0;

  const signedIn = (db: Database) => signedInUser(db) !== null && (deps.vault()?.load() ?? null) !== null;

  function stopTimer() {
    if (timer) clearTimeout(timer);
    timer = null;
    nextAttemptAt = null;
  }

  function schedule(ms: number) {
    stopTimer();
    const db = deps.db();
    if (!started || !db || !signedIn(db)) return;
    nextAttemptAt = new Date(Date.now() + ms).toISOString();
    timer = setTimeout(() => void run(), ms);
    timer.unref?.();
  }

  async function once(opts: { allowMassRemoval?: boolean }): Promise<SyncReport | null> {
    const db = deps.db();
    const vault = deps.vault();
    if (!db || !vault || !signedIn(db)) return null;
    progress = { phase: 'push', pushed: 0, pulled: 0, total: null };
    try {
      const report = await (deps.runner ?? runHere)({
        db,
        vault,
        pageSize: deps.pageSize,
        allowMassRemoval: opts.allowMassRemoval,
        onProgress: (p) => (progress = { phase: p.phase, pushed: p.pushed, pulled: p.pulled, total: p.total }),
      });
      held = report.held ?? null;
      if (report.pulled || report.rejected || report.conflicts) dataVersion++;
      error = null;
      failures = 0;
      if (report.rejected || report.conflicts) deps.logger.info('sync settled', { rejected: report.rejected, conflicts: report.conflicts });
      return report;
    } catch (err) {
      const known = err instanceof AppError;
      error = known
        ? { code: err.code, message: err.message }
        : { code: 'INTERNAL', message: '同步时发生意外错误，本机修改都已保留。详情已写入日志。' };
      failures++;
      (known ? deps.logger.warn : deps.logger.error)('sync failed', err);
      return null;
    } finally {
      progress = null;
    }
  }

  function run(opts: { allowMassRemoval?: boolean } = {}): Promise<SyncReport | null> {
    if (running) return running;
    stopTimer();
    running = once(opts).finally(() => {
      running = null;
      // A session the server no longer accepts waits for the user to sign in again.
      if (error?.code === 'UNAUTHORIZED') return stopTimer();
      schedule(failures === 0 ? intervalMs : Math.min(maxBackoffMs, backoffMs * 2 ** (failures - 1)));
    });
    return running;
  }

  function status(): SyncStatusView {
    const db = deps.db();
    const base = {
      progress,
      error,
      held: held ?? null,
      nextAttemptAt: timer ? nextAttemptAt : null,
      dataVersion,
    };
    if (!db)
      return {
        ...base,
        server: null,
        user: null,
        signedIn: false,
        state: 'signed-out',
        lastSyncAt: null,
        pending: 0,
        openConflicts: 0,
        rejections: 0,
        conflicted: [],
      };
    const user = signedInUser(db);
    const conflicts = listConflicts(db);
    const isIn = signedIn(db);
    const state: SyncStatusView['state'] = running
      ? 'syncing'
      : !isIn
        ? 'signed-out'
        : held
          ? 'held'
          : error
            ? error.code === 'OFFLINE'
              ? 'offline'
              : 'error'
            : 'idle';
    return {
      ...base,
      server: readState(db, 'server'),
      user: user && { name: user.name, role: user.role, districts: user.districts },
      signedIn: isIn,
      state,
      lastSyncAt: readState(db, 'lastSyncAt'),
      pending: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
      openConflicts: conflicts.length,
      rejections: db.prepare('SELECT count(*) FROM sync_rejections WHERE dismissed = 0').pluck().get() as number,
      conflicted: conflictedIds(db, conflicts),
    };
  }

  return {
    status,
    syncing: () => running !== null,
    run,
    start() {
      started = true;
      schedule(0);
    },
    async stop() {
      const was = started;
      started = false;
      stopTimer();
      await running;
      return was;
    },
    async settle() {
      await running;
    },
    reset() {
      dataVersion++;
      error = null;
      held = null;
      failures = 0;
      // Straight away rather than on a zero timer, so the status says 同步中 from the first poll
      // after signing in (never 已同步 before the first pull).
      if (started) void run();
    },
  };
}
