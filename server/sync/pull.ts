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
  wire: string;
}

/** Any transaction below it had finished when it was read, so it stays a safe bound afterwards. */
const HORIZON_SQL = 'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x';

/**
 * The stored change with the district the record is in now appended (`"s"`): a record moves
 * with its enterprise without being written again, and the desktop must not have to work the
 * district out from a parent it may never receive (one deleted, or not pulled yet). Then who
 * last changed it and when (`"b"`, `"t"`), which the desktop's lists show and order by.
 */
const WIRE = `left(r.wire, -1) || ',"s":' || coalesce(to_json(r.district)::text, 'null')
  || ',"t":"' || to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","b":' || to_json(r.updated_by)::text || '}'`;

/**
 * Records and scope exits are read apart, each in index order, and merged here: a UNION under
 * one ORDER BY made PostgreSQL sort every remaining row on each page. A page is the stored
 * wire texts joined. On PGlite the database joins them (every row it returns is built as a JS
 * object across the WASM boundary: one text is twice as quick as 5,000 rows); through `pg` one
 * multi-megabyte value is slower to receive than the rows, so there they are joined here.
 */
const RECORDS_PAGE_SQL = `
  WITH page AS (
    SELECT r.xid, r.seq, ${WIRE} AS wire FROM records r
     WHERE (r.xid, r.seq) > ($1::xid8, $2::bigint) AND r.xid < $3::xid8
       AND (r.district = ANY($4::text[]) OR r.district IS NULL) AND NOT (r.deleted AND $6)
     ORDER BY r.xid, r.seq LIMIT $5)
  SELECT count(*)::int AS n,
         (SELECT xid::text FROM page ORDER BY xid DESC, seq DESC LIMIT 1) AS last_xid,
         (SELECT seq FROM page ORDER BY xid DESC, seq DESC LIMIT 1) AS last_seq,
         coalesce(string_agg(wire, ',' ORDER BY xid, seq), '') AS body
    FROM page`;
const RECORDS_SQL = `
  SELECT r.xid::text AS xid, r.seq, ${WIRE} AS wire FROM records r
   WHERE (r.xid, r.seq) > ($1::xid8, $2::bigint) AND r.xid < $3::xid8
     AND (r.district = ANY($4::text[]) OR r.district IS NULL) AND NOT (r.deleted AND $6)
   ORDER BY r.xid, r.seq LIMIT $5`;
const EXITS_SQL = `
  SELECT s.xid::text AS xid, s.seq, json_build_object('e', s.entity, 'id', s.id, 'op', 'remove')::text AS wire FROM scope_exits s
   WHERE (s.xid, s.seq) > ($1::xid8, $2::bigint) AND s.xid < $3::xid8 AND s.district = ANY($4::text[])
   ORDER BY s.xid, s.seq LIMIT $5`;

export interface PulledPage {
  /** The page as JSON text (a PullResponse). */
  body: string;
  cursor: string;
  complete: boolean;
  /** On a pull from the start: how many live records the whole pull holds (for a progress bar). */
  total?: number;
}

const TOTAL_SQL = `SELECT count(*)::int AS n FROM records WHERE (district = ANY($1::text[]) OR district IS NULL) AND NOT deleted`;

/** A page of changes: records go out as stored, never parsed and re-encoded here. */
export async function pull(db: Db, user: SessionUser, query: unknown): Promise<PulledPage> {
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
      // A pull from nothing still under way missed a deletion only if one made after it began was purged.
      const missed = given.since ? horizon && BigInt(horizon.xid) >= BigInt(given.since) : horizon && compare(given, horizon) < 0;
      if (!isStart(given) && missed) {
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
  // Only a client with nothing can skip deletions and scope exits: one starting again after its
  // districts changed still holds the records of the districts it kept, some deleted or moved
  // away since its last pull.
  const fromNothing = initial && !resync;
  const horizon = (await db.query<{ x: string }>(HORIZON_SQL)).rows[0]!.x;
  const args = [cursor.xid, cursor.seq, horizon, user.districts, q.limit];
  const exits = fromNothing ? [] : (await db.query<Row>(EXITS_SQL, args)).rows;
  // The pages of a pull from nothing carry when it began, until the last.
  const since = fromNothing ? horizon : cursor.since;
  const page = (changes: string, n: number, last: { xid: string; seq: number } | null): PulledPage => {
    const complete = n < q.limit;
    const at = last ?? cursor;
    const next = encodeCursor({ xid: at.xid, seq: at.seq, scope, ...(since && !complete ? { since } : {}) });
    const body = `{"changes":[${changes}],"cursor":${JSON.stringify(next)},"complete":${complete}${resync ? `,"resync":${JSON.stringify(resync)}` : ''}}`;
    return { body, cursor: next, complete };
  };
  // Counted once, on the first page of a pull from the start: the client's progress bar.
  const total = initial ? (await db.query<{ n: number }>(TOTAL_SQL, [user.districts])).rows[0]!.n : undefined;
  const counted = (p: PulledPage): PulledPage => (total === undefined ? p : { ...p, total });
  if (exits.length === 0 && db.kind === 'pglite') {
    const p = (
      await db.query<{ n: number; last_xid: string | null; last_seq: number | null; body: string }>(RECORDS_PAGE_SQL, [
        ...args,
        fromNothing,
      ])
    ).rows[0]!;
    return counted(page(p.body, p.n, p.n ? { xid: p.last_xid!, seq: Number(p.last_seq) } : null));
  }
  const rows = mergeByCursor((await db.query<Row>(RECORDS_SQL, [...args, fromNothing])).rows, exits, q.limit);
  const last = rows.at(-1);
  return counted(page(rows.map((r) => r.wire).join(','), rows.length, last ? { xid: last.xid, seq: Number(last.seq) } : null));
}

/** The first `limit` of two lists each ordered by (xid, seq). */
function mergeByCursor(a: Row[], b: Row[], limit: number): Row[] {
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    if (
      j >= b.length ||
      (i < a.length && compare({ xid: a[i]!.xid, seq: Number(a[i]!.seq) }, { xid: b[j]!.xid, seq: Number(b[j]!.seq) }) < 0)
    )
      out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

function compare(a: { xid: string; seq: number }, b: { xid: string; seq: number }): number {
  const x = BigInt(a.xid) - BigInt(b.xid);
  return x !== 0n ? (x < 0n ? -1 : 1) : a.seq - b.seq;
}
