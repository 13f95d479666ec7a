import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { addDays } from '../../../shared/domain/dates';
import { localDate } from '../../../shared/time';
import type { District } from '../../../shared/domain/districts';
import type { EntryStatus } from '../../../shared/domain/whitelist';
import { AppError } from '../../../shared/errors';
import { entryQuery, type EntryFilter } from '../../../shared/schemas/queries';
import { batchInput, entryInput, statusChangeInput } from '../../../shared/schemas/whitelist';
import type { Page, StatusChange, WhitelistBatch, WhitelistEntry } from '../../../shared/types/records';
import { recordChange } from '../changes';
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
  const insert = db.prepare(
    'INSERT INTO whitelist_batches (id, name, district, surveyed_on, source, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    /** The batch with this name, created with the given details if it does not exist. */
    ensure(input: z.input<typeof batchInput>, ctx: WriteContext): { id: string; created: boolean } {
      const b = batchInput.parse(input);
      const existing = byName.get(b.name) as string | undefined;
      if (existing) return { id: existing, created: false };
      const id = newId();
      insert.run(id, b.name, b.district, b.surveyedOn, b.source, ctx.actor, ctx.now);
      recordChange(db, 'whitelist_batch', id, 'upsert', ctx.now);
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

const ENTRY_COLUMNS = 'status, steward, need_fen, need_term_months, priority, last_visit_on, surveyed_on, source';

export function entryStatements(db: Database) {
  const find = db.prepare(`SELECT id, ${ENTRY_COLUMNS} FROM whitelist_entries WHERE batch_id = ? AND enterprise_id = ?`).raw();
  const batchSurvey = db.prepare('SELECT surveyed_on, source FROM whitelist_batches WHERE id = ?').raw();
  const insert = db.prepare(
    `INSERT INTO whitelist_entries (id, batch_id, enterprise_id, ${ENTRY_COLUMNS}, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE whitelist_entries SET (${ENTRY_COLUMNS}, updated_by, updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`,
  );
  const history = db.prepare(
    'INSERT INTO whitelist_status_history (entry_id, from_status, to_status, changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?, ?)',
  );

  /**
   * One entry per enterprise and batch; a status change on the way is kept in the history.
   * 摸排日期 and 来源 left out keep what the entry has (its batch's for a new one).
   */
  function upsert(input: z.input<typeof entryInput>, ctx: WriteContext, reason: string): { id: string; outcome: UpsertOutcome } {
    const e = entryInput.parse(input);
    const existing = find.get(e.batchId, e.enterpriseId) as unknown[] | undefined;
    const [surveyedOn, source] = (existing?.slice(7) ?? batchSurvey.get(e.batchId)) as [string, string];
    const vals = [
      e.status,
      e.steward,
      e.needFen,
      e.needTermMonths,
      e.priority,
      e.lastVisitOn,
      e.surveyedOn ?? surveyedOn,
      e.source ?? source,
    ];
    if (!existing) {
      const id = newId();
      insert.run(id, e.batchId, e.enterpriseId, ...vals, ctx.actor, ctx.now, ctx.actor, ctx.now);
      history.run(id, null, e.status, ctx.actor, ctx.now, reason);
      recordChange(db, 'whitelist_entry', id, 'upsert', ctx.now);
      return { id, outcome: 'created' };
    }
    const id = existing[0] as string;
    if (existing.slice(1).every((v, i) => v === vals[i])) return { id, outcome: 'unchanged' };
    update.run(...vals, ctx.actor, ctx.now, id);
    if (existing[1] !== e.status) history.run(id, existing[1], e.status, ctx.actor, ctx.now, reason);
    recordChange(db, 'whitelist_entry', id, 'upsert', ctx.now);
    return { id, outcome: 'updated' };
  }
  return { upsert, history };
}

export function saveEntry(db: Database, input: z.input<typeof entryInput>, ctx: WriteContext): WhitelistEntry {
  return db
    .transaction(() => {
      const e = entryInput.parse(input);
      if (!db.prepare('SELECT 1 FROM whitelist_batches WHERE id = ?').get(e.batchId)) throw new AppError('NOT_FOUND', '白名单批次不存在');
      if (!db.prepare('SELECT 1 FROM enterprises WHERE id = ?').get(e.enterpriseId)) throw new AppError('NOT_FOUND', '企业不存在');
      const { id } = entryStatements(db).upsert(e, ctx, '登记');
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
      const current = db.prepare('SELECT status FROM whitelist_entries WHERE id = ?').pluck().get(c.entryId) as EntryStatus | undefined;
      if (!current) throw new AppError('NOT_FOUND', '白名单记录不存在');
      if (current === c.status) throw new AppError('INVALID_INPUT', `状态已是“${c.status}”`);
      const visit = c.status === '已走访' ? (visitedOn ?? localDate(ctx.now)) : null;
      db.prepare(
        'UPDATE whitelist_entries SET status = ?, last_visit_on = max(coalesce(last_visit_on, ?), coalesce(?, last_visit_on)), updated_by = ?, updated_at = ? WHERE id = ?',
      ).run(c.status, visit, visit, ctx.actor, ctx.now, c.entryId);
      db.prepare(
        'INSERT INTO whitelist_status_history (entry_id, from_status, to_status, changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(c.entryId, current, c.status, ctx.actor, ctx.now, c.reason);
      recordChange(db, 'whitelist_entry', c.entryId, 'upsert', ctx.now);
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
