import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from './connection';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

const root = path.resolve(import.meta.dirname, '../../..');
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const ROWS = 30_000;

/** A store one migration behind, holding enough data that copying it takes a while. */
function oneVersionBehind(file: string, rows = ROWS): void {
  const db = new BetterSqlite3(file);
  migrate(db, MIGRATIONS.slice(0, LATEST_SCHEMA_VERSION - 1), () => null);
  const insert = db.prepare("INSERT INTO settings VALUES (?, ?, 'now')");
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`k${i}`, 'x'.repeat(2000));
  })();
  db.close();
}

const backupsBeside = (file: string) =>
  fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith(`${path.basename(file)}.`) && n.endsWith('.bak'));
const everythingBeside = (file: string) =>
  fs.readdirSync(path.dirname(file)).filter((n) => n !== path.basename(file) && !/-(wal|shm)$/.test(n));

/** Opens the store in a child process and kills it the moment a copy starts to appear beside it. */
async function killDuringBackup(file: string): Promise<boolean> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "const { openDatabase } = await import('./electron/services/db/connection.ts'); openDatabase({ file: process.argv[1] }).db.close();",
      file,
    ],
    { cwd: root, stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let killed = false;
  const timer = setInterval(() => {
    if (!killed && fs.readdirSync(path.dirname(file)).some((n) => n.includes('.bak'))) {
      killed = child.kill('SIGKILL');
    }
  }, 1);
  await exited;
  clearInterval(timer);
  return killed;
}

describe('pre-migration backups', () => {
  it('a copy cut off halfway is never left under a backup name, and the next start cleans it up and backs up again', async () => {
    const file = path.join(tmp.dir, 'store.sqlite');
    oneVersionBehind(file);
    expect(await killDuringBackup(file)).toBe(true);
    // Whatever carries the backup name must be a complete copy; an interrupted one must not.
    for (const name of backupsBeside(file)) {
      const copy = new BetterSqlite3(path.join(tmp.dir, name), { readonly: true });
      try {
        expect(schemaVersion(copy), name).toBe(LATEST_SCHEMA_VERSION - 1);
        expect(copy.prepare('SELECT count(*) FROM settings').pluck().get(), name).toBe(ROWS);
      } finally {
        copy.close();
      }
    }
    const { db, migration } = openDatabase({ file });
    db.close();
    expect(migration.backupFile).not.toBeNull();
    expect(everythingBeside(file)).toEqual([path.basename(migration.backupFile!)]);
    const copy = new BetterSqlite3(migration.backupFile!, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(ROWS);
    copy.close();
  }, 60_000);

  it('removes a leftover partial copy of a process that is gone, and keeps only the newest three backups of this database', () => {
    const file = path.join(tmp.dir, 'ipf-desk.sqlite');
    oneVersionBehind(file, 3);
    const names = ['v1-20240101T000000', 'v2-20240301T000000', 'v2-20240201T000000', 'v3-20250101T000000'].map(
      (s) => `ipf-desk.sqlite.${s}.bak`,
    );
    for (const n of names) fs.copyFileSync(file, path.join(tmp.dir, n));
    // Another database's backups, a partial copy of a dead process, and a file of the user's.
    const foreign = [
      'other.sqlite.v1-20200101T000000.bak',
      'ipf-desk.sqlite.v1-20200101T000000.bak.2147483646.partial',
      'ipf-desk.sqlite.notes.txt',
    ];
    for (const n of foreign) fs.writeFileSync(path.join(tmp.dir, n), 'x');
    const { db, migration } = openDatabase({ file, now: () => new Date('2026-02-03T04:05:06Z') });
    db.close();
    expect(path.basename(migration.backupFile!)).toBe(`ipf-desk.sqlite.v${LATEST_SCHEMA_VERSION - 1}-20260203T040506.bak`);
    expect(everythingBeside(file).sort()).toEqual(
      [
        'ipf-desk.sqlite.notes.txt',
        'ipf-desk.sqlite.v2-20240301T000000.bak',
        'ipf-desk.sqlite.v3-20250101T000000.bak',
        path.basename(migration.backupFile!),
        'other.sqlite.v1-20200101T000000.bak',
      ].sort(),
    );
  });
});

describe('the store on disk', () => {
  it('is the owner’s alone, with its journal files and its pre-migration copy, and overwrites what is deleted', () => {
    const dir = path.join(tmp.dir, 'new-folder');
    const file = path.join(dir, 'ipf-desk.sqlite');
    const { db } = openDatabase({ file });
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    db.prepare("INSERT INTO settings VALUES ('phone', ?, 'now')").run(JSON.stringify('13912345678'));
    expect(mode(`${file}-wal`)).toBe(0o600);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).includes(Buffer.from('13912345678'))).toBe(true);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    // Deleted and checkpointed: the number is gone from the file's bytes, not left in a free page.
    db.prepare("DELETE FROM settings WHERE key = 'phone'").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(fs.readFileSync(file).includes(Buffer.from('13912345678'))).toBe(false);

    // A database made elsewhere (default permissions), one migration behind: opened, it is the owner's,
    // and the copy written before migrating too.
    const old = path.join(tmp.dir, 'old.sqlite');
    const folderMode = mode(tmp.dir);
    oneVersionBehind(old, 10);
    fs.chmodSync(old, 0o644);
    const opened = openDatabase({ file: old });
    expect(mode(old)).toBe(0o600);
    expect(mode(opened.migration.backupFile!)).toBe(0o600);
    opened.db.close();
    // An existing folder keeps its own permissions.
    expect(mode(tmp.dir)).toBe(folderMode);
  });
});
