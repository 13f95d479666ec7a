import type { Language } from '../settings';

export interface Settings {
  language: Language;
  /** Name shown on records the user creates; empty until set. */
  stewardName: string;
}

export type DbStatus =
  | { status: 'ok'; schemaVersion: number; file: string; backupFile: string | null }
  | { status: 'error'; file: string; code: string; message: string };

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'harness' in the browser harness, 'cli' headless. */
  shell: 'electron' | 'harness' | 'cli';
  dataDir: string;
  logFile: string;
  db: DbStatus;
  /** 培训模式: the sandbox database is open in place of the working one. */
  sandbox: boolean;
  platform: string;
  versions: Record<string, string>;
}
