/**
 * Writes a decided batch: each changed record once, numbered from the change sequence (its
 * touched fields get that number as their version), the descendants of an enterprise that
 * changed district moved with it (with scope exits for the district it left), the audit lines,
 * the stored answers and the device's last number — all in the batch's transaction.
 */
import type { SessionUser } from '../../shared/sync/roles';
import type { Queryable } from '../db/types';
import type { Applied } from './apply';
import { lookupValues } from '../../shared/sync/lookup';
import { PENDING_VERSION, type BatchState } from './state';

export interface FlushInput {
  at: string;
  user: SessionUser;
  deviceId: string;
  lastSeq: number;
  applied: { seq: number; id: string; name: string; out: Applied }[];
}

/** Rows per INSERT: big enough to be quick, small enough for one statement's parameters. */
const CHUNK = 2000;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** The change as a pull sends it (PullChange), stored with the record so pulls need not rebuild it. */
function wireOf(entity: string, id: string, deleted: boolean, data: unknown, versions: unknown): string {
  const head = `{"e":${JSON.stringify(entity)},"id":${JSON.stringify(id)}`;
  return deleted ? `${head},"op":"delete"}` : `${head},"op":"upsert","d":${JSON.stringify(data)},"v":${JSON.stringify(versions)}}`;
}

export async function flushBatch(tx: Queryable, state: BatchState, input: FlushInput): Promise<void> {
  const pending = [...state.pending.values()];
  if (pending.length) {
    const seqs = (
      await tx.query<{ s: number }>("SELECT nextval('change_seq') AS s FROM generate_series(1, $1)", [pending.length])
    ).rows.map((r) => Number(r.s));
    const rows = pending.map((r, i) => {
      const seq = seqs[i]!;
      // Fields written by this batch were stamped as pending; they get this write's number.
      const versions = Object.fromEntries(Object.entries(r.versions).map(([f, v]) => [f, v === PENDING_VERSION ? seq : v]));
      return {
        entity: r.entity,
        id: r.id,
        district: r.district,
        root_id: r.rootId,
        ...lookupValues(r.entity, r.data),
        data: r.data,
        versions,
        origins: r.origins ?? {},
        deleted: r.deleted,
        wire: wireOf(r.entity, r.id, r.deleted, r.data, versions),
        seq,
      };
    });
    for (const part of chunks(rows)) {
      await tx.query(
        `INSERT INTO records (entity, id, district, root_id, parent_id, lookup_key, data, versions, origins, deleted, wire, seq, xid, updated_at, updated_by)
         SELECT t.entity, t.id, t.district, t.root_id, t.parent_id, t.lookup_key, t.data, t.versions, t.origins, t.deleted, t.wire, t.seq, pg_current_xact_id(), $2::timestamptz, $3
           FROM json_to_recordset($1::json) AS t(entity text, id text, district text, root_id text, parent_id text, lookup_key text, data json, versions json, origins json, deleted boolean, wire text, seq bigint)
         ON CONFLICT (entity, id) DO UPDATE SET district = EXCLUDED.district, root_id = EXCLUDED.root_id, parent_id = EXCLUDED.parent_id,
           lookup_key = EXCLUDED.lookup_key, data = EXCLUDED.data, versions = EXCLUDED.versions,
           origins = EXCLUDED.origins, deleted = EXCLUDED.deleted, wire = EXCLUDED.wire, seq = EXCLUDED.seq, xid = EXCLUDED.xid, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [JSON.stringify(part), input.at, input.user.name],
      );
    }
  }

  for (const { out } of input.applied) {
    for (const move of out.moves) {
      // The enterprise itself left its old district, and everything under it follows.
      if (move.from)
        await tx.query('INSERT INTO scope_exits (entity, id, district, at) VALUES ($1, $2, $3, $4)', [
          'enterprise',
          move.rootId,
          move.from,
          input.at,
        ]);
      await tx.query(
        `WITH moved AS (
           UPDATE records SET district = $2, seq = nextval('change_seq'), xid = pg_current_xact_id()
            WHERE root_id = $1 AND id <> $1 AND district IS DISTINCT FROM $2 RETURNING entity, id, $3::text AS was)
         INSERT INTO scope_exits (entity, id, district, at) SELECT entity, id, was, $4 FROM moved WHERE was IS NOT NULL`,
        [move.rootId, move.to, move.from, input.at],
      );
    }
  }

  const audit = input.applied.flatMap(({ id, name, out }) =>
    out.audit.map((a) => ({ mutation_id: id, mutation: name, entity: a.entity, record_id: a.recordId, before: a.before, after: a.after })),
  );
  for (const part of chunks(audit)) {
    await tx.query(
      `INSERT INTO audit (at, user_id, user_name, device_id, mutation_id, mutation, entity, record_id, before, after)
       SELECT $2::timestamptz, $3::uuid, $4, $5, t.mutation_id, t.mutation, t.entity, t.record_id, t.before, t.after
         FROM json_to_recordset($1::json) AS t(mutation_id text, mutation text, entity text, record_id text, before json, after json)`,
      [JSON.stringify(part), input.at, input.user.userId, input.user.name, input.deviceId],
    );
  }

  const results = input.applied.map(({ seq, id, name, out }) => ({
    seq,
    mutation_id: id,
    name,
    status: out.result.status,
    result: out.result,
  }));
  for (const part of chunks(results)) {
    await tx.query(
      `INSERT INTO mutation_results (device_id, seq, mutation_id, name, status, result, at)
       SELECT $2, t.seq, t.mutation_id, t.name, t.status, t.result, $3::timestamptz FROM json_to_recordset($1::json) AS t(seq bigint, mutation_id text, name text, status text, result json)`,
      [JSON.stringify(part), input.deviceId, input.at],
    );
  }
  await tx.query('UPDATE devices SET last_seq = $2, last_seen_at = $3 WHERE id = $1', [input.deviceId, input.lastSeq, input.at]);
}
