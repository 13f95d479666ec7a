import { moveIntoPlace } from '../durable-file';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isAlive } from './holder';

/**
 * The copies written beside a database before it is migrated: <db>.v<N>-<UTC stamp>.bak.
 * A copy is written as <final>.<pid>.partial and renamed only once complete and on disk,
 * so a crash or a kill mid-copy never leaves a file that looks like a backup.
 */
export const KEEP_BACKUPS = 3;

const COMPLETE = /\.v(\d+)-(\d{8}T\d{6})\.bak$/;
// SQLite may leave a journal beside an interrupted copy too.
const PARTIAL = /\.bak\.(\d+)\.partial(-journal)?$/;

export function backupName(file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${file}.v${fromVersion}-${stamp}.bak`;
}

/** A consistent copy of the open database at `target`, or nothing at `target` at all. */
export function writeBackup(db: Database, target: string): void {
  const partial = `${target}.${process.pid}.partial`;
  const discard = () => [partial, `${partial}-journal`].forEach((p) => fs.rmSync(p, { force: true }));
  discard();
  try {
    // VACUUM INTO writes a transactionally consistent copy, but without syncing it.
    db.prepare('VACUUM INTO ?').run(partial);
    if (process.platform !== 'win32') fs.chmodSync(partial, 0o600); // a copy of the owner's data is the owner's alone
    moveIntoPlace(partial, target);
  } catch (err) {
    discard();
    throw err;
  }
}

function siblings(file: string): string[] {
  const prefix = `${path.basename(file)}.`;
  try {
    return fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith(prefix));
  } catch {
    return [];
  }
}

/** This database's complete backups, oldest first (by the time in the name, then version). */
export function listBackups(file: string): string[] {
  const base = path.basename(file);
  return siblings(file)
    .map((n) => ({ n, m: COMPLETE.exec(n) }))
    .filter((x) => x.m && x.n === `${base}.v${x.m[1]}-${x.m[2]}.bak`)
    .sort((a, b) => a.m![2]!.localeCompare(b.m![2]!) || Number(a.m![1]) - Number(b.m![1]))
    .map((x) => path.join(path.dirname(file), x.n));
}

/** Deletes partial copies left by processes that are gone (a live one may still be writing its own). */
export function removeStalePartials(file: string): void {
  for (const n of siblings(file)) {
    const m = PARTIAL.exec(n);
    if (m && !isAlive(Number(m[1]))) removeQuietly(path.join(path.dirname(file), n));
  }
}

/** Keeps the newest `keep` backups of this database and deletes the older ones. */
export function pruneBackups(file: string, keep = KEEP_BACKUPS): void {
  const all = listBackups(file);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) removeQuietly(old);
}

function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, { force: true });
  } catch {
    // An old copy we cannot delete costs disk space, never data: try again next time.
  }
}
