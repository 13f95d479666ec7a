/**
 * The first pull into an empty database, loaded in bulk: the tables' secondary indexes and the
 * triggers that keep an enterprise's counts are dropped before the first page and put back,
 * with the counts computed once for all, after the last. Keeping 100,000 enterprises' wide
 * list indexes up to date through 300,000 IP count updates cost more than the rest of the
 * pull together; one sorted build each at the end costs a few seconds.
 *
 * Crash-safe: the statements that put everything back are written to sync_state in the same
 * transaction that drops it, and run (in one transaction) when the pull ends for any reason,
 * or when the app next opens the database after a crash.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CASE_ITEMS_KIND } from '../db/migrations/011_dashboard_indexes';
import { readState, writeState } from './state';

const KEY = 'bulkLoad';

/** Tables whose indexes go; sync_records keeps the district index a page's placing reads. */
const TABLES = ['enterprises', 'ip_assets', 'whitelist_entries', 'sync_records'];
const KEPT = new Set(['sync_records_district']);
/** Triggers that keep the enterprise's IP count and whitelist state. */
const TRIGGER_TABLES = ['ip_assets', 'whitelist_entries'];

/** An enterprise's IP count and current whitelist state, from its children; `where` narrows it. */
export function enterpriseAggregatesSql(where: string): string {
  return `UPDATE enterprises SET ip_count = (SELECT count(*) FROM ip_assets WHERE enterprise_id = enterprises.id),
       (wl_status, wl_steward, wl_need_fen, wl_priority, last_visit_on) =
         (SELECT status, steward, need_fen, priority, last_visit_on FROM whitelist_entries
           WHERE enterprise_id = enterprises.id ORDER BY updated_at DESC, id DESC LIMIT 1)
     WHERE ${where}`;
}

const loading = new WeakSet<Database>();

/** Whether this connection is loading in bulk (an enterprise's counts then wait for the end). */
export const bulkLoading = (db: Database): boolean => loading.has(db);

/** Whether a pull from `cursor` may load in bulk: the first one, into a database with no records. */
export function mayBulkLoad(db: Database, cursor: string | null): boolean {
  return cursor === null && readState(db, KEY) === null && db.prepare('SELECT 1 FROM sync_records LIMIT 1').get() === undefined;
}

interface SchemaRow {
  type: 'index' | 'trigger';
  name: string;
  tbl_name: string;
  sql: string;
}

export function beginBulkLoad(db: Database): void {
  db.transaction(() => {
    const marks = (list: string[]) => list.map(() => '?').join(', ');
    const rows = db
      .prepare(
        `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND (
           (type = 'index' AND tbl_name IN (${marks(TABLES)})) OR (type = 'trigger' AND tbl_name IN (${marks(TRIGGER_TABLES)})))`,
      )
      .all(...TABLES, ...TRIGGER_TABLES) as SchemaRow[];
    const indexes = rows.filter((r) => r.type === 'index' && !KEPT.has(r.name));
    const triggers = rows.filter((r) => r.type === 'trigger');
    // Children's indexes first (the counts read them), the counts while the enterprises'
    // own indexes are still away, then those, then the triggers.
    const restore = [
      ...indexes.filter((r) => r.tbl_name !== 'enterprises').map((r) => r.sql),
      enterpriseAggregatesSql('1'),
      // A pull may bring an item again with another kind while its trigger is away.
      `UPDATE cases SET items_kind = ${CASE_ITEMS_KIND('cases.id')}`,
      ...indexes.filter((r) => r.tbl_name === 'enterprises').map((r) => r.sql),
      ...triggers.map((r) => r.sql),
    ];
    for (const r of [...triggers, ...indexes]) db.exec(`DROP ${r.type.toUpperCase()} "${r.name}"`);
    writeState(db, KEY, JSON.stringify(restore));
  }).immediate();
  loading.add(db);
}

/** Puts back what a bulk load dropped (its own, or one a crash interrupted); says whether there was one. */
export function finishBulkLoad(db: Database): boolean {
  loading.delete(db);
  const raw = readState(db, KEY);
  if (raw === null) return false;
  db.transaction(() => {
    for (const sql of JSON.parse(raw) as string[]) db.exec(sql);
    writeState(db, KEY, null);
  }).immediate();
  db.pragma('optimize');
  return true;
}
