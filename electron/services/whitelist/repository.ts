import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { addDays } from '../../../shared/domain/dates';
import type { District } from '../../../shared/domain/districts';
import { AppError } from '../../../shared/errors';
import { entryQuery, type EntryFilter } from '../../../shared/schemas/queries';
import { batchInput, entryInput, statusChangeInput } from '../../../shared/schemas/whitelist';
import type { Page, StatusChange, WhitelistBatch, WhitelistEntry } from '../../../shared/types/records';
import { localMutate } from '../sync/local';
import type { UpsertOutcome, WriteContext } from '../enterprises/repository';
import { newId } from '../ids';
import { searchQuery } from '../enterprises/search-grams';
import { Where } from '../sql';

export function listBatches(db: Database): WhitelistBatch[] {
  return (
    db
      .prepare(
        `SELECT b.id, b.name, b.district, b.surveyed_on AS surveyedOn, b.source, count(w.id) AS entryCount
           FROM whitelist_batches b LEFT JOIN whitelist_entries w ON w.batch_id = b.id
          GROUP BY b.id ORDER BY b.surveyed_on DESC, b.name`,
      )
      .all() as (WhitelistBatch & { district: District })[]
  ).map((b) => ({ ...b }));
}

export function batchStatements(db: Database) {
  const byName = db.prepare('SELECT id FROM whitelist_batches WHERE name = ?').pluck();
  return {
    /** The batch with this name, created with the given details if it does not exist. */
    ensure(input: z.input<typeof batchInput>, ctx: WriteContext): { id: string; created: boolean } {
      const b = batchInput.parse(input);
      const existing = byName.get(b.name) as string | undefined;
      if (existing) return { id: existing, created: false };
      const id = newId();
      localMutate(db, 'batch.save', { ...b, id }, ctx);
      return { id, created: true };
    },
  };
}

export function createBatch(db: Database, input: z.input<typeof batchInput>, ctx: WriteContext): WhitelistBatch {
  const b = batchInput.parse(input);
  return db
    .transaction(() => {
      if (db.prepare('SELECT 1 FROM whitelist_batches WHERE name = ?').get(b.name)) throw new AppError('CONFLICT', `批次“${b.name}”已存在`);
      const { id } = batchStatements(db).ensure(b, ctx);
      return listBatches(db).find((x) => x.id === id)!;
    })
    .immediate();
}

export function entryStatements(db: Database) {
  const find = db.prepare('SELECT id FROM whitelist_entries WHERE batch_id = ? AND enterprise_id = ?').pluck();

  /**
   * One entry per enterprise and batch, through the entry.save mutation (a status change on
   * the way is kept in the history); 摸排日期 and 来源 left out keep what the entry has (its
   * batch's for a new one).
   */
  function upsert(input: z.input<typeof entryInput>, ctx: WriteContext): { id: string; outcome: UpsertOutcome } {
    const e = entryInput.parse(input);
    const existing = find.get(e.batchId, e.enterpriseId) as string | undefined;
    const id = existing ?? newId();
    const { writes } = localMutate(db, 'entry.save', { ...e, id }, ctx);
    return { id, outcome: !existing ? 'created' : writes.length ? 'updated' : 'unchanged' };
  }
  return { upsert };
}

export function saveEntry(db: Database, input: z.input<typeof entryInput>, ctx: WriteContext): WhitelistEntry {
  return db
    .transaction(() => {
      const e = entryInput.parse(input);
      if (!db.prepare('SELECT 1 FROM whitelist_batches WHERE id = ?').get(e.batchId)) throw new AppError('NOT_FOUND', '白名单批次不存在');
      if (!db.prepare('SELECT 1 FROM enterprises WHERE id = ?').get(e.enterpriseId)) throw new AppError('NOT_FOUND', '企业不存在');
      const { id } = entryStatements(db).upsert(e, ctx);
      return getEntry(db, id);
    })
    .immediate();
}

