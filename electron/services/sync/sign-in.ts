/**
 * Signing in from the app, where one data folder serves several users in turn: the user this
 * database belongs to (or the first to sign in on it) signs in here; anyone else is taken to
 * their own database (made on their first sign-in), and the previous user's data stays in theirs
 * with its unsent changes, which the answer counts so the app can say so.
 */
import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../handler-context';
import { needDb } from '../handler-context';
import { databaseOf, newDatabaseFor, recordAccount, setActiveDatabase } from './accounts';
import { signedInUser } from './local';
import { login, logout, normalizeServer } from './session';
import { readState } from './state';

export interface SignInResult {
  /** Set when the app moved to this user's own database: whose data was open, and how many of their changes wait there. */
  switched: { from: string; unsent: number } | null;
}

const unsentIn = (db: Database) => db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;

export async function signIn(ctx: HandlerContext, server: string, name: string, password: string): Promise<SignInResult> {
  const origin = normalizeServer(server);
  const user = name.trim();
  const db = needDb(ctx);
  const bound = signedInUser(db);
  if (!bound || (bound.name === user && readState(db, 'server') === origin)) {
    await login(db, ctx.vaultFor(ctx.dbFile()), origin, user, password);
    recordAccount(ctx.dataDir, origin, user, ctx.dbFile());
    setActiveDatabase(ctx.dataDir, ctx.dbFile());
    ctx.sync().reset();
    return { switched: null };
  }
  const from = { file: ctx.dbFile(), name: bound.name, unsent: unsentIn(db) };
  const target = databaseOf(ctx.dataDir, origin, user) ?? newDatabaseFor(ctx.dataDir, origin, user);
  const created = !fs.existsSync(target);
  const status = await ctx.useDatabase(target);
  try {
    if (status.status !== 'ok') throw new AppError('DB_UNAVAILABLE', `无法打开“${user}”的本机数据库：${status.message}`);
    await login(needDb(ctx), ctx.vaultFor(target), origin, user, password);
  } catch (err) {
    // Back to the data that was open; a database made for this attempt goes.
    await ctx.useDatabase(from.file);
    if (created) for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    throw err;
  }
  recordAccount(ctx.dataDir, origin, user, target);
  setActiveDatabase(ctx.dataDir, target);
  ctx.sync().reset();
  return { switched: { from: from.name, unsent: from.unsent } };
}

export async function signOut(ctx: HandlerContext): Promise<{ unsent: number }> {
  const db = needDb(ctx);
  const sync = ctx.sync();
  // No sync may start between the last one and the tokens going.
  const wasOn = await sync.stop();
  try {
    return await logout(db, ctx.vaultFor(ctx.dbFile()));
  } finally {
    sync.reset();
    if (wasOn) sync.start();
  }
}
