import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from './connection';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const noBackup = () => null;

describe('migrations', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m.name, m] as const))(
    'migration %i (%s) applies on a fresh database and leaves STRICT tables',
    (version, _name, m) => {
      const db = new BetterSqlite3(path.join(tmp.dir, `m${version}.sqlite`));
      migrate(db, MIGRATIONS.slice(0, version - 1), noBackup);
      const before = new Set(
        (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
      );
      migrate(db, MIGRATIONS.slice(0, version), noBackup);
      expect(schemaVersion(db)).toBe(m.version);
      const created = (
        db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
          name: string;
          sql: string;
        }[]
      ).filter((t) => !before.has(t.name));
      // Full-text indexes are virtual tables with shadow tables of SQLite's own making.
      const virtual = created.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
      const ours = created.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
      for (const t of ours) expect(t.sql, t.name).toMatch(/STRICT\s*$/);
      db.close();
    },
  );

  it('opens a new store with WAL and foreign keys at the latest version', () => {
    const { db, migration } = openDatabase({ file: path.join(tmp.dir, 'a', 'store.sqlite') });
    expect(migration).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // Re-opening does nothing.
    const again = openDatabase({ file: path.join(tmp.dir, 'a', 'store.sqlite') });
    expect(again.migration.from).toBe(LATEST_SCHEMA_VERSION);
    again.db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(tmp.dir, 'newer.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE future (x ANY) STRICT');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const bytes = fs.readFileSync(file);
    expect(() => openDatabase({ file })).toThrow(DatabaseTooNewError);
    expect(() => openDatabase({ file })).toThrow(/更新版本/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('copies the database before migrating one that holds data, and the copy has the old data', () => {
    const file = path.join(tmp.dir, 'old.sqlite');
    const extra: Migration = { version: 2, name: 'extra', up: (db) => db.exec('ALTER TABLE settings ADD COLUMN note TEXT') };
    const db = new BetterSqlite3(file);
    migrate(db, [MIGRATIONS[0]!], noBackup);
    db.prepare("INSERT INTO settings VALUES ('language', '\"en-US\"', 'now')").run();
    const outcome = migrate(db, [MIGRATIONS[0]!, extra], (from) => `${file}.v${from}.bak`);
    expect(outcome).toEqual({ from: 1, to: 2, backupFile: `${file}.v1.bak` });
    const backup = new BetterSqlite3(outcome.backupFile!, { readonly: true });
    expect(schemaVersion(backup)).toBe(1);
    expect(backup.prepare('SELECT value FROM settings').pluck().get()).toBe('"en-US"');
    backup.close();
    db.close();
  });

  it('rolls a failing migration back completely: no partial table, version unchanged, rows kept', () => {
    const file = path.join(tmp.dir, 'fail.sqlite');
    const db = new BetterSqlite3(file);
    migrate(db, [MIGRATIONS[0]!], noBackup);
    db.prepare("INSERT INTO settings VALUES ('k', '1', 'now')").run();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER) STRICT');
        d.exec('DELETE FROM settings');
        throw new Error('power cut');
      },
    };
    expect(() => migrate(db, [MIGRATIONS[0]!, broken], noBackup)).toThrow('power cut');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    db.close();
  });

  it('rejects a migration list with a gap', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => {} }], noBackup)).toThrow(/expected 1/);
  });
});
