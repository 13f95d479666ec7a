/**
 * Deletes travel as tombstones, kept longer than any offline period; after that they are
 * purged, and the purge horizon (the last change purged) is recorded: a client whose cursor
 * is older might have missed a delete, so its next pull is told to start again.
 */
import type { Db } from '../db/types';

/** Longer than any steward stays offline. */
export const TOMBSTONE_DAYS = 180;

export async function purgeHorizon(db: Pick<Db, 'query'>): Promise<{ xid: string; seq: number } | null> {
  const row = (await db.query<{ value: { xid: string; seq: number } }>("SELECT value FROM sync_meta WHERE key = 'purge_horizon'")).rows[0];
  return row ? row.value : null;
}

/** Removes tombstones and scope exits older than the keep period; returns how many went. */
export async function purgeTombstones(db: Db, now: Date, days = TOMBSTONE_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction(async (tx) => {
    // One purge at a time across processes; the others skip.
    const got = (await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(4015200902) AS ok')).rows[0]?.ok;
    if (!got) return 0;
    const top = (
      await tx.query<{ n: number; xid: string; seq: number }>(
        `WITH r AS (DELETE FROM records WHERE deleted AND updated_at < $1 RETURNING xid, seq),
              s AS (DELETE FROM scope_exits WHERE at < $1 RETURNING xid, seq),
              u AS (SELECT xid, seq FROM r UNION ALL SELECT xid, seq FROM s)
         SELECT (SELECT count(*) FROM u) AS n, xid::text AS xid, seq FROM u ORDER BY xid DESC, seq DESC LIMIT 1`,
        [before],
      )
    ).rows[0];
    if (!top) return 0;
    const current = await purgeHorizon(tx);
    const newer =
      !current || BigInt(top.xid) > BigInt(current.xid) || (BigInt(top.xid) === BigInt(current.xid) && Number(top.seq) > current.seq);
    if (newer) {
      await tx.query(
        "INSERT INTO sync_meta (key, value) VALUES ('purge_horizon', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        [JSON.stringify({ xid: top.xid, seq: Number(top.seq) })],
      );
    }
    return Number(top.n);
  });
}
