import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeElectron } from '../../test/support/fake-electron';
import { tempDir } from '../../test/support/temp';
import { storeKeyFor } from '../services/db/store-key';
import { safeStorageKeeper } from './safe-key';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());
const log = () => {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
};

describe('the store key kept with safeStorage', () => {
  it('is made once, kept only sealed (0600), and read back the same', () => {
    const { module } = createFakeElectron(tmp.dir);
    const keeper = safeStorageKeeper(module.safeStorage as never, tmp.dir, log());
    const key = storeKeyFor(keeper, tmp.dir);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const sealed = path.join(tmp.dir, 'db.key.enc');
    expect(fs.readFileSync(sealed, 'latin1')).not.toContain(key);
    if (process.platform !== 'win32') expect(fs.statSync(sealed).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(tmp.dir, 'db.key'))).toBe(false);
    expect(storeKeyFor(safeStorageKeeper(module.safeStorage as never, tmp.dir, log()), tmp.dir)).toBe(key);
  });

  it('falls back to the owner-only file without a keychain, and moves it into the keychain once there is one', () => {
    const { module } = createFakeElectron(tmp.dir);
    module.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const first = log();
    const key = storeKeyFor(safeStorageKeeper(module.safeStorage as never, tmp.dir, first), tmp.dir);
    expect(fs.readFileSync(path.join(tmp.dir, 'db.key'), 'utf8').trim()).toBe(key);
    expect(first.lines.join('\n')).toMatch(/safeStorage is not available/);
    module.safeStorage.isEncryptionAvailable.mockReturnValue(true);
    const moved = log();
    expect(safeStorageKeeper(module.safeStorage as never, tmp.dir, moved).load()).toBe(key);
    expect(fs.existsSync(path.join(tmp.dir, 'db.key'))).toBe(false);
    expect(safeStorageKeeper(module.safeStorage as never, tmp.dir, log()).load()).toBe(key);
    expect(moved.lines.join('\n')).toMatch(/moved .* into the system keychain/);
  });

  it('a sealed key that does not decrypt is a clear DB_KEY error, not a new key', () => {
    const { module } = createFakeElectron(tmp.dir);
    fs.writeFileSync(path.join(tmp.dir, 'db.key.enc'), 'garbage');
    expect(() => storeKeyFor(safeStorageKeeper(module.safeStorage as never, tmp.dir, log()), tmp.dir)).toThrow(/数据库密钥/);
    expect(fs.readFileSync(path.join(tmp.dir, 'db.key.enc'), 'utf8')).toBe('garbage');
  });
});
