/**
 * The desktop's replica: every synced record as the server defines it (shared/sync/entities.ts)
 * in `sync_records`, with the versions the server gave its fields and, for fields changed here
 * and not yet confirmed, the server's value (the shadow) to go back to if the change is refused.
 * decide() reads this, exactly as it reads the server's records; the tables the app lists are
 * projected from it (project.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ENTITIES, type Entity } from '../../../shared/sync/entities';
import { lookupColumn, lookupValues } from '../../../shared/sync/lookup';
import type { Fields, StateReader, SyncRecord } from '../../../shared/sync/records';
import type { District } from '../../../shared/domain/districts';
import { cachedStatement } from '../sql';

/** The server's side of fields changed here: their values, and whether it had the record deleted. */
export interface Shadow {
  fields: Fields;
  deleted?: boolean;
  /**
   * Fields whose server value here was pulled after our change was made (the server changed
   * them since, perhaps by applying that very change, its answer lost): when our change is
   * confirmed, the server holds this value, not necessarily ours (it decides again).
   */
  newer?: string[];
  /** Who changed the record on the server and when, as its row showed before our change: the row's again once ours is settled. */
  at?: { actor: string; now: string };
}

export interface LocalRecord extends SyncRecord {
  /** The server has (or had) this record: it was pulled, or a push creating it was accepted. */
  known: boolean;
  shadow: Shadow | null;
}

interface Row {
  entity: Entity;
  id: string;
  data: string;
  versions: string;
  shadow: string | null;
  known: number;
  deleted: number;
  district: string | null;
}

const toRecord = (r: Row): LocalRecord => ({
  entity: r.entity,
  id: r.id,
  data: JSON.parse(r.data) as Fields,
  versions: JSON.parse(r.versions) as Record<string, number>,
  district: r.district as District | null,
  deleted: r.deleted === 1,
  known: r.known === 1,
  shadow: r.shadow ? (JSON.parse(r.shadow) as Shadow) : null,
});

const cache = new WeakMap<Database, ReturnType<typeof prepare>>();

function prepare(db: Database) {
  const cols = 'entity, id, data, versions, shadow, known, deleted, district';
  return {
    get: db.prepare(`SELECT ${cols} FROM sync_records WHERE entity = ? AND id = ?`),
    byParent: db.prepare(`SELECT ${cols} FROM sync_records WHERE entity = ? AND parent_id = ? AND deleted = 0`),
    byKey: db.prepare(`SELECT ${cols} FROM sync_records WHERE entity = ? AND lookup_key = ? AND deleted = 0`),
    put: db.prepare(
      `INSERT INTO sync_records (entity, id, data, versions, shadow, known, deleted, district, parent_id, lookup_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity, id) DO UPDATE SET data = excluded.data, versions = excluded.versions, shadow = excluded.shadow,
         known = excluded.known, deleted = excluded.deleted, district = excluded.district, parent_id = excluded.parent_id,
         lookup_key = excluded.lookup_key`,
    ),
    drop: db.prepare('DELETE FROM sync_records WHERE entity = ? AND id = ?'),
  };
}

export function statements(db: Database) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

export function getRecord(db: Database, entity: Entity, id: string): LocalRecord | null {
  const row = statements(db).get.get(entity, id) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function putRecord(db: Database, r: LocalRecord): void {
  const l = lookupValues(r.entity, r.data);
  statements(db).put.run(
    r.entity,
    r.id,
    JSON.stringify(r.data),
    JSON.stringify(r.versions),
    r.shadow && (Object.keys(r.shadow.fields).length || r.shadow.deleted !== undefined) ? JSON.stringify(r.shadow) : null,
    r.known ? 1 : 0,
    r.deleted ? 1 : 0,
    r.district,
    l.parent_id,
    l.lookup_key,
  );
}

export function dropRecord(db: Database, entity: Entity, id: string): void {
  statements(db).drop.run(entity, id);
}

/** decide()'s view of the replica. */
export function localState(db: Database): StateReader {
  const s = statements(db);
  return {
    get: (entity, id) => getRecord(db, entity, id),
    children(entity, field, value) {
      const by = lookupColumn(entity, field) === 'parent_id' ? s.byParent : s.byKey;
      return (by.all(entity, value) as Row[]).map(toRecord);
    },
    findBy(entity, field, value) {
      const by = lookupColumn(entity, field) === 'parent_id' ? s.byParent : s.byKey;
      const row = by.get(entity, value) as Row | undefined;
      return row ? toRecord(row) : null;
    },
  };
}

/** Where a record's district comes from: its own field, or the record it hangs off. */
export function districtOf(db: Database, entity: Entity, data: Fields): District | null {
  const scope = ENTITIES[entity].scope as { field?: string; parent?: Entity | 'any'; via?: string; global?: boolean };
  if (scope.global) return null;
  if (scope.field) return (data[scope.field] as District | undefined) ?? null;
  const parentId = String(data[scope.via!] ?? '');
  const parentEntity = scope.parent === 'any' ? (data.entity as Entity) : scope.parent!;
  return ((statements(db).get.get(parentEntity, parentId) as Row | undefined)?.district ?? null) as District | null;
}

/** The fields of a record that unsent changes of ours touch ('*' for the whole record). */
export function pendingFields(db: Database, entity: Entity, id: string): Set<string> {
  const rows = cachedStatement(db, 'SELECT o.touched FROM outbox_touch t JOIN outbox o ON o.seq = t.seq WHERE t.entity = ? AND t.id = ?')
    .pluck()
    .all(entity, id) as string[];
  const out = new Set<string>();
  for (const json of rows)
    for (const t of JSON.parse(json) as { e: string; id: string; f: string[] }[])
      if (t.e === entity && t.id === id) t.f.forEach((f) => out.add(f));
  return out;
}

/** The entities whose records hang off one of `entity` (a conflict may hang off any). */
const childEntities = (entity: Entity): Entity[] =>
  (Object.keys(ENTITIES) as Entity[]).filter((e) => {
    const scope = ENTITIES[e].scope as { parent?: Entity | 'any' };
    return scope.parent === entity || (scope.parent === 'any' && e !== entity);
  });

/** Every record that hangs off this one, and off those, and so on (the replica's, deleted or not). */
export function descendantsOf(db: Database, entity: Entity, id: string): { entity: Entity; id: string }[] {
  const out: { entity: Entity; id: string }[] = [];
  const queue = [{ entity, id }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const child of childEntities(next.entity)) {
      const ids = cachedStatement(db, 'SELECT id FROM sync_records WHERE entity = ? AND parent_id = ?')
        .pluck()
        .all(child, next.id) as string[];
      for (const c of ids) {
        out.push({ entity: child, id: c });
        queue.push({ entity: child, id: c });
      }
    }
  }
  return out;
}

/**
 * What hangs off a record takes its district with it, as the server moves them: after a move
 * of ours (and its refusal undone) the replica drops the right records when the user loses a
 * district.
 */
export function placeDescendants(db: Database, entity: Entity, id: string, district: District | null): void {
  const place = cachedStatement(db, 'UPDATE sync_records SET district = ? WHERE entity = ? AND id = ?');
  for (const d of descendantsOf(db, entity, id)) place.run(district, d.entity, d.id);
}