/**
 * Moves an entry to another status with its history line. Moving to 已走访 records the visit:
 * on `visitedOn` when a visit record says when, else today in the user's calendar; a later
 * visit already recorded is kept.
 */
export function changeStatus(
  db: Database,
  input: z.input<typeof statusChangeInput>,
  ctx: WriteContext,
  visitedOn?: string,
): WhitelistEntry {
  const c = statusChangeInput.parse(input);
  return db
    .transaction(() => {
      localMutate(db, 'entry.status', { ...c, ...(visitedOn ? { visitedOn } : {}) }, ctx);
      return getEntry(db, c.entryId);
    })
    .immediate();
}

export function statusHistory(db: Database, entryId: string): StatusChange[] {
  return db
    .prepare(
      'SELECT from_status AS fromStatus, to_status AS toStatus, changed_by AS changedBy, changed_at AS changedAt, reason FROM whitelist_status_history WHERE entry_id = ? ORDER BY id',
    )
    .all(entryId) as StatusChange[];
}

const SELECT = `SELECT w.id, w.batch_id AS batchId, b.name AS batchName, w.enterprise_id AS enterpriseId, e.name AS enterpriseName, e.uscc, e.district,
  w.status, w.steward, w.need_fen AS needFen, w.need_term_months AS needTermMonths, w.priority, w.last_visit_on AS lastVisitOn,
  w.surveyed_on AS surveyedOn, w.source,
  w.created_by AS createdBy, w.created_at AS createdAt, w.updated_by AS updatedBy, w.updated_at AS updatedAt
  FROM whitelist_entries w JOIN whitelist_batches b ON b.id = w.batch_id JOIN enterprises e ON e.id = w.enterprise_id`;

export function getEntry(db: Database, id: string): WhitelistEntry {
  const row = db.prepare(`${SELECT} WHERE w.id = ?`).get(id) as WhitelistEntry | undefined;
  if (!row) throw new AppError('NOT_FOUND', '白名单记录不存在');
  return row;
}

const SORT_COLUMNS: Record<string, string> = {
  enterpriseName: 'e.name_key',
  status: 'w.status',
  steward: 'w.steward',
  needFen: 'w.need_fen',
  priority: 'w.priority',
  lastVisitOn: 'w.last_visit_on',
  updatedAt: 'w.updated_at',
};

export function entryWhere(input: EntryFilter, today: string): Where {
  const f = entryQuery.shape.filter.parse(input);
  const w = new Where();
  if (f.batchId) w.add('w.batch_id = ?', f.batchId);
  if (f.enterpriseId) w.add('w.enterprise_id = ?', f.enterpriseId);
  w.in('e.district', f.districts);
  w.in('w.status', f.statuses);
  w.in('w.steward', f.stewards);
  if (f.needMinFen !== null) w.add('w.need_fen >= ?', f.needMinFen);
  if (f.needMaxFen !== null) w.add('w.need_fen <= ?', f.needMaxFen);
  if (f.notVisitedForDays !== null) w.add('(w.last_visit_on IS NULL OR w.last_visit_on <= ?)', addDays(today, -f.notVisitedForDays));
  if (f.search) {
    const match = searchQuery(f.search);
    if (match) w.add('e.rowid IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?)', match);
    else w.add('0');
  }
  return w;
}

export function listEntries(db: Database, input: z.input<typeof entryQuery>, today: string): Page<WhitelistEntry> {
  const q = entryQuery.parse(input);
  const where = entryWhere(q.filter, today);
  const col = SORT_COLUMNS[q.sort]!;
  const rows = db
    .prepare(`${SELECT} ${where} ORDER BY ${col} IS NULL, ${col} ${q.order}, e.name_key, w.id LIMIT ? OFFSET ?`)
    .all(...where.params, q.limit, q.offset) as WhitelistEntry[];
  const total = db
    .prepare(`SELECT count(*) FROM whitelist_entries w JOIN enterprises e ON e.id = w.enterprise_id ${where}`)
    .pluck()
    .get(...where.params) as number;
  return { rows, total };
}
