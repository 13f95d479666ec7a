/**
 * Applies one pulled page to the replica and the tables, in one transaction with the cursor
 * it leads to: a crash leaves the page either wholly applied with its cursor, or not at all.
 * A field with a change of ours still waiting in the outbox keeps our value (the server's goes
 * to the shadow, where a refusal of our change would restore it from).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ENTITIES, ENTITY_NAMES, type Entity } from '../../../shared/sync/entities';
import type { District } from '../../../shared/domain/districts';
import type { PullChange, PullResponse } from '../../../shared/sync/protocol';
import { fieldStamp, type Fields } from '../../../shared/sync/records';
import { cachedStatement } from '../sql';
import { projectDelete, projectUpsert, projectWaiting, type Stamp } from './project';
import { districtOf, dropRecord, getRecord, pendingFields, putRecord, type Shadow } from './store';
import { crossOff, resyncing } from './resync';
import { writeState } from './state';

const PULLED_BY = '中心服务';

export { pendingFields } from './store';

/**
 * Where a pulled record is: as the server says (`s`), except for a record that carries its
 * district itself (an enterprise), whose field may hold an unsent move of ours. A server that
 * does not say leaves it to the record's parent here.
 */
function placeOf(db: Database, c: PullChange, data: Fields): District | null {
  if ('field' in ENTITIES[c.e].scope || c.s === undefined) return districtOf(db, c.e, data);
  return c.s as District | null;
}

function applyChange(db: Database, c: PullChange, page: Stamp, outboxEmpty: boolean): void {
  // The rows show who changed the record on the server and when (not when it was pulled), so
  // every desktop lists and orders them alike.
  const stamp: Stamp = { actor: c.b ?? page.actor, now: c.t ?? page.now };
  const pending = outboxEmpty ? new Set<string>() : pendingFields(db, c.e, c.id);
  // An upsert with nothing of ours pending takes the server's record as it is: ours is not read.
  const cur = c.op === 'upsert' && pending.size === 0 ? null : getRecord(db, c.e, c.id);
  if (c.op === 'remove') {
    // Out of this user's scope now: gone from here, not deleted (unsent changes of ours to it
    // stay in the outbox; the server will answer them, and the refusal is shown).
    if (cur) {
      dropRecord(db, c.e, c.id);
      projectDelete(db, c.e, c.id);
    }
    return;
  }
  if (c.op === 'delete') {
    if (!cur) return;
    if (pending.size) {
      putRecord(db, { ...cur, known: true, shadow: { ...cur.shadow, fields: cur.shadow?.fields ?? {}, deleted: true, at: stamp } });
      return;
    }
    putRecord(db, { ...cur, deleted: true, known: true, shadow: null });
    projectDelete(db, c.e, c.id);
    return;
  }
  const theirs: Fields = c.d ?? {};
  const shadow: Shadow = { fields: { ...(cur?.shadow?.fields ?? {}) }, deleted: cur?.shadow?.deleted };
  let data: Fields;
  let deleted = false;
  if (pending.size === 0 || !cur) data = theirs;
  else {
    data = { ...theirs };
    const newer = new Set(cur.shadow?.newer ?? []);
    for (const f of pending) {
      if (f === '*') continue;
      shadow.fields[f] = theirs[f] ?? null;
      if (!cur.known || fieldStamp(c.v, f) !== fieldStamp(cur.versions, f)) newer.add(f);
      data[f] = cur.data[f];
    }
    if (newer.size) shadow.newer = [...newer];
    shadow.at = stamp;
    if (pending.has('*')) {
      // Deleted here, not yet sent: stays deleted; the server's record is kept to restore.
      shadow.deleted = false;
      deleted = cur.deleted;
      if (deleted) data = { ...cur.data, ...theirs };
    }
  }
  putRecord(db, {
    entity: c.e,
    id: c.id,
    data,
    versions: c.v ?? {},
    district: placeOf(db, c, data),
    deleted,
    known: true,
    shadow: pending.size ? shadow : null,
  });
  if (deleted) projectDelete(db, c.e, c.id);
  else projectUpsert(db, c.e, c.id, data, stamp);
}

const PLACED = ENTITY_NAMES.filter((e) => !(ENTITIES[e].scope as { global?: boolean }).global);

/**
 * A pull sends each record at its latest version, so one may arrive before the record it hangs
 * off (an IP item before its enterprise edited later) and find no district: placed once that
 * one is here, or a later change of districts would not remove it. Grandchildren take a pass each.
 */
function placeWaiting(db: Database): void {
  const waiting = cachedStatement(
    db,
    `SELECT entity, id, data FROM sync_records WHERE district IS NULL AND entity IN (${PLACED.map(() => '?').join(', ')})`,
  );
  const place = cachedStatement(db, 'UPDATE sync_records SET district = ? WHERE entity = ? AND id = ?');
  for (let placed = 1; placed > 0;) {
    placed = 0;
    for (const r of waiting.all(...PLACED) as { entity: Entity; id: string; data: string }[]) {
      // Undefined, not null, while the record it hangs off has not arrived.
      const district = districtOf(db, r.entity, JSON.parse(r.data) as Fields);
      if (district) placed += place.run(district, r.entity, r.id).changes;
    }
  }
}

/** Drops every record of these districts (the user no longer sees them), with what hangs off them. */
export function removeDistricts(db: Database, districts: string[]): number {
  let removed = 0;
  for (const d of districts) {
    const rows = db.prepare('SELECT entity, id FROM sync_records WHERE district = ?').all(d) as { entity: Entity; id: string }[];
    for (const r of rows) {
      dropRecord(db, r.entity, r.id);
      projectDelete(db, r.entity, r.id);
      removed++;
    }
  }
  return removed;
}

/**
 * The page's changes, then its cursor. Foreign keys are not enforced while a page is applied:
 * a pull sends each record at its latest version, so a child may arrive pages before its
 * parent (the server's state is consistent; ours is once the pull completes), and deletions
 * come record by record, children included, so nothing relies on a cascade.
 */
export function applyPage(db: Database, page: PullResponse, now: string): void {
  const stamp = { actor: PULLED_BY, now };
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      if (page.resync) {
        removeDistricts(db, page.resync.removeDistricts);
        // The user's districts changed: who they are now is read again after the pull (engine.ts).
        writeState(db, 'scopeChanged', '1');
      }
      const outboxEmpty = cachedStatement(db, 'SELECT 1 FROM outbox LIMIT 1').get() === undefined;
      for (const c of page.changes) applyChange(db, c, stamp, outboxEmpty);
      if (resyncing(db)) crossOff(db, page.changes);
      projectWaiting(db);
      placeWaiting(db);
      writeState(db, 'cursor', page.cursor);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** How many live local records a page would delete or remove (for the mass-removal guard). */
export function removalsIn(page: PullResponse): number {
  return page.changes.filter((c) => c.op !== 'upsert').length;
}
