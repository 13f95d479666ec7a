import type { TokenPair } from '../../../shared/sync/auth';
import type { ExportFormat, ExportRequest } from '../exporters/export-list';
import type { ImportKind } from '../importers/kinds';
import type { Mapping } from '../importers/mapping';
import type { PackedPart, PortfolioItem } from '../valuation/portfolio';
import type { RunStore } from '../valuation/runs';
import type { ReportRequest } from '../reports/district/data';
import type { SyncProgress } from '../sync/engine';
import type { StatsFilter } from '../../../shared/schemas/stats';
import type { BackupReason } from '../../../shared/types/backup';
import type { StoreAccess } from '../db/cipher';

export type JobSpec =
  | { type: 'import'; kind: ImportKind; fileName: string; bytes: Uint8Array; mapping?: Mapping; mode: 'preview' | 'dry-run' | 'commit' }
  | { type: 'export'; request: ExportRequest; format: ExportFormat }
  | { type: 'demo'; enterprises: number; seed?: number; resourcesDir?: string }
  /** A district report: its figures and, for PDF, the HTML the shell then prints. */
  | { type: 'report'; request: ReportRequest; format: 'pdf' | 'xlsx' }
  /** A portfolio valuation; with `store`, the run is kept as evidence by the worker (saveRun). */
  | { type: 'valuation'; items: PortfolioItem[]; store?: RunStore }
  /** One worker's share of a valuation job. */
  | { type: 'valuation-part'; items: PortfolioItem[] }
  /** The parts merged in order into the portfolio result, and the run stored when asked. */
  | { type: 'valuation-merge'; parts: PackedPart[]; store?: RunStore }
  /** Every enterprise's qualification verdicts, tallied per criteria set (split across the cores). */
  | { type: 'self-check'; resourcesDir: string; parts?: [number, number | null][] }
  | { type: 'self-check-part'; resourcesDir: string; rowids: [number, number | null] }
  /** A backup of the database into its backups folder, keeping the newest `keep`. */
  | { type: 'backup'; dir: string; reason: BackupReason; keep: number; spare?: string[] };

/** One job for a pooled worker: the spec, its connection and who is writing. */
export interface WorkerInput {
  jobId: string;
  spec: JobSpec;
  dbFile: string;
  access: StoreAccess;
  actor: string;
  today: string;
  cancelFlag: SharedArrayBuffer;
}

/** One sync run for the sync service's own worker: the database, the server and the tokens to use. */
export interface SyncWorkerInput {
  jobId: string;
  dbFile: string;
  access: StoreAccess;
  server: string;
  pair: TokenPair;
  pageSize?: number;
  allowMassRemoval?: boolean;
}

/** One dashboard view for the dashboard worker (no filter: read the facts ahead, answer nothing). */
export interface DashboardWorkerInput {
  jobId: string;
  dbFile: string;
  access: StoreAccess;
  filter: StatsFilter | null;
  now: string;
}

/** Messages to a worker: a job, a sync run, a dashboard view, or a request to load the job modules ahead of time. */
export type WorkerRequest =
  | ({ type: 'job' } & WorkerInput)
  | ({ type: 'sync' } & SyncWorkerInput)
  | ({ type: 'dashboard' } & DashboardWorkerInput)
  | { type: 'warm' };

/** Messages from a pooled worker, each tagged with the job it belongs to. */
export type WorkerMessage = { jobId: string } & WorkerEvent;
export type WorkerEvent =
  | { type: 'progress'; done: number; total: number }
  /** Results travel as JSON text: copying a string costs the main thread far less than
   *  rebuilding a large object graph. Parts of a split job send their own small shape. */
  | { type: 'done'; resultJson: string }
  | { type: 'part-done'; part: unknown }
  | { type: 'failed'; code: string; message: string };

/** Messages from the sync worker: progress, tokens it refreshed (null: the server ended the session) for the main thread to keep, the report or the failure. */
export type SyncWorkerMessage = { jobId: string } & (
  | { type: 'sync-progress'; progress: SyncProgress }
  | { type: 'tokens'; pair: TokenPair | null }
  | Extract<WorkerEvent, { type: 'done' | 'failed' }>
);

/** Messages from the dashboard worker: the view as JSON, or the failure. */
export type DashboardWorkerMessage = { jobId: string } & Extract<WorkerEvent, { type: 'done' | 'failed' }>;
