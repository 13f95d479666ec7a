/**
 * Writes a record into the tables the app reads (or removes it): the one path by which local
 * mutations and pulled changes reach enterprises, cases and the rest. Run inside the caller's
 * transaction.
 */
import type { Database } from 'better-sqlite3';
import type { Entity } from '../../../shared/sync/entities';
import type { Fields } from '../../../shared/sync/records';
import { nameInitials } from '../enterprises/initials';
import { enterpriseSearchDocument } from '../enterprises/repository';
import { cachedStatement } from '../sql';
import { CODECS, encode, hasTable, type Codec } from './codecs';

export interface Stamp {
  actor: string;
  now: string;
}

const stmt = cachedStatement;

function upsertRow(
  db: Database,
  codec: Codec,
  id: string,
  data: Fields,
  stamp: Stamp,
): { rowid: number; inserted: boolean; oldName?: string } {
  const { columns, values } = encode(codec, id, data);
  const existing = stmt(
    db,
    `SELECT rowid AS r${codec.table === 'enterprises' ? ', name' : ''} FROM ${codec.table} WHERE ${codec.idColumn} = ?`,
  ).get(id) as { r: number; name?: string } | undefined;
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
    return { rowid: existing.r, inserted: false, oldName: existing.name };
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
  stmt(
    db,
    `UPDATE enterprises SET ip_count = (SELECT count(*) FROM ip_assets WHERE enterprise_id = @id),
       (wl_status, wl_steward, wl_need_fen, wl_priority, last_visit_on) =
         (SELECT status, steward, need_fen, priority, last_visit_on FROM whitelist_entries
           WHERE enterprise_id = @id ORDER BY updated_at DESC, id DESC LIMIT 1)
     WHERE id = @id`,
  ).run({ id });
}

function setCaseItems(db: Database, caseId: string, items: unknown) {
  stmt(db, 'DELETE FROM case_items WHERE case_id = ?').run(caseId);
  const insert = stmt(db, 'INSERT OR IGNORE INTO case_items (case_id, ip_asset_id) VALUES (?, ?)');
  for (const assetId of Array.isArray(items) ? items : []) insert.run(caseId, String(assetId));
}

/** Writes the record's current data into its table. */
export function projectUpsert(db: Database, entity: Entity, id: string, data: Fields, stamp: Stamp): void {
  if (!hasTable(entity)) return;
  const codec = CODECS[entity];
  const row = upsertRow(db, codec, id, data, stamp);
  if (entity === 'enterprise') {
    const name = String(data.name ?? '');
    if (row.inserted || row.oldName !== name) {
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
  }
  if (entity === 'case') stmt(db, 'DELETE FROM case_items WHERE case_id = ?').run(id);
  stmt(db, `DELETE FROM ${codec.table} WHERE ${codec.idColumn} = ?`).run(id);
}
