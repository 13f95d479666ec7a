import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeElectron } from '../../test/support/fake-electron';
import { tempDir } from '../../test/support/temp';
import { createLogger } from '../services/logger';
import { safeStorageVault } from './safe-vault';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const pair = {
  accessToken: 'access-secret-token-1234567890',
  refreshToken: 'refresh-secret-token-1234567890',
  accessExpiresAt: '2026-12-01T10:00:00Z',
  refreshExpiresAt: '2026-12-31T10:00:00Z',
  user: { userId: 'u1', name: '李管家', role: 'steward', districts: ['光明'] },
} as never;

describe('tokens kept with safeStorage', () => {
  it('writes only what safeStorage encrypted, readable by its owner only, and reads it back', () => {
    const { module } = createFakeElectron(tmp.dir);
    const db = path.join(tmp.dir, 'a.sqlite');
    const logger = createLogger({ file: path.join(tmp.dir, 'log.txt') });
    const vault = safeStorageVault(module.safeStorage as never, db, logger);
    vault.save(pair);
    const raw = fs.readFileSync(`${db}.session.enc`, 'utf8');
    expect(raw).not.toContain('secret-token');
    expect(fs.statSync(`${db}.session.enc`).mode & 0o777).toBe(0o600);
    expect(safeStorageVault(module.safeStorage as never, db, logger).load()).toEqual(pair);
    vault.save(null);
    expect(fs.existsSync(`${db}.session.enc`)).toBe(false);
  });

  it('falls back to an owner-only file, and says so in the log, where the OS has no keychain', () => {
    const { module } = createFakeElectron(tmp.dir);
    module.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const db = path.join(tmp.dir, 'b.sqlite');
    const logger = createLogger({ file: path.join(tmp.dir, 'log-b.txt') });
    safeStorageVault(module.safeStorage as never, db, logger).save(pair);
    expect(fs.statSync(`${db}.session`).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(tmp.dir, 'log-b.txt'), 'utf8')).toMatch(/safeStorage is not available/);
  });
});
