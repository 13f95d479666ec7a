import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../../../shared/types/app';

/**
 * Who has a database open, so a refusal or a "busy" message can name the program. Each
 * process writes its own small file beside the database (<db>.holder-<pid>.json), so two
 * holders never overwrite each other, and removes it on close. A file whose process is gone
 * (a crash, a kill) means nothing and is swept away by the next claim.
 */
export interface Holder {
  program: string;
  pid: number;
  since: string;
}

/** How each shell is named to the user when it holds a database. */
export const PROGRAM_NAMES: Record<AppInfo['shell'], string> = {
  electron: '知融工作台',
  harness: '浏览器调试服务（harness）',
  cli: '命令行工具',
};

const holderName = (dbFile: string, pid: number) => `${path.basename(dbFile)}.holder-${pid}.json`;
const HOLDER_FILE = /\.holder-(\d+)\.json$/;

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left behind, it is harmless: its process is gone or it is ours and unreadable.
  }
}

/** True while a process with this id exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolders(dbFile: string): { file: string; holder: Holder | null; pid: number }[] {
  const dir = path.dirname(dbFile);
  const prefix = `${path.basename(dbFile)}.holder-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(prefix) && HOLDER_FILE.test(n));
  } catch {
    return [];
  }
  return names.map((n) => {
    const file = path.join(dir, n);
    const pid = Number(HOLDER_FILE.exec(n)![1]);
    try {
      const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
      return { file, pid, holder: typeof h.program === 'string' && h.pid === pid ? h : null };
    } catch {
      return { file, pid, holder: null };
    }
  });
}

/** The other live processes that hold this database (never the calling process). */
export function otherHolders(dbFile: string, self = process.pid): Holder[] {
  return readHolders(dbFile)
    .filter((r) => r.pid !== self && r.holder && isAlive(r.pid))
    .map((r) => r.holder!);
}

/** “知融工作台（进程 1234）、命令行工具（进程 99）” */
export function describeHolders(holders: readonly Holder[]): string {
  return holders.map((h) => `${h.program}（进程 ${h.pid}）`).join('、');
}

/**
 * Records that this process holds the database; returns the release. Best effort: a folder
 * we cannot write to must not stop the database from opening.
 */
export function claimHolder(dbFile: string, program: string, pid = process.pid): () => void {
  for (const r of readHolders(dbFile)) {
    if (r.pid !== pid && !isAlive(r.pid)) removeQuietly(r.file);
  }
  const file = path.join(path.dirname(dbFile), holderName(dbFile, pid));
  const holder: Holder = { program, pid, since: new Date().toISOString() };
  try {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(holder));
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    removeQuietly(`${file}.tmp`);
    return () => {};
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    removeQuietly(file);
  };
}
