/**
 * What must hold once the fuzz run has settled, each failure a line of text:
 *
 * - each desktop is clean (nothing unsent, no shadow, SQLite intact, no dangling reference)
 *   and equals the server: its records equal, field by field with their versions, those the
 *   server holds in the user's districts, and its tables equal those of a fresh desktop of the
 *   same user that pulled everything from scratch;
 * - no desktop holds a record outside its user's districts;
 * - every mutation made on a desktop was answered exactly once, in order, and the answers the
 *   desktop kept (its refusals) are the server's;
 * - the server's history (its audit lines, in commit order) never overwrites a field another
 *   device wrote unless the writer had seen that value, never edits a deleted record, never
 *   deletes over an unseen edit: each of those must have become a conflict; every conflict
 *   is recorded, and none is spurious; and the records end as their history says.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ENTITIES, type Entity } from '../../../../shared/sync/entities';
import type { Fields } from '../../../../shared/sync/records';
import { CODECS } from '../codecs';
import type { MutationNote } from './replica';

export interface ServerRecord {
  entity: Entity;
  id: string;
  district: string | null;
  data: Fields;
  versions: Record<string, number>;
  deleted: boolean;
}

export interface AuditLine {
  id: number;
  at: string;
  device_id: string;
  mutation_id: string;
  mutation: string;
  entity: Entity;
  record_id: string;
  before: Fields | null;
  after: Fields | null;
}

export interface ResultRow {
  device_id: string;
  seq: number;
  mutation_id: string;
  status: 'applied' | 'conflict' | 'rejected';
  result: { conflicts?: { conflictId: string; entity: Entity; recordId: string; field: string }[] };
}

export interface ServerState {
  records: ServerRecord[];
  audit: AuditLine[];
  results: ResultRow[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const key = (e: string, id: string) => `${e}/${id}`;
/** Fields every edit fills with a value never used before: equal values mean the same write. */
const UNIQUE_VALUED = new Set(['notes', 'street', 'address', 'industry', 'employees', 'name', 'title', 'ipcClass']);

interface LocalRow {
  entity: string;
  id: string;
  data: string;
  versions: string;
  shadow: string | null;
  known: number;
  deleted: number;
  district: string | null;
}

const localRecords = (db: Database) =>
  db
    .prepare('SELECT entity, id, data, versions, shadow, known, deleted, district FROM sync_records ORDER BY entity, id')
    .all() as LocalRow[];

/** The desktop's own state: nothing unsent or half settled, the file sound. */
export function checkClean(tag: string, db: Database): string[] {
  const out: string[] = [];
  const pending = db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  if (pending) out.push(`${tag}: ${pending} mutations still unsent after settling`);
  for (const r of localRecords(db)) {
    if (r.shadow) out.push(`${tag}: ${key(r.entity, r.id)} keeps a shadow ${r.shadow} after settling`);
    if (!r.known) out.push(`${tag}: ${key(r.entity, r.id)} never reached the server`);
  }
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') out.push(`${tag}: integrity_check says ${String(integrity)}`);
  for (const v of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[])
    out.push(`${tag}: ${v.table} row ${v.rowid} refers to a missing ${v.parent}`);
  return out;
}

/** Live records of the desktop equal the server's in the user's districts; its tombstones are the server's too. */
export function checkAgainstServer(tag: string, db: Database, districts: readonly string[], server: ServerState): string[] {
  const out: string[] = [];
  const visible = new Map(
    server.records
      .filter((r) => !r.deleted && (r.district === null || districts.includes(r.district)))
      .map((r) => [key(r.entity, r.id), r] as const),
  );
  const all = new Map(server.records.map((r) => [key(r.entity, r.id), r] as const));
  const seen = new Set<string>();
  for (const r of localRecords(db)) {
    const k = key(r.entity, r.id);
    if (r.district !== null && !districts.includes(r.district))
      out.push(`${tag}: holds ${k} of ${r.district}, outside ${districts.join(',')}`);
    if (r.district === null && !(ENTITIES[r.entity as Entity].scope as { global?: boolean }).global)
      out.push(`${tag}: holds ${k} with no district`);
    if (r.deleted) {
      if (all.get(k) && !all.get(k)!.deleted) out.push(`${tag}: has ${k} deleted, the server has it live`);
      continue;
    }
    seen.add(k);
    const s = visible.get(k);
    if (!s) {
      out.push(
        `${tag}: holds ${k}, which the server ${all.get(k) ? (all.get(k)!.deleted ? 'deleted' : `keeps in ${all.get(k)!.district}`) : 'never had'}`,
      );
      continue;
    }
    if (!same(JSON.parse(r.data), s.data)) out.push(`${tag}: ${k} is ${r.data}, the server's ${JSON.stringify(s.data)}`);
    if (!same(JSON.parse(r.versions), s.versions))
      out.push(`${tag}: ${k} has versions ${r.versions}, the server's ${JSON.stringify(s.versions)}`);
    if (r.district !== s.district) out.push(`${tag}: ${k} is placed in ${r.district}, the server's in ${s.district}`);
  }
  for (const k of visible.keys()) if (!seen.has(k)) out.push(`${tag}: lacks ${k} (${visible.get(k)!.district})`);
  return out;
}

