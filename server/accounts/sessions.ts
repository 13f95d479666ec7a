/**
 * Using a session: authenticate a request, rotate the refresh token, sign out. The user's row
 * is read with the session on every request, so a district change or a disabled account
 * applies to the very next request, in every process.
 */
import type { District } from '../../shared/domain/districts';
import type { AuthFailure, TokenPair } from '../../shared/sync/auth';
import type { Role, SessionUser } from '../../shared/sync/roles';
import type { Db } from '../db/types';
import { authFailure } from './errors';
import { issueTokens, revokeFamily, toTokenPair } from './session-store';
import { digest, looksLikeToken } from './tokens';
import { REFRESH_RETRY_MS } from './policy';
import { toSessionUser } from './users';

interface SessionJoin {
  session_id: string;
  family_id: string;
  device_id: string | null;
  access_expires_at: Date;
  refresh_expires_at: Date;
  revoked_at: Date | null;
  rotated_at: Date | null;
  rotated_by: string | null;
  id: string;
  name: string;
  role: Role;
  districts: District[];
  disabled: boolean;
}

const SELECT_JOIN = `SELECT s.id AS session_id, s.family_id, s.device_id, s.access_expires_at, s.refresh_expires_at, s.revoked_at, s.rotated_at, s.rotated_by,
         u.id, u.name, u.role, u.districts, u.disabled
  FROM sessions s JOIN users u ON u.id = s.user_id`;

export interface ResolvedSession {
  sessionId: string;
  familyId: string;
  user: SessionUser;
}

function bearerToken(header: string | undefined): string {
  if (!header) throw authFailure('missing');
  const m = /^Bearer +(\S+) *$/i.exec(header);
  if (!m || !looksLikeToken(m[1]!)) throw authFailure('invalid');
  return m[1]!;
}

/** The session an `Authorization: Bearer …` header opens, or 401 with the reason. */
export async function resolveSession(db: Db, authorization: string | undefined, now: Date): Promise<ResolvedSession> {
  const token = bearerToken(authorization);
  const row = (await db.query<SessionJoin>(`${SELECT_JOIN} WHERE s.access_hash = $1`, [digest(token)])).rows[0];
  if (!row) throw authFailure('invalid');
  // A rotated pair's access token is dead too: after a refresh only the newest pair opens anything.
  if (row.revoked_at || row.rotated_at) throw authFailure('revoked');
  if (row.access_expires_at <= now) throw authFailure('expired');
  if (row.disabled) throw authFailure('disabled');
  return { sessionId: row.session_id, familyId: row.family_id, user: toSessionUser(row) };
}

export async function authenticate(db: Db, authorization: string | undefined, now: Date): Promise<SessionUser> {
  return (await resolveSession(db, authorization, now)).user;
}

/**
 * A new pair for a live refresh token; the old one is spent. Presenting a spent one again
 * means two parties hold it (a copy was stolen, or a client misbehaves): the whole family is
 * revoked, the thief's newer tokens with it.
 */
/**
 * Rotates a refresh token into a new pair. `requestId` names this refresh: asked again with the
 * same id after its answer was lost, a spent token gets a new pair (the lost one is revoked);
 * a spent token without it, or with another, is taken as theft and its family revoked.
 */
export async function refresh(db: Db, refreshToken: string, now: Date, requestId?: string): Promise<TokenPair> {
  if (!looksLikeToken(refreshToken)) throw authFailure('invalid');
  const request = requestId ? digest(requestId) : null;
  // The revocation must commit even though the request is refused, so the refusal is thrown after the transaction.
  const outcome = await db.transaction(async (tx): Promise<{ fail: AuthFailure } | { pair: TokenPair }> => {
    // FOR UPDATE: two refreshes of one token in two processes take turns, and the second sees it spent.
    const row = (await tx.query<SessionJoin>(`${SELECT_JOIN} WHERE s.refresh_hash = $1 FOR UPDATE OF s`, [digest(refreshToken)])).rows[0];
    if (!row) return { fail: 'invalid' };
    if (row.revoked_at) return { fail: 'revoked' };
    // A retry: the same id, soon after, once, and only while the pair it replaces was never refreshed itself.
    const retry =
      row.rotated_at !== null &&
      request !== null &&
      row.rotated_by === request &&
      now.getTime() - row.rotated_at.getTime() <= REFRESH_RETRY_MS &&
      (
        await tx.query('SELECT 1 FROM sessions WHERE family_id = $1 AND created_at >= $2 AND id <> $3 AND rotated_at IS NOT NULL LIMIT 1', [
          row.family_id,
          row.rotated_at,
          row.session_id,
        ])
      ).rows.length === 0;
    if (row.rotated_at && !retry) {
      await revokeFamily(tx, row.family_id, now);
      return { fail: 'reused' };
    }
    if (row.refresh_expires_at <= now) return { fail: 'expired' };
    if (row.disabled) return { fail: 'disabled' };
    if (retry) {
      // The pair whose answer was lost goes; the id is used up, so a second retry is theft.
      await tx.query('UPDATE sessions SET revoked_at = $3 WHERE family_id = $1 AND created_at >= $2 AND id <> $4 AND revoked_at IS NULL', [
        row.family_id,
        row.rotated_at,
        now,
        row.session_id,
      ]);
      await tx.query('UPDATE sessions SET rotated_by = NULL WHERE id = $1', [row.session_id]);
    } else await tx.query('UPDATE sessions SET rotated_at = $2, rotated_by = $3 WHERE id = $1', [row.session_id, now, request]);
    const t = await issueTokens(tx, { userId: row.id, familyId: row.family_id, deviceId: row.device_id }, now);
    return { pair: toTokenPair(t, toSessionUser(row)) };
  });
  if ('fail' in outcome) throw authFailure(outcome.fail);
  return outcome.pair;
}

/** Signs this device out: its whole family, so no refresh token of it works afterwards. */
export async function logout(db: Db, authorization: string | undefined, now: Date): Promise<void> {
  const { familyId } = await resolveSession(db, authorization, now);
  await revokeFamily(db, familyId, now);
}
