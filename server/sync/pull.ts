/**
 * A pull: the changes in the user's scope after their cursor, in (xid, seq) order, and only
 * below the snapshot horizon — the oldest transaction still running. A transaction that takes
 * its id early and commits late is therefore never skipped: nothing at or above a running
 * transaction's id is handed out until it has finished. Records that left the user's scope
 * come as removes; deletes as tombstones (an empty cursor gets only live records).
 */
import type { District } from '../../shared/domain/districts';
import { pullQuery, type PullResponse } from '../../shared/sync/protocol';
import type { SessionUser } from '../../shared/sync/roles';
import type { Db } from '../db/types';
import { HttpError } from '../errors';
import { decodeCursor, encodeCursor, isStart, scopeSignature, START, type Cursor } from './cursor';
import { purgeHorizon } from './tombstones';

interface Row {
  xid: string;
  seq: number;
  entity: string;
  id: string;
  district: string | null;
  deleted: boolean;
  exit: boolean;
  data: string | null;
  versions: string | null;
}

const PAGE_SQL = `
  WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x)
  SELECT xid::text AS xid, seq, entity, id, district, deleted, exit, data, versions FROM (
    SELECT r.xid, r.seq, r.entity, r.id, r.district, r.deleted, false AS exit, r.data::text AS data, r.versions::text AS versions
      FROM records r, h
     WHERE (r.xid, r.seq) > ($1::xid8, $2::bigint) AND r.xid < h.x
       AND (r.district = ANY($3::text[]) OR r.district IS NULL) AND NOT (r.deleted AND $5)
    UNION ALL
    SELECT s.xid, s.seq, s.entity, s.id, s.district, false, true, NULL, NULL
      FROM scope_exits s, h
     WHERE (s.xid, s.seq) > ($1::xid8, $2::bigint) AND s.xid < h.x AND s.district = ANY($3::text[]) AND NOT $5
  ) t ORDER BY xid, seq LIMIT $4`;

/** The page as JSON text: record data goes out as PostgreSQL wrote it, never parsed and re-encoded here. */
export async function pull(db: Db, user: SessionUser, query: unknown): Promise<string> {
  const q = pullQuery.parse(query);
  const scope = scopeSignature(user);
  let cursor: Cursor = { ...START, scope };
  let resync: PullResponse['resync'];
  if (q.cursor) {
    const given = decodeCursor(q.cursor);
    if (!given) throw new HttpError(400, 'INVALID_INPUT', '同步游标无效：请从头同步');
    if (given.scope !== scope) {
      // The user's districts changed: what they lost goes, and everything in scope comes again.
      const had = given.scope.split(':')[1]?.split(',').filter(Boolean) ?? [];
      resync = { removeDistricts: had.filter((d) => !user.districts.includes(d as District)) };
    } else {
      const horizon = await purgeHorizon(db);
      if (!isStart(given) && horizon && compare(given, horizon) < 0) {
        throw new HttpError(
          410,
          'RESYNC_REQUIRED',
          '本机上次同步距今太久，服务端已不再保留期间的删除记录：需要从头同步（本机未同步的修改会保留）。',
        );
      }
      cursor = given;
    }
  }
  const initial = isStart(cursor);
  const rows = (await db.query<Row>(PAGE_SQL, [cursor.xid, cursor.seq, user.districts, q.limit, initial])).rows;
  const last = rows.at(-1);
  const next = last ? { xid: last.xid, seq: Number(last.seq), scope } : cursor;
  const parts = rows.map((r) => {
    const head = `{"e":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.id)},"district":${JSON.stringify(r.district)}`;
    if (r.exit) return `${head},"op":"remove"}`;
    if (r.deleted) return `${head},"op":"delete"}`;
    return `${head},"op":"upsert","d":${r.data},"v":${r.versions}}`;
  });
  return `{"changes":[${parts.join(',')}],"cursor":${JSON.stringify(encodeCursor(next))},"complete":${rows.length < q.limit}${resync ? `,"resync":${JSON.stringify(resync)}` : ''}}`;
}

function compare(a: { xid: string; seq: number }, b: { xid: string; seq: number }): number {
  const x = BigInt(a.xid) - BigInt(b.xid);
  return x !== 0n ? (x < 0n ? -1 : 1) : a.seq - b.seq;
}
