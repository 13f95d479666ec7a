/**
 * Writes a record into the tables the app reads (or removes it): the one path by which local
 * mutations and pulled changes reach enterprises, cases and the rest. Run inside the caller's
 * transaction.
 *
 * The tables hold unique keys (a credit code, an IP number, a batch name, one entry per batch
 * and enterprise) that the replica's records may hold twice for a while: a pulled record may
 * take a key that a change of ours not yet sent also takes (the server will refuse ours), and a
 * pull sends each record at its latest version, so a record that took over a key can arrive
 * before the one that gave it up. The table keeps the key for the claim that stands: an unsent
 * change of ours until the server answers it, else the newer server version. The other record
 * waits in the replica, out of the table, and is written as soon as the key is free (after
 * each pulled page, each answer to a push and each local write).
 */
import { indexIpTitle, unindexEnterpriseIp, unindexIp } from '../ip/title-search';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Entity } from '../../../shared/sync/entities';
import { fieldStamp, type Fields } from '../../../shared/sync/records';
import { nameInitials } from '../enterprises/initials';
import { enterpriseSearchDocument } from '../enterprises/repository';
import { cachedStatement } from '../sql';
import { bulkLoading, enterpriseAggregatesSql } from './bulk-load';
import { CODECS, encode, hasTable, type Codec } from './codecs';
import { readState, writeState } from './state';
import { getRecord, pendingFields, type LocalRecord } from './store';

export interface Stamp {
  actor: string;
  now: string;
}

const stmt = cachedStatement;

/** The column each search index is built from: a change of it re-indexes the row. */
const SEARCHED: Record<string, string> = { enterprises: 'name', ip_assets: 'title' };

