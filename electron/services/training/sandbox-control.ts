/**
 * 培训模式's switch in the runtime: the sandbox database opened in place of the working one,
 * which is closed untouched and reopened exactly as it was. Nothing changes before the working
 * database is closed (a running job refuses the switch), so a refusal leaves the mode as it was.
 */
import { moveIntoPlace } from '../durable-file';
import fs from 'node:fs';
import type { StoreAccess } from '../db/cipher';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { DbStatus } from '../../../shared/types/app';
import { openDatabase } from '../db/connection';
import type { SandboxControl } from '../handler-context';
import { isSandbox, markSandbox, sandboxFile, trainingDir } from './sandbox-files';

export interface SandboxDeps {
  dataDir: string;
  access: () => StoreAccess;
  current(): string;
  db(): Database | null;
  status(): DbStatus;
  /** Closes the open database (throws, changing nothing, while a job runs). */
  closeCurrent(): Promise<void>;
  openFile(file: string): DbStatus;
  onModeChanged?: (sandbox: boolean) => void;
}

/** Copies left by a copy cut off by a crash (`<file>.<pid>.tmp`). */
function removeStaleCopies(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) if (/\.\d+\.tmp$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
}

export function createSandboxControl(d: SandboxDeps): SandboxControl {
  const file = sandboxFile(d.dataDir);
  /** While in 培训模式: the working database to return to. */
  let working: string | null = null;
  const marked = () => {
    const db = d.db();
    if (db && !isSandbox(db)) markSandbox(db);
  };
  return {
    active: () => working !== null,
    async enter() {
      if (working) return d.status();
      if (!d.db()) throw new AppError('DB_UNAVAILABLE', '本地数据库未能打开，无法进入培训模式');
      const from = d.current();
      await d.closeCurrent();
      working = from;
      removeStaleCopies(trainingDir(d.dataDir));
      const status = d.openFile(file);
      if (!d.db()) {
        // The sandbox could not be opened: back to the working data, saying why.
        working = null;
        d.openFile(from);
        throw new AppError('DB_UNAVAILABLE', `培训沙盒无法打开：${status.status === 'error' ? status.message : ''}`);
      }
      marked();
      d.onModeChanged?.(true);
      return status;
    },
    async leave() {
      if (!working) return d.status();
      await d.closeCurrent();
      const to = working;
      working = null;
      const status = d.openFile(to);
      d.onModeChanged?.(false);
      return status;
    },
    async replace(source) {
      if (!working) throw new AppError('CONFLICT', '请先进入培训模式');
      await d.closeCurrent();
      try {
        // Copied whole beside it, then renamed over it in one step: a crash leaves the old sandbox or the new one.
        const tmp = `${file}.${process.pid}.tmp`;
        fs.copyFileSync(source, tmp);
        for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
        moveIntoPlace(tmp, file);
      } finally {
        d.openFile(file);
      }
      marked();
      return d.status();
    },
    openFile: (f) => openDatabase({ file: f, ...d.access() }).db,
  };
}
