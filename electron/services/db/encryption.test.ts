import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { rawStore, storeKey } from '../../../test/support/store';
import { generateDemo } from '../demo/generate';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';
import { backupFolder } from '../backup/files';
import { fileKind } from './cipher';
import { openDatabase } from './connection';
import { fileKeyKeeper, type KeyKeeper } from './store-key';
import { holdWriteLock } from './lock-holder.fixture';
import { claimHolder } from './holder';

let tmp: ReturnType<typeof tempDir>;
let dataDir: string;
let file: string;
const open: Runtime[] = [];
beforeEach(() => {
  tmp = tempDir();
  dataDir = path.join(tmp.dir, 'data');
  file = path.join(dataDir, 'ipf-desk.sqlite');
});
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.close();
  tmp.cleanup();
});

const start = (keyKeeper?: KeyKeeper) => {
  const rt = createRuntime({
    dataDir,
    version: '0.0.0-test',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
    keyKeeper,
  });
  open.push(rt);
  return rt;
};
const stop = async (rt: Runtime) => {
  open.splice(open.indexOf(rt), 1);
  await rt.close();
};

/** Every row of every table, in a stable order. */
function dump(db: Database): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]),
  );
}
const phones = (db: Database) =>
  (db.prepare('SELECT contacts FROM enterprises').pluck().all() as string[]).flatMap((c) => [...c.matchAll(/1\d{10}/g)].map((m) => m[0]));
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
/** What `strings` would find: every file in the data folder, byte for byte. */
function filesHolding(text: string): string[] {
  const all = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return all.map((e) => path.join(e.parentPath, e.name)).filter((f) => fs.readFileSync(f).includes(Buffer.from(text)));
}
const mode = (f: string) => fs.statSync(f).mode & 0o777;

function plainStore(enterprises = 30): { dump: string; phone: string } {
  const { db } = openDatabase({ file });
  generateDemo(db, {
    enterprises,
    seed: 7,
    today: '2026-11-20',
    ctx: { actor: '演示', now: '2026-11-20T02:00:00.000Z' },
    resourcesDir: DEV_RESOURCES_DIR,
  });
  const before = { dump: dump(db), phone: phones(db)[0]! };
  db.close();
  return before;
}