/** Every column of every table a record is projected to, except who-and-when stamps and local row numbers. */
function tableRows(db: Database, table: string, idColumn: string): Map<string, string> {
  const cols = (db.pragma(`table_info(${table})`) as { name: string }[])
    .map((c) => c.name)
    .filter((n) => !/^(created|updated)_(by|at)$/.test(n) && !(idColumn !== 'id' && n === 'id') && n !== 'seq');
  const rows = db.prepare(`SELECT ${cols.join(', ')} FROM ${table}`).all() as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r[idColumn]), JSON.stringify(r)]));
}

/** The desktop's tables equal those of a fresh desktop that pulled everything. */
export function checkTables(tag: string, db: Database, fresh: Database): string[] {
  const out: string[] = [];
  for (const codec of Object.values(CODECS)) {
    const mine = tableRows(db, codec.table, codec.idColumn);
    const theirs = tableRows(fresh, codec.table, codec.idColumn);
    for (const [id, row] of mine) {
      if (!theirs.has(id)) out.push(`${tag}: ${codec.table} has ${row}, a fresh pull has not`);
      else if (theirs.get(id) !== row) out.push(`${tag}: ${codec.table} has ${row}, a fresh pull ${theirs.get(id)}`);
    }
    for (const [id, row] of theirs) if (!mine.has(id)) out.push(`${tag}: ${codec.table} lacks ${row}`);
  }
  const items = (d: Database) => JSON.stringify(d.prepare('SELECT case_id, ip_asset_id FROM case_items ORDER BY 1, 2').all());
  if (items(db) !== items(fresh)) out.push(`${tag}: case_items differ from a fresh pull`);
  const search = db.prepare('SELECT (SELECT count(*) FROM enterprise_search), (SELECT count(*) FROM enterprises)').raw().get() as number[];
  if (search[0] !== search[1]) out.push(`${tag}: ${search[0]} search entries for ${search[1]} enterprises`);
  const titles = db.prepare('SELECT (SELECT count(*) FROM ip_search), (SELECT count(*) FROM ip_assets)').raw().get() as number[];
  if (titles[0] !== titles[1]) out.push(`${tag}: ${titles[0]} title search entries for ${titles[1]} IP items`);
  return out;
}

/** Each desktop's mutations were answered once each, in order, as the desktop believes. */
export function checkAnswers(
  replicas: { tag: string; deviceId: string; db: Database; notes: MutationNote[] }[],
  server: ServerState,
): string[] {
  const out: string[] = [];
  const byMutation = new Map<string, ResultRow[]>();
  for (const r of server.results) byMutation.set(r.mutation_id, [...(byMutation.get(r.mutation_id) ?? []), r]);
  for (const [id, rows] of byMutation) if (rows.length > 1) out.push(`mutation ${id} answered ${rows.length} times`);
  for (const rep of replicas) {
    const rows = server.results.filter((r) => r.device_id === rep.deviceId).sort((a, b) => a.seq - b.seq);
    const made = [...rep.notes].sort((a, b) => a.seq - b.seq);
    rows.forEach((r, i) => {
      if (Number(r.seq) !== i + 1) out.push(`${rep.tag}: the server's answers skip to #${r.seq} after #${i}`);
    });
    const answered = new Set(rows.map((r) => r.mutation_id));
    for (const n of made) if (!answered.has(n.id)) out.push(`${rep.tag}: mutation #${n.seq} ${n.name} ${n.id} never reached the server`);
    const mine = new Set(made.map((n) => n.id));
    for (const r of rows) if (!mine.has(r.mutation_id)) out.push(`${rep.tag}: the server applied ${r.mutation_id}, not made here`);
    const refused = new Set(rep.db.prepare('SELECT id FROM sync_rejections').pluck().all() as string[]);
    for (const r of rows) {
      if (r.status === 'rejected' && !refused.has(r.mutation_id))
        out.push(`${rep.tag}: ${r.mutation_id} was refused, the desktop does not know`);
      if (r.status !== 'rejected' && refused.has(r.mutation_id))
        out.push(`${rep.tag}: ${r.mutation_id} is kept as refused, the server ${r.status} it`);
    }
  }
  return out;
}

interface Written {
  value: unknown;
  device: string;
  mutation: string;
}

