import type { Database } from 'better-sqlite3-multiple-ciphers';
import { addDays } from '../../../shared/domain/dates';
import type { District } from '../../../shared/domain/districts';
import { qualificationMask, qualificationsOf, type Contact } from '../../../shared/domain/enterprise';
import type { EntryStatus } from '../../../shared/domain/whitelist';
import { AppError } from '../../../shared/errors';
import { enterpriseInput, type EnterpriseData } from '../../../shared/schemas/enterprise';
import { enterpriseQuery, type EnterpriseFilter } from '../../../shared/schemas/queries';
import type { z } from 'zod';
import type { Enterprise, Page } from '../../../shared/types/records';
import { localMutate } from '../sync/local';
import { newId } from '../ids';
import { compactId, Where } from '../sql';
import { nameInitials } from './initials';
import { nameVariants, searchDocument, searchQuery } from './search-grams';

interface Row {
  id: string;
  name: string;
  uscc: string;
  district: string;
  street: string;
  address: string;
  industry: string;
  founded_on: string | null;
  registered_capital_fen: number | null;
  employees: number | null;
  revenue_fen: number | null;
  rd_fen: number | null;
  qualifications: number;
  contacts: string;
  notes: string;
  ip_count: number;
  wl_status: string | null;
  wl_steward: string | null;
  wl_need_fen: number | null;
  last_visit_on: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export function toEnterprise(r: Row): Enterprise {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    district: r.district as District,
    street: r.street,
    address: r.address,
    industry: r.industry,
    foundedOn: r.founded_on,
    registeredCapitalFen: r.registered_capital_fen,
    employees: r.employees,
    revenueFen: r.revenue_fen,
    rdFen: r.rd_fen,
    qualifications: qualificationsOf(r.qualifications),
    contacts: JSON.parse(r.contacts) as Contact[],
    notes: r.notes,
    ipCount: r.ip_count,
    wlStatus: r.wl_status as EntryStatus | null,
    wlSteward: r.wl_steward,
    wlNeedFen: r.wl_need_fen,
    lastVisitOn: r.last_visit_on,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export interface WriteContext {
  actor: string;
  now: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** Prepared once per connection: imports call these tens of thousands of times. */
export function enterpriseStatements(db: Database) {
  const byUscc = db.prepare('SELECT id FROM enterprises WHERE uscc = ?').pluck();
  const byId = db.prepare('SELECT id FROM enterprises WHERE id = ?').pluck();

  /**
   * Creates the enterprise, or updates the one with the same id (or else the same credit
   * code), through the enterprise.save mutation. Writing identical values is a no-op, so
   * re-importing a file changes nothing.
   */
  function upsert(d: EnterpriseData, ctx: WriteContext, id?: string): { id: string; outcome: UpsertOutcome } {
    const existing = (id ? byId.get(id) : byUscc.get(d.uscc)) as string | undefined;
    if (id && !existing) throw new AppError('NOT_FOUND', '要修改的企业不存在');
    const { id: _given, ...fields } = d as EnterpriseData & { id?: string };
    const enterpriseId = existing ?? newId();
    const { writes } = localMutate(db, 'enterprise.save', { ...fields, id: enterpriseId }, ctx);
    return { id: enterpriseId, outcome: !existing ? 'created' : writes.length ? 'updated' : 'unchanged' };
  }
  return { upsert };
}

/** The search entry of a name: as written and without 市, each with its pinyin initials. */
export function enterpriseSearchDocument(name: string, initials: string): { grams: string; unigrams: string } {
  const [, short] = nameVariants(name);
  return short ? searchDocument(name, initials, short, nameInitials(short)) : searchDocument(name, initials);
}

export function saveEnterprise(db: Database, input: z.input<typeof enterpriseInput>, ctx: WriteContext): Enterprise {
  const data = enterpriseInput.parse(input);
  return db
    .transaction(() => {
      const clash = db
        .prepare('SELECT name FROM enterprises WHERE uscc = ? AND id IS NOT ?')
        .pluck()
        .get(data.uscc, data.id ?? null) as string | undefined;
      if (clash) throw new AppError('CONFLICT', `统一社会信用代码 ${data.uscc} 已登记为“${clash}”`);
      const { id } = enterpriseStatements(db).upsert(data, ctx, data.id);
      return getEnterprise(db, id);
    })
    .immediate();
}

export function getEnterprise(db: Database, id: string): Enterprise {
  const row = db.prepare('SELECT * FROM enterprises WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', '企业不存在或已被删除');
  return toEnterprise(row);
}

export function deleteEnterprise(db: Database, id: string, ctx: WriteContext): void {
  localMutate(db, 'enterprise.delete', { id }, ctx);
}

const SORT_COLUMNS: Record<string, string> = {
  name: 'name_key',
  district: 'district',
  updatedAt: 'updated_at',
  foundedOn: 'founded_on',
  revenueFen: 'revenue_fen',
  ipCount: 'ip_count',
  wlNeedFen: 'wl_need_fen',
  wlStatus: 'wl_status',
};

/** The WHERE clause of the enterprise list, shared by the page query and its export. */
export function enterpriseWhere(input: EnterpriseFilter, today: string): Where {
  const f = enterpriseQuery.shape.filter.parse(input);
  const w = new Where();
  w.in('district', f.districts);
  if (f.qualifications.length) w.add('(qualifications & ?) = ?', qualificationMask(f.qualifications), qualificationMask(f.qualifications));
  w.in('wl_status', f.statuses);
  w.in('wl_steward', f.stewards);
  if (f.needMinFen !== null) w.add('wl_need_fen >= ?', f.needMinFen);
  if (f.needMaxFen !== null) w.add('wl_need_fen <= ?', f.needMaxFen);
  if (f.expiringWithinDays !== null) {
    w.add(
      'id IN (SELECT enterprise_id FROM ip_assets WHERE expires_on > ? AND expires_on <= ?)',
      today,
      addDays(today, f.expiringWithinDays),
    );
  }
  if (f.notVisitedForDays !== null)
    w.add('wl_status IS NOT NULL AND (last_visit_on IS NULL OR last_visit_on <= ?)', addDays(today, -f.notVisitedForDays));
  if (f.search) searchWhere(w, f.search);
  return w;
}

/**
 * Search by name or pinyin initials through the n-gram index; a code-shaped query also
 * matches credit codes and patent numbers that start with it, through their unique indexes.
 */
function searchWhere(w: Where, typed: string): void {
  const parts: string[] = [];
  const params: unknown[] = [];
  const match = searchQuery(typed);
  if (match) {
    parts.push('rowid IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?)');
    params.push(match);
  }
  const code = compactId(typed);
  if (/^[0-9A-Z]{4,18}$/.test(code) && /\d/.test(code)) {
    parts.push('(uscc >= ? AND uscc < ?)');
    params.push(code, `${code}\uffff`);
  }
  if (/^\d{4,}[\dX]?$/.test(code)) {
    parts.push('id IN (SELECT enterprise_id FROM ip_assets WHERE number >= ? AND number < ?)');
    params.push(code, `${code}\uffff`);
  }
  if (parts.length === 0) w.add('0');
  else w.add(`(${parts.join(' OR ')})`, ...params);
}

export function listEnterprises(db: Database, input: z.input<typeof enterpriseQuery>, today: string): Page<Enterprise> {
  const q = enterpriseQuery.parse(input);
  const where = enterpriseWhere(q.filter, today);
  const col = SORT_COLUMNS[q.sort]!;
  // rowid breaks ties (stable paging) and lets the column's index deliver the order.
  const orderBy = `${col} ${q.order}, rowid ${q.order}`;
  // Two phases: pick the page's rowids from the (covering) indexes, then read only those rows.
  const rows = db
    .prepare(
      `SELECT * FROM enterprises WHERE rowid IN (SELECT rowid FROM enterprises ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?) ORDER BY ${orderBy}`,
    )
    .all(...where.params, q.limit, q.offset) as Row[];
  const total = db
    .prepare(`SELECT count(*) FROM enterprises ${where}`)
    .pluck()
    .get(...where.params) as number;
  return { rows: rows.map(toEnterprise), total };
}
