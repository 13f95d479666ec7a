/** What the renderer sees of sync: the header's status, the 同步 page's lists. */
import type { Role } from '../sync/roles';

export interface SyncProgressView {
  /** index: the indexes and counts of a first pull built after its last page. */
  phase: 'push' | 'pull' | 'index';
  pushed: number;
  pulled: number;
  /** Records the server said the first pull holds; null when it did not say (a later pull). */
  total: number | null;
}

export interface SyncStatusView {
  server: string | null;
  user: { name: string; role: Role; districts: readonly string[] } | null;
  signedIn: boolean;
  /** idle: nothing running; syncing; offline: the server could not be reached (retrying); error: it answered an error; held: a pull would remove most local records and waits for the user. */
  state: 'signed-out' | 'idle' | 'syncing' | 'offline' | 'error' | 'held';
  lastSyncAt: string | null;
  /** Changes whenever a sync changed local records or another database was opened: lists reload on it. */
  dataVersion: number;
  /** When the engine will try again on its own (after an error, with backoff), if it will. */
  nextAttemptAt: string | null;
  pending: number;
  error: { code: string; message: string } | null;
  progress: SyncProgressView | null;
  held: { removals: number; local: number } | null;
  openConflicts: number;
  rejections: number;
  /** Ids of records with an open conflict, for the badges in lists and views. */
  conflicted: string[];
}

export interface RejectionView {
  id: string;
  name: string;
  /** The change in words (企业“…”的修改), for a person. */
  label: string;
  reasons: string[];
  madeAt: string;
  actor: string;
  rejectedAt: string;
}

export interface ConflictSide {
  value: unknown;
  by: string | null;
  at: string | null;
}

export interface ConflictItemView {
  id: string;
  entity: string;
  entityLabel: string;
  recordId: string;
  /** The record's name (企业名称, 专利号…) when it is held here. */
  recordLabel: string;
  field: string;
  fieldLabel: string;
  /** The value that stands now (written first), and the one that arrived later and was not taken. */
  kept: ConflictSide & { text: string };
  offered: ConflictSide & { text: string };
}