/** The server's history against what each writer had seen. */
export function checkHistory(notes: MutationNote[], server: ServerState): string[] {
  const out: string[] = [];
  const note = new Map(notes.map((n) => [n.id, n]));
  const resolved = new Set<string>();
  for (const n of notes)
    if (n.name === 'conflict.resolve')
      for (const a of server.audit.filter((l) => l.mutation_id === n.id)) resolved.add(key(a.entity, a.record_id));
  const chains = new Map<string, { fields: Map<string, Written>; deleted: boolean }>();
  const atOf = new Map<string, string>();
  for (const l of [...server.audit].sort((a, b) => a.id - b.id)) {
    const at = atOf.get(l.mutation_id);
    if (at !== undefined && at !== String(l.at))
      out.push(`mutation ${l.mutation_id} (${l.mutation}) was applied twice: at ${at} and ${String(l.at)}`);
    atOf.set(l.mutation_id, String(l.at));
    const k = key(l.entity, l.record_id);
    const chain = chains.get(k) ?? { fields: new Map<string, Written>(), deleted: false };
    chains.set(k, chain);
    const n = note.get(l.mutation_id);
    if (!n) out.push(`the server applied ${l.mutation_id} (${l.mutation}), which no desktop made`);
    const checked = n?.target && n.target.entity === l.entity && n.target.id === l.record_id;
    const seen = n?.parent ?? {};
    const what = `${l.mutation} ${l.mutation_id} from ${n?.replica ?? l.device_id} on ${k}`;
    if (l.after === null) {
      if (checked)
        for (const [f, w] of chain.fields)
          if (w.device !== l.device_id && !same(w.value, seen[f]))
            out.push(
              `${what} deleted over ${f}=${JSON.stringify(w.value)} by ${w.mutation}, unseen by the deleter (parent ${JSON.stringify(seen[f])}): not a conflict`,
            );
      chain.deleted = true;
      continue;
    }
    if (checked && chain.deleted && l.before !== null) out.push(`${what} edited the deleted record: not a conflict`);
    for (const [f, value] of Object.entries(l.after)) {
      const w = chain.fields.get(f);
      if (checked && w && w.device !== l.device_id && !same(w.value, seen[f]))
        out.push(
          `${what} overwrote ${f}=${JSON.stringify(w.value)} (by ${w.mutation}) with ${JSON.stringify(value)}, having seen ${JSON.stringify(seen[f])}: a lost update`,
        );
      chain.fields.set(f, { value, device: l.device_id, mutation: l.mutation_id });
    }
    chain.deleted = false;
  }
  // The records end as their history says.
  const records = new Map(server.records.map((r) => [key(r.entity, r.id), r]));
  for (const [k, chain] of chains) {
    const r = records.get(k);
    if (!r) {
      out.push(`${k} has a history but no record`);
      continue;
    }
    if (r.deleted !== chain.deleted) out.push(`${k} is ${r.deleted ? 'deleted' : 'live'}, its history says otherwise`);
    if (r.deleted) continue;
    for (const [f, w] of chain.fields)
      if (!same(r.data[f], w.value))
        out.push(`${k}.${f} is ${JSON.stringify(r.data[f])}, its last write (${w.mutation}) ${JSON.stringify(w.value)}`);
  }
  // A delete kept as a conflict deletes nothing else (what hangs off the record stays with it).
  for (const row of server.results) {
    const n = note.get(row.mutation_id);
    if (!n?.target || !n.name.endsWith('.delete')) continue;
    const kept = (row.result.conflicts ?? []).some((c) => c.field === '*' && c.entity === n.target!.entity && c.recordId === n.target!.id);
    if (!kept) continue;
    for (const l of server.audit)
      if (l.mutation_id === row.mutation_id && l.after === null)
        out.push(`${n.name} ${row.mutation_id} was kept as a conflict, yet deleted ${key(l.entity, l.record_id)}`);
  }
  // Every conflict answered is a conflict record, and none was raised over a value the writer had seen.
  for (const row of server.results) {
    for (const c of row.result.conflicts ?? []) {
      const rec = records.get(key('conflict', c.conflictId));
      if (!rec) {
        out.push(`conflict ${c.conflictId} of ${row.mutation_id} has no record`);
        continue;
      }
      const n = note.get(row.mutation_id);
      if (!n || !UNIQUE_VALUED.has(c.field) || resolved.has(key(c.entity, c.recordId))) continue;
      if (n.target?.entity === c.entity && n.target.id === c.recordId && same(rec.data.serverValue, n.parent[c.field]))
        out.push(
          `conflict ${c.conflictId}: ${c.field} of ${key(c.entity, c.recordId)} was ${JSON.stringify(rec.data.serverValue)}, as the writer had seen it`,
        );
    }
  }
  return out;
}
