/**
 * Benchmark databases cached in the temp folder by schema version: a missing version is made
 * from the newest older one by the app's own migrations (minutes saved, and the migration path
 * exercised), else built from nothing. An encrypted one is opened with its `key`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/services/db/connection';
import { LATEST_SCHEMA_VERSION } from '../electron/services/db/migrations';

export function cachedDb(stem: string, build: (file: string) => void, key?: string): string {
  const at = (v: number) => path.join(os.tmpdir(), `${stem}-v${v}.sqlite`);
  const file = at(LATEST_SCHEMA_VERSION);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const older = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => at(LATEST_SCHEMA_VERSION - 1 - i)).find((f) =>
    fs.existsSync(f),
  );
  if (older) {
    fs.copyFileSync(older, tmp);
    const { db } = openDatabase({ file: tmp, key });
    db.exec('ANALYZE');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  } else build(tmp);
  fs.renameSync(tmp, file);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  // The older copies are not needed again.
  if (older) fs.rmSync(older, { force: true });
  return file;
}
