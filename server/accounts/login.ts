/**
 * Sign-in. A wrong name and a wrong password get the same answer after the same argon2 work;
 * failures count per name and per address (rate-limit.ts) and, per existing account, towards
 * the lockout; a success resets the account's count.
 */
import { randomUUID } from 'node:crypto';
import type { TokenPair } from '../../shared/sync/auth';
import type { Db } from '../db/types';
import { accountDisabled, accountLocked, authFailure } from './errors';
import { spendVerifyTime, verifyPassword } from './password';
import { LOGIN_LIMITS } from './policy';
import { markSucceeded, reserveAttempt } from './rate-limit';
import { issueTokens, pruneExpired, toTokenPair } from './session-store';
import { findUserByName, toSessionUser, type UserRow } from './users';

export interface LoginInput {
  name: string;
  password: string;
  /** The client address as the server sees it (behind a proxy, from X-Forwarded-For). */
  ip: string;
  deviceId?: string;
}

export async function login(db: Db, input: LoginInput, now: Date): Promise<TokenPair> {
  const user = await findUserByName(db, input.name);
  // A locked account is refused before its password is checked, else the answer would tell a right guess from a wrong one.
  if (user?.locked_until && user.locked_until > now) throw accountLocked(user.locked_until, now, LOGIN_LIMITS.lockAfter);
  const attemptId = await reserveAttempt(db, input.name, input.ip, now);
  if (!user) {
    await spendVerifyTime(input.password);
    throw authFailure('credentials');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await countFailure(db, user, now);
    throw authFailure('credentials');
  }
  if (user.disabled) throw accountDisabled();
  const tokens = await db.transaction(async (tx) => {
    await markSucceeded(tx, attemptId);
    await pruneExpired(tx, now);
    await tx.query('UPDATE users SET failed_count = 0, locked_until = NULL WHERE id = $1', [user.id]);
    return issueTokens(tx, { userId: user.id, familyId: randomUUID(), deviceId: input.deviceId ?? null }, now);
  });
  return toTokenPair(tokens, toSessionUser(user));
}

/** One more consecutive failure; the one that reaches the limit locks the account and starts the count again. */
async function countFailure(db: Db, user: UserRow, now: Date): Promise<void> {
  const r = await db.query<{ locked_until: Date | null }>(
    `UPDATE users SET
       failed_count = CASE WHEN failed_count + 1 >= $2 THEN 0 ELSE failed_count + 1 END,
       locked_until = CASE WHEN failed_count + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1 RETURNING locked_until`,
    [user.id, LOGIN_LIMITS.lockAfter, new Date(now.getTime() + LOGIN_LIMITS.lockMs)],
  );
  const lockedUntil = r.rows[0]?.locked_until;
  if (lockedUntil && lockedUntil > now) throw accountLocked(lockedUntil, now, LOGIN_LIMITS.lockAfter);
}
