/**
 * Files that survive a crash or a power cut whole: written beside their place, synced, renamed
 * over it in one step, and the folder synced so the rename itself is on disk. A crash leaves the
 * old content or the new one, never half of either. Every file the desktop keeps for the user
 * (keys, tokens, account registry, backup policy, backups, database copies) goes through here.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Flushes a written file to the disk; throws when it cannot (it must exist). */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the renames in a folder durable (POSIX); Windows cannot open a folder for it, and its renames are durable enough. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // as above: a folder that cannot be synced
  } finally {
    fs.closeSync(fd);
  }
}

/** A finished temporary file (already complete: written, copied or made by VACUUM INTO) synced and renamed over `file`. */
export function moveIntoPlace(tmp: string, file: string): void {
  syncFile(tmp);
  fs.renameSync(tmp, file);
  syncFolder(path.dirname(file));
}

/** `data` as the whole content of `file`, readable by its owner only. */
export function writeDurably(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    moveIntoPlace(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
