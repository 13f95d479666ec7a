/** A copy of the working database kept in its backups folder (备份与恢复). */
export type BackupReason = 'manual' | 'daily' | 'before-restore';

export interface BackupEntry {
  /** The file's name in the backups folder: its id for every call. */
  name: string;
  reason: BackupReason;
  /** When it was made (ISO, UTC; shown in the user's zone). */
  createdAt: string;
  sizeBytes: number;
}

/** What a backup holds, read from it (read-only) before it may replace anything. */
export interface BackupInfo extends BackupEntry {
  schemaVersion: number;
  enterprises: number;
  ipAssets: number;
  cases: number;
  /** The account it was synced with, when it was (a backup of another account is refused). */
  account: string | null;
  /** The central service it was synced with, when it was. */
  server: string | null;
  /** Changes made on it and not yet sent to the central service. */
  unsent: number;
}

export interface BackupPolicy {
  /** Backups kept (the oldest go first). */
  keep: number;
  /** A backup made automatically once a day while the app runs. */
  daily: boolean;
}

export interface BackupsView {
  folder: string;
  policy: BackupPolicy;
  backups: BackupEntry[];
}