describe('encryption at rest', () => {
  it('a new store is encrypted: unreadable without the key, no phone number in any file, owner-only files', async () => {
    const rt = start();
    expect(rt.info().db.status).toBe('ok');
    generateDemo(rt.db!, {
      enterprises: 20,
      seed: 5,
      today: '2026-11-20',
      ctx: { actor: '演示', now: '2026-11-20T02:00:00.000Z' },
      resourcesDir: DEV_RESOURCES_DIR,
    });
    const phone = phones(rt.db!)[0]!;
    expect(phone).toMatch(/^1\d{10}$/);
    const made = await rt.dispatch('backupCreate', {});
    expect(made.ok).toBe(true);
    if (made.ok) await rt.jobs.wait((made.value as { id: string }).id);
    // The WAL is written too: encrypted pages only.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(filesHolding(phone)).toEqual([]);
    expect(fileKind(file)).toBe('encrypted');
    if (process.platform !== 'win32') {
      for (const f of [file, `${file}-wal`, path.join(dataDir, 'db.key')]) expect(mode(f), f).toBe(0o600);
      for (const d of [dataDir, backupFolder(file)]) expect(mode(d), d).toBe(0o700);
      for (const b of fs.readdirSync(backupFolder(file)).filter((n) => n.endsWith('.sqlite')))
        expect(mode(path.join(backupFolder(file), b))).toBe(0o600);
    }
    await stop(rt);
    // Without the key: SQLite sees no database, and our own open explains it.
    const bare = new BetterSqlite3(file);
    expect(() => bare.prepare('SELECT count(*) FROM enterprises').get()).toThrow(/not a database/);
    bare.close();
    expect(() => openDatabase({ file })).toThrow(/已加密，需要它的密钥/);
    // The backup is encrypted with the same key and readable with it.
    const backup = fs.readdirSync(backupFolder(file)).find((n) => n.endsWith('-manual.sqlite'))!;
    const copy = rawStore(path.join(backupFolder(file), backup), { readonly: true });
    expect(phones(copy)).toContain(phone);
    copy.close();
  }, 60_000);

  it('a plain store is encrypted in place with nothing lost, with an encrypted pre-encryption backup; older plain copies too', async () => {
    const before = plainStore();
    // Two older plain backups in 备份与恢复's folder: one whole, one cut off.
    const folder = backupFolder(file);
    fs.mkdirSync(folder, { recursive: true });
    const whole = path.join(folder, '20261101T000000000Z-manual.sqlite');
    const cut = path.join(folder, '20261102T000000000Z-manual.sqlite');
    const src = new BetterSqlite3(file);
    src.prepare('VACUUM INTO ?').run(whole);
    src.close();
    fs.writeFileSync(cut, fs.readFileSync(whole).subarray(0, 8192));
    const cutHash = sha(cut);
    expect(filesHolding(before.phone).length).toBeGreaterThan(0);

    const rt = start();
    expect(rt.info().db).toMatchObject({ status: 'ok' });
    expect(dump(rt.db!)).toBe(before.dump);
    await stop(rt);
    expect(fileKind(file)).toBe('encrypted');
    const pre = fs.readdirSync(dataDir).find((n) => n.endsWith('.pre-encryption.bak'))!;
    expect(pre).toBeTruthy();
    expect(fileKind(path.join(dataDir, pre))).toBe('encrypted');
    const preDb = rawStore(path.join(dataDir, pre), { readonly: true });
    expect(dump(preDb)).toBe(before.dump);
    preDb.close();
    const wholeDb = rawStore(whole, { readonly: true });
    expect(phones(wholeDb)).toContain(before.phone);
    wholeDb.close();
    // The copy that could not be read whole is left exactly as it was, and the log says so.
    expect(sha(cut)).toBe(cutHash);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'ipf-desk.log'), 'utf8')).toContain('could not be encrypted');
    // Nothing but the cut copy still holds the number; no partial is left.
    expect(filesHolding(before.phone).filter((f) => f !== cut)).toEqual([]);
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('partial'))).toEqual([]);
  }, 60_000);

  it('a wrong key is refused with a clear message and the file is not touched', async () => {
    plainStore(5);
    await stop(start());
    const hash = sha(file);
    const other: KeyKeeper = { where: 'test', load: () => 'cd'.repeat(32), save: () => {} };
    const rt = start(other);
    expect(rt.info().db).toMatchObject({ status: 'error', code: 'DB_KEY', message: expect.stringContaining('现有的密钥无法打开它') });
    await stop(rt);
    expect(sha(file)).toBe(hash);
  }, 60_000);

  it('a lost key is explained, no new key is made, nothing is changed; 重试 with the key put back opens it', async () => {
    const before = plainStore(5);
    await stop(start());
    const keyFile = path.join(dataDir, 'db.key');
    const key = storeKey(dataDir);
    fs.rmSync(keyFile);
    const hash = sha(file);
    const rt = start();
    expect(rt.info().db).toMatchObject({ status: 'error', code: 'DB_KEY', message: expect.stringContaining('找不到它的密钥') });
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(sha(file)).toBe(hash);
    // A sandbox or another user's store would not be made with a new key either.
    expect((await rt.dispatch('trainingEnter', {})).ok).toBe(false);
    expect(fs.existsSync(keyFile)).toBe(false);
    fileKeyKeeper(keyFile).save(key);
    const retried = await rt.dispatch('databaseRetry', {});
    expect(retried).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(dump(rt.db!)).toBe(before.dump);
  }, 60_000);

  it('a plain store another program has open is not converted under it', async () => {
    plainStore(5);
    const hash = sha(file);
    // A program that recorded itself as holding the store.
    const release = claimHolder(file, '知融工作台', process.ppid);
    const held = start();
    expect(held.info().db).toMatchObject({ status: 'error', code: 'DB_BUSY', message: expect.stringContaining('加密本地数据需要独占它') });
    await stop(held);
    release();
    // One that did not, writing.
    const writer = await holdWriteLock(file);
    try {
      const rt = start();
      expect(rt.info().db).toMatchObject({ status: 'error', code: 'DB_BUSY' });
      await stop(rt);
    } finally {
      await writer.release();
    }
    expect(fileKind(file)).toBe('plain');
    expect(sha(file)).toBe(hash);
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('partial') || n.includes('pre-encryption'))).toEqual([]);
    const rt = start();
    expect(rt.info().db.status).toBe('ok');
  }, 60_000);
});
