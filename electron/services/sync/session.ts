/**
 * Signing in to the central service from a database. A database belongs to the one user (and
 * server) that first signed in on it: another user gets their own database, so two users'
 * records never mix. Tokens are kept outside the database, by a TokenVault: in the app
 * Electron's safeStorage, in the harness and the CLI a file only its owner can read.
 */
import { writeDurably } from '../durable-file';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { TokenPair } from '../../../shared/sync/auth';
import type { SessionUser } from '../../../shared/sync/roles';
import { CentralClient, type Tokens } from './client';
import { signedInUser } from './local';
import { deviceIdOf, readState, writeState } from './state';
import { refuseSandbox } from '../training/sandbox-files';

export interface TokenVault {
  load(): TokenPair | null;
  save(pair: TokenPair | null): void;
}

/** Tokens in a file readable and writable by its owner only (0600), replaced atomically. */
export function fileVault(file: string): TokenVault {
  return {
    load() {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as TokenPair;
      } catch {
        return null;
      }
    },
    save(pair) {
      if (!pair) return fs.rmSync(file, { force: true });
      writeDurably(file, JSON.stringify(pair));
    },
  };
}

/** A vault's tokens as the client uses them, read once and written through. */
export function vaultTokens(vault: TokenVault): Tokens {
  let pair = vault.load();
  return {
    get: () => pair,
    set: (p) => {
      pair = p;
      vault.save(p);
    },
  };
}

export function normalizeServer(url: string): string {
  let u: URL;
  const typed = url.trim();
  try {
    // An address typed without its scheme (192.168.1.10:8080) means http.
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `http://${typed}`);
  } catch {
    throw new AppError('INVALID_INPUT', '服务器地址格式不正确，例如 http://192.168.1.10:8080', [
      { path: 'server', message: '服务器地址格式不正确' },
    ]);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AppError('INVALID_INPUT', '服务器地址须以 http:// 或 https:// 开头', [
      { path: 'server', message: '须以 http:// 或 https:// 开头' },
    ]);
  return u.origin;
}

export interface SessionInfo {
  server: string | null;
  user: SessionUser | null;
  signedIn: boolean;
}

export function sessionInfo(db: Database, vault: TokenVault): SessionInfo {
  const user = signedInUser(db);
  return { server: readState(db, 'server'), user, signedIn: user !== null && vault.load() !== null };
}

export async function login(db: Database, vault: TokenVault, server: string, name: string, password: string): Promise<SessionInfo> {
  refuseSandbox(db);
  const origin = normalizeServer(server);
  const bound = signedInUser(db);
  const boundServer = readState(db, 'server');
  if (bound && (bound.name !== name.trim() || boundServer !== origin)) {
    throw new AppError(
      'CONFLICT',
      `本机数据属于 ${boundServer ?? ''} 的用户“${bound.name}”：另一用户须使用自己的数据库登录，两人的数据不会混在一起。`,
    );
  }
  const client = new CentralClient(origin, vaultTokens(vault));
  const pair = await client.login(name, password, deviceIdOf(db));
  if (bound && bound.userId !== pair.user.userId) {
    await client.logout();
    throw new AppError('CONFLICT', `中心服务上的“${name}”已不是本机数据所属的账号，请联系管理员`);
  }
  db.transaction(() => {
    writeState(db, 'server', origin);
    writeState(db, 'user', JSON.stringify(pair.user));
  })();
  return sessionInfo(db, vault);
}

/**
 * Signs out. The database stays this user's, with its unsent changes, for their next sign-in;
 * `unsent` tells the caller how many there are, so it can say so.
 */
export async function logout(db: Database, vault: TokenVault): Promise<{ unsent: number }> {
  refuseSandbox(db);
  const server = readState(db, 'server');
  if (server) await new CentralClient(server, vaultTokens(vault)).logout();
  vault.save(null);
  return { unsent: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number };
}

/** The server and tokens this database syncs with; UNAUTHORIZED when it is not signed in. */
export function sessionOf(db: Database, vault: TokenVault): { server: string; pair: TokenPair } {
  refuseSandbox(db);
  const server = readState(db, 'server');
  const pair = vault.load();
  if (!server || !signedInUser(db) || !pair) throw new AppError('UNAUTHORIZED', '尚未登录中心服务：请先登录');
  return { server, pair };
}

export function clientFor(db: Database, vault: TokenVault): CentralClient {
  return new CentralClient(sessionOf(db, vault).server, vaultTokens(vault));
}
