/**
 * One sync run: push the outbox in order (batches of at most MAX_PUSH_BATCH), settle each
 * answer, then pull pages until the server has nothing more, each page applied in its own
 * transaction with its cursor. The next page is asked for as soon as the current one's
 * headers arrive, so the network and the database work at once.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { MAX_PUSH_BATCH, SCHEMA_VERSION, type MutationEnvelope, type PullResponse } from '../../../shared/sync/protocol';
import { acknowledge } from './ack';
import { applyPage, removalsIn } from './apply-pull';
import { beginBulkLoad, finishBulkLoad, mayBulkLoad } from './bulk-load';
import { beginResync, finishResync, resyncing, staleCount } from './resync';
import type { CentralClient } from './client';
import { deviceIdOf, readState, writeState } from './state';
import { rotateDevice } from './device';

export interface SyncProgress {
  /** index: the first pull's indexes and counts being built after its last page (bulk-load.ts). */
  phase: 'push' | 'pull' | 'index';
  pushed: number;
  pulled: number;
  /** Unsent changes left. */
  pending: number;
  /** Records the whole pull holds, when the server said (a pull from the start). */
  total: number | null;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  applied: number;
  rejected: number;
  conflicts: number;
  /** Set when a pull stopped before removing most local records: nothing of that page was applied. */
  held?: { removals: number; local: number };
}

export interface SyncOptions {
  pageSize?: number;
  onProgress?: (p: SyncProgress) => void;
  /** The user confirmed that a pull may remove most local records. */
  allowMassRemoval?: boolean;
  now?: () => string;
}

const pendingCount = (db: Database) => db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;

/**
 * After the pull that started again because the user's districts changed, the signed-in user
 * is read again: a refused change of ours put back in a district the user no longer holds is
 * then dropped here (ack.ts), as the server will never send its removal.
 */
async function refreshUser(db: Database, client: CentralClient): Promise<void> {
  if (!readState(db, 'scopeChanged')) return;
  const user = await client.me();
  db.transaction(() => {
    writeState(db, 'user', JSON.stringify(user));
    writeState(db, 'scopeChanged', null);
  })();
}

/**
 * A server older than this desktop would refuse (and remember refusing) the records it does not
 * know yet, and a refused creation is taken back here: so nothing is pushed until the server has
 * named a schema at least this desktop's. It is asked once (the answer is kept); the changes wait.
 */
async function ensureServerCurrent(db: Database, client: CentralClient): Promise<void> {
  if (Number(readState(db, 'serverSchema') ?? 0) >= SCHEMA_VERSION) return;
  await client.me();
  writeState(db, 'serverSchema', client.serverSchema === null ? null : String(client.serverSchema));
  if ((client.serverSchema ?? 0) < SCHEMA_VERSION)
    throw new AppError('CONFLICT', '中心服务的版本低于本机（请管理员先升级中心服务）：本机的修改都已保留，升级后会继续同步。');
}

export async function pushAll(db: Database, client: CentralClient, report: SyncReport, opts: SyncOptions): Promise<void> {
  const now = opts.now ?? (() => new Date().toISOString());
  await refreshUser(db, client);
  if (pendingCount(db) > 0) await ensureServerCurrent(db, client);
  let deviceId = deviceIdOf(db);
  let rotated = false;
  const batch = db.prepare('SELECT seq, id, name, args, base, at, today FROM outbox ORDER BY seq LIMIT ?');
  for (;;) {
    const rows = batch.all(MAX_PUSH_BATCH) as {
      seq: number;
      id: string;
      name: string;
      args: string;
      base: string;
      at: string;
      today: string;
    }[];
    if (rows.length === 0) return;
    const mutations: MutationEnvelope[] = rows.map((r) => ({
      seq: r.seq,
      id: r.id,
      name: r.name,
      args: JSON.parse(r.args) as unknown,
      base: JSON.parse(r.base) as Record<string, Record<string, number>>,
      at: r.at,
      today: r.today,
    }));
    const res = await client.push({ deviceId, mutations });
    // A server rolled back to an older version is asked again before the next push.
    if ((client.serverSchema ?? 0) < SCHEMA_VERSION) writeState(db, 'serverSchema', null);
    const gap = res.results.find((r) => r.status === 'gap');
    const s = acknowledge(db, res.results, now());
    report.pushed += s.applied + s.conflicts + s.rejected;
    report.applied += s.applied;
    report.rejected += s.rejected;
    report.conflicts += s.conflicts;
    opts.onProgress?.({ phase: 'push', pushed: report.pushed, pulled: report.pulled, pending: pendingCount(db), total: null });
    // The service holds another change under one of our numbers (and applied nothing after it):
    // this database is an older copy of itself. Its changes go again under a new device identity,
    // in order, never answered by another change's receipt.
    const mine = new Map(rows.map((r) => [r.seq, r.id]));
    if (res.results.some((r) => r.status !== 'gap' && r.duplicate && mine.has(r.seq) && mine.get(r.seq) !== r.id)) {
      if (rotated) throw new AppError('CONFLICT', '中心服务对本机修改的编号有不同的记录：同步已暂停，本机修改都已保留。');
      deviceId = rotateDevice(db);
      rotated = true;
      continue;
    }
    if (gap && gap.status === 'gap') {
      throw new AppError(
        'CONFLICT',
        `中心服务要求从第 ${gap.expected} 项修改继续，而本机下一项是第 ${gap.seq} 项：同步已暂停，本机修改都已保留。`,
      );
    }
  }
}

