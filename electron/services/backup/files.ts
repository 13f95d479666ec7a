/**
 * The working database's backups folder (备份与恢复): <db folder>/backups/<db name>/, 0700, each
 * backup a whole database file named <UTC stamp>-<reason>.sqlite, 0600, written complete or not
 * at all (db/backups.ts writeBackup), and the keep/daily policy beside them.
 */
import { writeDurably } from '../durable-file';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { todayIso } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import type { BackupEntry, BackupPolicy, BackupReason } from '../../../shared/types/backup';
import { writeBackup } from '../db/backups';

export const DEFAULT_POLICY: BackupPolicy = { keep: 10, daily: true };
const NAME = /^(\d{8}T\d{6}(\d{3})?Z)-(manual|daily|before-restore)\.sqlite$/;

export function backupFolder(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups', path.basename(dbFile, path.extname(dbFile)));
}

function ensureFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');
const isoOf = (stamp: string) =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18) || '000'}Z`;

export function entryOf(dir: string, name: string): BackupEntry | null {
  const m = NAME.exec(name);
  if (!m) return null;
  try {
    const st = fs.statSync(path.join(dir, name));
    return st.isFile() ? { name, reason: m[3] as BackupReason, createdAt: isoOf(m[1]!), sizeBytes: st.size } : null;
  } catch {
    return null;
  }
}

/** Newest first. */
export function listBackupFiles(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => entryOf(dir, n))
    .filter((e): e is BackupEntry => e !== null)
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** The path of a listed backup, or a clear refusal. */
export function backupPath(dir: string, name: string): string {
  if (!entryOf(dir, name)) throw new AppError('NOT_FOUND', `备份“${name}”不存在（可能已按保留份数被删除）`);
  return path.join(dir, name);
}

/** A backup of the open database now; then only the newest `keep` are kept. */
export function makeBackup(db: Database, dir: string, reason: BackupReason, now: Date, keep: number, spare: string[] = []): BackupEntry {
  ensureFolder(dir);
  let name = `${stampOf(now)}-${reason}.sqlite`;
  // Two in the same millisecond (a restore right after a backup) get the next one.
  for (let t = now.getTime(); fs.existsSync(path.join(dir, name));) name = `${stampOf(new Date(++t))}-${reason}.sqlite`;
  const target = path.join(dir, name);
  writeBackup(db, target);
  fs.chmodSync(target, 0o600);
  pruneBackupFiles(dir, keep, [name, ...spare]);
  return entryOf(dir, name)!;
}

/** Deletes all but the newest `keep`, never one of `spare` (the one just made, the one being restored). */
export function pruneBackupFiles(dir: string, keep: number, spare: string[] = []): void {
  const all = listBackupFiles(dir);
  const kept = all.filter((e) => spare.includes(e.name)).length;
  for (const old of all.filter((e) => !spare.includes(e.name)).slice(Math.max(0, keep - kept)))
    fs.rmSync(path.join(dir, old.name), { force: true });
}

const policyFile = (dir: string) => path.join(dir, 'policy.json');

export function readPolicy(dir: string): BackupPolicy {
  try {
    const p = JSON.parse(fs.readFileSync(policyFile(dir), 'utf8')) as Partial<BackupPolicy>;
    return {
      keep: Number.isInteger(p.keep) && p.keep! >= 1 ? p.keep! : DEFAULT_POLICY.keep,
      daily: typeof p.daily === 'boolean' ? p.daily : DEFAULT_POLICY.daily,
    };
  } catch {
    return { ...DEFAULT_POLICY };
  }
}

export function writePolicy(dir: string, policy: BackupPolicy): BackupPolicy {
  ensureFolder(dir);
  writeDurably(policyFile(dir), JSON.stringify(policy));
  pruneBackupFiles(dir, policy.keep);
  return policy;
}

/** Whether a daily backup is due: none made yet on this calendar day where the user is. */
export function dailyDue(dir: string, now: Date): boolean {
  const today = todayIso(now);
  return !listBackupFiles(dir).some((e) => e.reason === 'daily' && todayIso(new Date(e.createdAt)) === today);
}
