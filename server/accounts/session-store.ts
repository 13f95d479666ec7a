import { randomUUID } from 'node:crypto';
import type { TokenPair } from '../../shared/sync/auth';
import type { SessionUser } from '../../shared/sync/roles';
import type { Queryable } from '../db/types';
import { ACCESS_TTL_MS, REFRESH_TTL_MS } from './policy';
import { digest, newToken } from './tokens';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

/** A new token pair in `familyId` (a new family at sign-in, the same one on refresh). */
export async function issueTokens(
  q: Queryable,
  s: { userId: string; familyId: string; deviceId: string | null },
  now: Date,
): Promise<IssuedTokens> {
  const tokens = {
    accessToken: newToken(),
    refreshToken: newToken(),
    accessExpiresAt: new Date(now.getTime() + ACCESS_TTL_MS),
    refreshExpiresAt: new Date(now.getTime() + REFRESH_TTL_MS),
  };
  await q.query(
    `INSERT INTO sessions (id, user_id, family_id, access_hash, refresh_hash, device_id, created_at, access_expires_at, refresh_expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      randomUUID(),
      s.userId,
      s.familyId,
      digest(tokens.accessToken),
      digest(tokens.refreshToken),
      s.deviceId,
      now,
      tokens.accessExpiresAt,
      tokens.refreshExpiresAt,
    ],
  );
  return tokens;
}

export async function revokeFamily(q: Queryable, familyId: string, now: Date): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now]);
}

/** Pairs past their refresh expiry open nothing (an expired spent token is worthless to a thief too). */
export async function pruneExpired(q: Queryable, now: Date): Promise<void> {
  await q.query('DELETE FROM sessions WHERE refresh_expires_at < $1', [now]);
}

/** Signs the user out everywhere (disabled, or a new password). */
export async function revokeUserSessions(q: Queryable, userId: string, now: Date): Promise<number> {
  const r = await q.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now]);
  return r.rowCount;
}

/** The wire form of a fresh pair (ISO instants). */
export const toTokenPair = (t: IssuedTokens, user: SessionUser): TokenPair => ({
  accessToken: t.accessToken,
  refreshToken: t.refreshToken,
  accessExpiresAt: t.accessExpiresAt.toISOString(),
  refreshExpiresAt: t.refreshExpiresAt.toISOString(),
  user,
});