function upsertRow(
  db: Database,
  codec: Codec,
  id: string,
  data: Fields,
  stamp: Stamp,
): { rowid: number; inserted: boolean; oldText?: string } {
  const { columns, values } = encode(codec, id, data);
  const searched = SEARCHED[codec.table];
  const existing = stmt(
    db,
    `SELECT rowid AS r${searched ? `, ${searched} AS text` : ''} FROM ${codec.table} WHERE ${codec.idColumn} = ?`,
  ).get(id) as { r: number; text?: string } | undefined;
  if (existing) {
    const sets = columns.slice(1);
    const vals = values.slice(1);
    if (codec.stamps.updated) {
      sets.push('updated_by', 'updated_at');
      vals.push(stamp.actor, stamp.now);
    }
    stmt(db, `UPDATE ${codec.table} SET (${sets.join(', ')}) = (${sets.map(() => '?').join(', ')}) WHERE rowid = ?`).run(
      ...vals,
      existing.r,
    );
    return { rowid: existing.r, inserted: false, oldText: existing.text };
  }
  const cols = [...columns];
  const vals = [...values];
  if (codec.stamps.created) cols.push('created_by', 'created_at');
  if (codec.stamps.created) vals.push(stamp.actor, stamp.now);
  if (codec.stamps.updated) cols.push('updated_by', 'updated_at');
  if (codec.stamps.updated) vals.push(stamp.actor, stamp.now);
  const r = stmt(db, `INSERT INTO ${codec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals);
  return { rowid: Number(r.lastInsertRowid), inserted: true };
}

function indexEnterprise(db: Database, rowid: number, name: string, initials: string, replace: boolean) {
  if (replace) stmt(db, 'DELETE FROM enterprise_search WHERE rowid = ?').run(rowid);
  const doc = enterpriseSearchDocument(name, initials);
  stmt(db, 'INSERT INTO enterprise_search (rowid, grams, unigrams) VALUES (?, ?, ?)').run(rowid, doc.grams, doc.unigrams);
}

/**
 * Counts and the whitelist state an enterprise shows are kept by triggers as children change;
 * an enterprise that arrives after its children (a pull sends each record at its latest
 * version) gets them computed here.
 */
function refreshEnterpriseAggregates(db: Database, id: string) {
  // Loading in bulk, the counts are computed for all at the end (and the children's indexes
  // these read are away).
  if (bulkLoading(db)) return;
  stmt(db, enterpriseAggregatesSql('id = ?')).run(id);
}

function setCaseItems(db: Database, caseId: string, items: unknown) {
  stmt(db, 'DELETE FROM case_items WHERE case_id = ?').run(caseId);
  const insert = stmt(db, 'INSERT OR IGNORE INTO case_items (case_id, ip_asset_id) VALUES (?, ?)');
  for (const assetId of Array.isArray(items) ? items : []) insert.run(caseId, String(assetId));
}

/** A table's unique keys other than the record's id: their columns, and the record fields they hold. */
interface UniqueKey {
  columns: string[];
  fields: string[];
}

const uniqueCache = new WeakMap<Database, Map<string, UniqueKey[]>>();

function uniqueKeys(db: Database, codec: Codec): UniqueKey[] {
  let byTable = uniqueCache.get(db);
  if (!byTable) uniqueCache.set(db, (byTable = new Map()));
  let keys = byTable.get(codec.table);
  if (!keys) {
    keys = [];
    for (const ix of db.pragma(`index_list(${codec.table})`) as { name: string; unique: number; origin: string }[]) {
      if (!ix.unique || ix.origin === 'pk') continue;
      const columns = (db.pragma(`index_info(${ix.name})`) as { name: string }[]).map((c) => c.name);
      const fields = columns.map((c) => codec.columns.find((x) => x.column === c)?.field);
      // An index on the id column (a history line's sync id) is the record's own.
      if (fields.every((f): f is string => f !== undefined)) keys.push({ columns, fields });
    }
    byTable.set(codec.table, keys);
  }
  return keys;
}

const codeOf = (err: unknown) => (err as { code?: string } | null)?.code;
const isUniqueClash = (err: unknown) => codeOf(err) === 'SQLITE_CONSTRAINT_UNIQUE';

/** The rows of other records that hold one of the record's unique keys, with the key's fields. */
function holdersOf(db: Database, codec: Codec, id: string, data: Fields): { id: string; fields: string[] }[] {
  const { columns, values } = encode(codec, id, data);
  const out: { id: string; fields: string[] }[] = [];
  for (const key of uniqueKeys(db, codec)) {
    const vals = key.columns.map((c) => values[columns.indexOf(c)]);
    const ids = stmt(
      db,
      `SELECT ${codec.idColumn} FROM ${codec.table} WHERE ${key.columns.map((c) => `${c} = ?`).join(' AND ')} AND ${codec.idColumn} <> ?`,
    )
      .pluck()
      .all(...vals, id) as string[];
    for (const other of ids) out.push({ id: other, fields: key.fields });
  }
  return out;
}

/** A change of ours not yet answered claims the key: the record is unsent, or its key is being changed. */
function claims(db: Database, r: LocalRecord, fields: string[]): boolean {
  if (!r.known) return true;
  const pending = pendingFields(db, r.entity, r.id);
  return pending.has('*') || fields.some((f) => pending.has(f));
}

const keyVersion = (r: LocalRecord, fields: string[]) => Math.max(...fields.map((f) => fieldStamp(r.versions, f) ?? 0));

const WAITING = 'waitingForKey';

/** Each waiting record with the stamp its row is to be written with: "entity/id", who, when. */
type Waiting = [string, string, string];

function waiting(db: Database): Waiting[] {
  const raw = readState(db, WAITING);
  return raw ? (JSON.parse(raw) as Waiting[]) : [];
}

function wait(db: Database, entity: Entity, id: string, stamp: Stamp): void {
  const list = waiting(db);
  const k = `${entity}/${id}`;
  if (!list.some((w) => w[0] === k)) writeState(db, WAITING, JSON.stringify([...list, [k, stamp.actor, stamp.now]]));
}

/** Who last changed the record's row, and when (for the tables that keep it). */
export function rowStamp(db: Database, entity: Entity, id: string): Stamp | null {
  if (!hasTable(entity) || !CODECS[entity].stamps.updated) return null;
  const codec = CODECS[entity];
  const row = stmt(db, `SELECT updated_by AS actor, updated_at AS now FROM ${codec.table} WHERE ${codec.idColumn} = ?`).get(id) as
    Stamp | undefined;
  return row ?? null;
}

/**
 * The record's key is held by other rows: whether it takes the key (the holders' rows go and
 * they wait) or waits itself. Rows only go while a page is applied (foreign keys off, so
 * nothing hanging off them goes too); otherwise the record waits, its row as it was.
 */
function takesKey(db: Database, entity: Entity, id: string, holders: { id: string; fields: string[] }[], stamp: Stamp): boolean {
  const me = getRecord(db, entity, id);
  if (!me || db.pragma('foreign_keys', { simple: true }) === 1) return false;
  for (const h of holders) {
    const other = getRecord(db, entity, h.id);
    if (!other) continue;
    if (claims(db, other, h.fields)) return false;
    if (claims(db, me, h.fields) || keyVersion(me, h.fields) <= keyVersion(other, h.fields)) return false;
  }
  for (const h of holders) {
    const was = rowStamp(db, entity, h.id) ?? stamp;
    projectDelete(db, entity, h.id);
    wait(db, entity, h.id, was);
  }
  return true;
}

/** Writes the records that waited for a key, where the key is now free. */
export function projectWaiting(db: Database): void {
  const list = waiting(db);
  if (list.length === 0) return;
  writeState(db, WAITING, null);
  for (const [k, actor, now] of list) {
    const at = k.indexOf('/');
    const entity = k.slice(0, at) as Entity;
    const r = getRecord(db, entity, k.slice(at + 1));
    if (r && !r.deleted) projectUpsert(db, entity, r.id, r.data, { actor, now });
  }
}

/** Writes the record's current data into its table (or lets it wait for its key: see above). */
export function projectUpsert(db: Database, entity: Entity, id: string, data: Fields, stamp: Stamp): void {
  if (!hasTable(entity)) return;
  const codec = CODECS[entity];
  let row: ReturnType<typeof upsertRow>;
  try {
    row = upsertRow(db, codec, id, data, stamp);
  } catch (err) {
    // The record it hangs off has no row (it waits for a key, or went while this change of
    // ours was out): this one waits for it too, rather than failing the write or the answer.
    if (codeOf(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') return wait(db, entity, id, stamp);
    if (!isUniqueClash(err)) throw err;
    const holders = holdersOf(db, codec, id, data);
    if (holders.length === 0) throw err;
    if (!takesKey(db, entity, id, holders, stamp)) {
      if (db.pragma('foreign_keys', { simple: true }) !== 1) projectDelete(db, entity, id);
      wait(db, entity, id, stamp);
      return;
    }
    row = upsertRow(db, codec, id, data, stamp);
  }
  if (entity === 'ip_asset') {
    const title = String(data.title ?? '');
    if (row.inserted || row.oldText !== title) indexIpTitle(db, row.rowid, title, !row.inserted);
  }
  if (entity === 'enterprise') {
    const name = String(data.name ?? '');
    if (row.inserted || row.oldText !== name) {
      indexEnterprise(db, row.rowid, name, nameInitials(name), !row.inserted);
    }
    if (row.inserted) refreshEnterpriseAggregates(db, id);
  } else if (entity === 'case') setCaseItems(db, id, data.items);
}

/** Removes the record from its table (children go with it where the table cascades). */
export function projectDelete(db: Database, entity: Entity, id: string): void {
  if (!hasTable(entity)) return;
  const codec = CODECS[entity];
  if (entity === 'enterprise') {
    const rowid = stmt(db, 'SELECT rowid FROM enterprises WHERE id = ?').pluck().get(id) as number | undefined;
    if (rowid !== undefined) stmt(db, 'DELETE FROM enterprise_search WHERE rowid = ?').run(rowid);
    unindexEnterpriseIp(db, id);
  }
  if (entity === 'ip_asset') unindexIp(db, id);
  if (entity === 'case') stmt(db, 'DELETE FROM case_items WHERE case_id = ?').run(id);
  stmt(db, `DELETE FROM ${codec.table} WHERE ${codec.idColumn} = ?`).run(id);
}
