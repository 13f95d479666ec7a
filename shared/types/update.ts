/** 软件更新 as the renderer shows it (electron/services/updates/update-flow.ts decides it). */
export interface UpdateView {
  /**
   * disabled: no update server configured, or a shell that cannot update (the harness);
   * none: this is the newest version; available: a newer one can be downloaded;
   * ready: downloaded and checked, installed on restart.
   */
  phase: 'disabled' | 'idle' | 'checking' | 'none' | 'available' | 'downloading' | 'ready' | 'error';
  currentVersion: string;
  /** The newer version, with its release notes as plain text, once one is found. */
  version?: string;
  notes?: string;
  releaseDate?: string;
  /** 0–100 while downloading. */
  percent?: number;
  /** Why the last step did not happen or what went wrong, in Chinese. */
  message?: string;
  /** Set when an install was refused: a sync running, or a form with unsaved changes. */
  blockedBy?: 'sync' | 'unsaved';
}
