/**
 * Failed sign-ins per name and per client address, counted in login_attempts so that every
 * server process sees the same counts. An attempt is reserved (stored as failed) before the
 * password is checked, under advisory locks on its name and address: a burst sent to several
 * processes at once cannot slip more tries past the limit than one client sending them in turn.
 */
import type { Db, Queryable } from '../db/types';
import { rateLimited } from './errors';
import { LOGIN_LIMITS } from './policy';

/** Advisory-lock namespaces (first key of the two-key form); the migration lock uses the one-key form. */
const NAME_LOCK = 40_152;
const IP_LOCK = 40_153;

/** As sign-in compares names: full-width folded, trimmed, Latin case ignored. */
export const nameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/**
 * Whether `limit` failures already count in the window for this key, and if so until when: the
 * moment the oldest of the last `limit` leaves the window (null when under the limit).
 */
async function limitedUntil(q: Queryable, column: 'name_key' | 'ip', key: string, limit: number, now: Date): Promise<Date | null> {
  // Per name, a success starts the count again; per address it does not (one valid account must not reset an address's guesses).
  const sinceSuccess =
    column === 'name_key' ? 'AND id > coalesce((SELECT max(id) FROM login_attempts WHERE name_key = $1 AND succeeded), 0)' : '';
  const r = await q.query<{ attempted_at: Date }>(
    `SELECT attempted_at FROM login_attempts
     WHERE ${column} = $1 AND NOT succeeded AND attempted_at > $2 ${sinceSuccess}
     ORDER BY attempted_at DESC, id DESC OFFSET $3 LIMIT 1`,
    [key, new Date(now.getTime() - LOGIN_LIMITS.windowMs), limit - 1],
  );
  const nth = r.rows[0];
  return nth ? new Date(nth.attempted_at.getTime() + LOGIN_LIMITS.windowMs) : null;
}

/** Reserves one attempt, or throws 429 RATE_LIMITED with the minutes to wait. Returns the attempt's id. */
export async function reserveAttempt(db: Db, name: string, ip: string, now: Date): Promise<number> {
  const key = nameKey(name);
  const outcome = await db.transaction(async (tx): Promise<{ until: Date } | { id: number }> => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [NAME_LOCK, key]);
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IP_LOCK, ip]);
    const until = [
      await limitedUntil(tx, 'name_key', key, LOGIN_LIMITS.perName, now),
      await limitedUntil(tx, 'ip', ip, LOGIN_LIMITS.perIp, now),
    ].filter((d): d is Date => d !== null);
    if (until.length > 0) return { until: new Date(Math.max(...until.map((d) => d.getTime()))) };
    await tx.query('DELETE FROM login_attempts WHERE attempted_at < $1', [new Date(now.getTime() - LOGIN_LIMITS.keepMs)]);
    const r = await tx.query<{ id: number }>(
      'INSERT INTO login_attempts (name_key, ip, succeeded, attempted_at) VALUES ($1, $2, false, $3) RETURNING id',
      [key, ip, now],
    );
    return { id: r.rows[0]!.id };
  });
  if ('until' in outcome) throw rateLimited(outcome.until, now);
  return outcome.id;
}

export async function markSucceeded(q: Queryable, attemptId: number): Promise<void> {
  await q.query('UPDATE login_attempts SET succeeded = true WHERE id = $1', [attemptId]);
}