type PullStart = Awaited<ReturnType<CentralClient['pullStart']>>;

/** The first page's request; a cursor the server no longer serves starts a resync from nothing. */
async function firstPage(db: Database, client: CentralClient, limit: number): Promise<{ cursor: string | null; next: PullStart }> {
  const cursor = readState(db, 'cursor');
  try {
    return { cursor, next: await client.pullStart(cursor, limit) };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'RESYNC_REQUIRED') throw err;
    beginResync(db);
    return { cursor: null, next: await client.pullStart(null, limit) };
  }
}

/** At the end of a completed resync, what it did not bring goes, unless that is most of what is here. */
function settleResync(db: Database, report: SyncReport, opts: SyncOptions): void {
  const stale = staleCount(db);
  const local = db.prepare('SELECT count(*) FROM sync_records WHERE deleted = 0').pluck().get() as number;
  if (!opts.allowMassRemoval && local >= 20 && stale * 2 > local) {
    report.held = { removals: stale, local };
    return;
  }
  finishResync(db);
}

export async function pullAll(db: Database, client: CentralClient, report: SyncReport, opts: SyncOptions): Promise<void> {
  const { cursor, next } = await firstPage(db, client, opts.pageSize ?? 2000);
  const bulk = mayBulkLoad(db, cursor);
  if (bulk) beginBulkLoad(db);
  try {
    const completed = await pullPages(db, client, report, opts, next);
    if (completed && resyncing(db)) settleResync(db, report, opts);
  } finally {
    if (bulk) {
      opts.onProgress?.({ phase: 'index', pushed: report.pushed, pulled: report.pulled, pending: pendingCount(db), total: null });
      finishBulkLoad(db);
    }
  }
  await refreshUser(db, client);
}

/** Applies pages until the pull completes (true) or one is held by the mass-removal guard (false). */
async function pullPages(db: Database, client: CentralClient, report: SyncReport, opts: SyncOptions, first: PullStart): Promise<boolean> {
  const now = opts.now ?? (() => new Date().toISOString());
  const limit = opts.pageSize ?? 2000;
  let next = first;
  let total = next.total;
  const allowRemoval = opts.allowMassRemoval ?? false;
  for (;;) {
    const ahead = next.complete ? null : client.pullStart(next.cursor, limit);
    // A rejection of the request ahead is seen when it is awaited, not as an unhandled one.
    ahead?.catch(() => undefined);
    const page: PullResponse = await next.page;
    const removals = removalsIn(page) + (page.resync ? countIn(db, page.resync.removeDistricts) : 0);
    if (!allowRemoval && removals > 0) {
      const local = db.prepare('SELECT count(*) FROM sync_records WHERE deleted = 0').pluck().get() as number;
      if (local >= 20 && removals * 2 > local) {
        report.held = { removals, local };
        return false;
      }
    }
    applyPage(db, page, now());
    report.pulled += page.changes.length;
    opts.onProgress?.({ phase: 'pull', pushed: report.pushed, pulled: report.pulled, pending: pendingCount(db), total });
    if (page.complete || !ahead) break;
    // The server resets the cursor on a resync: what was asked for ahead was for the old one.
    next = page.resync ? await client.pullStart(page.cursor, limit) : await ahead;
    total = next.total ?? total;
  }
  return true;
}

function countIn(db: Database, districts: string[]): number {
  if (districts.length === 0) return 0;
  return db
    .prepare(`SELECT count(*) FROM sync_records WHERE deleted = 0 AND district IN (${districts.map(() => '?').join(', ')})`)
    .pluck()
    .get(...districts) as number;
}

export async function syncOnce(db: Database, client: CentralClient, opts: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, applied: 0, rejected: 0, conflicts: 0 };
  await pushAll(db, client, report, opts);
  await pullAll(db, client, report, opts);
  writeState(db, 'lastSyncAt', (opts.now ?? (() => new Date().toISOString()))());
  return report;
}
