import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { addDays } from '../../../shared/domain/dates';
import { type IpKind, type LegalStatus } from '../../../shared/domain/ip';
import { assessPledgeability } from '../../../shared/domain/pledgeability';
import { AppError } from '../../../shared/errors';
import { formatIpNumber, ipAssetInput, normalizeIpNumber, type IpAssetData } from '../../../shared/schemas/ip';
import { ipQuery, type IpFilter } from '../../../shared/schemas/queries';
import type { IpAsset, Page } from '../../../shared/types/records';
import { localMutate } from '../sync/local';
import type { UpsertOutcome, WriteContext } from '../enterprises/repository';
import { newId } from '../ids';
import { compactId, Where } from '../sql';
import { searchQuery } from '../enterprises/search-grams';

interface Row {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  enterprise_uscc: string;
  kind: string;
  number: string;
  title: string;
  filing_date: string | null;
  grant_date: string | null;
  registration_date: string | null;
  valid_until: string | null;
  published_on: string | null;
  legal_status: string;
  fee_paid_through: string | null;
  owners: string;
  claims_count: number | null;
  ipc_class: string;
  pledged: number;
  suspended: number;
  under_invalidation: number;
  same_day_invention: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export function toIpAsset(r: Row, today: string): IpAsset {
  const base = {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    enterpriseUscc: r.enterprise_uscc,
    kind: r.kind as IpKind,
    number: r.number,
    displayNumber: formatIpNumber(r.kind as IpKind, r.number),
    title: r.title,
    filingDate: r.filing_date,
    grantDate: r.grant_date,
    registrationDate: r.registration_date,
    validUntil: r.valid_until,
    publishedOn: r.published_on,
    legalStatus: r.legal_status as LegalStatus,
    feePaidThrough: r.fee_paid_through,
    owners: JSON.parse(r.owners) as string[],
    claimsCount: r.claims_count,
    ipcClass: r.ipc_class,
    pledged: r.pledged === 1,
    suspended: r.suspended === 1,
    underInvalidation: r.under_invalidation === 1,
    sameDayInvention: r.same_day_invention === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
  return { ...base, assessment: assessPledgeability(base, r.enterprise_name, today) };
}

export function ipStatements(db: Database) {
  const byNumber = db.prepare('SELECT id FROM ip_assets WHERE number = ?').pluck();
  const byId = db.prepare('SELECT id FROM ip_assets WHERE id = ?').pluck();

  /**
   * Same contract as enterprises: match on id, else on the normalised number; written through
   * the ip.save mutation (which keeps an item under a standing pledge marked pledged).
   */
  function upsert(d: IpAssetData, ctx: WriteContext, id?: string): { id: string; outcome: UpsertOutcome } {
    const n = normalizeIpNumber(d.kind, d.number);
    if (!n.ok) throw new AppError('INVALID_INPUT', n.reason);
    const existing = (id ? byId.get(id) : byNumber.get(n.number)) as string | undefined;
    if (id && !existing) throw new AppError('NOT_FOUND', '要修改的知识产权不存在');
    const { id: _given, ...fields } = d as IpAssetData & { id?: string };
    const assetId = existing ?? newId();
    const { writes } = localMutate(db, 'ip.save', { ...fields, id: assetId }, ctx);
    return { id: assetId, outcome: !existing ? 'created' : writes.length ? 'updated' : 'unchanged' };
  }
  return { upsert };
}

const SELECT =
  'SELECT a.*, e.name AS enterprise_name, e.uscc AS enterprise_uscc FROM ip_assets a JOIN enterprises e ON e.id = a.enterprise_id';

export function getIpAsset(db: Database, id: string, today: string): IpAsset {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', '知识产权记录不存在或已被删除');
  return toIpAsset(row, today);
}

export function saveIpAsset(db: Database, input: z.input<typeof ipAssetInput>, ctx: WriteContext, today: string): IpAsset {
  const data = ipAssetInput.parse(input);
  const n = normalizeIpNumber(data.kind, data.number);
  return db
    .transaction(() => {
      if (!db.prepare('SELECT 1 FROM enterprises WHERE id = ?').get(data.enterpriseId)) throw new AppError('NOT_FOUND', '所属企业不存在');
      const clash = n.ok
        ? (db
            .prepare('SELECT id FROM ip_assets WHERE number = ? AND id IS NOT ?')
            .pluck()
            .get(n.number, data.id ?? null) as string | undefined)
        : undefined;
      if (clash) throw new AppError('CONFLICT', `编号 ${data.number} 已登记在另一条记录中`);
      const { id } = ipStatements(db).upsert(data, ctx, data.id);
      return getIpAsset(db, id, today);
    })
    .immediate();
}

export function deleteIpAsset(db: Database, id: string, ctx: WriteContext): void {
  if (db.prepare('SELECT 1 FROM case_items WHERE ip_asset_id = ?').get(id))
    throw new AppError('CONFLICT', '该知识产权已列入服务案件，不能删除（可先从案件中移出）');
  localMutate(db, 'ip.delete', { id }, ctx);
}

const SORT_COLUMNS: Record<string, string> = {
  number: 'a.number',
  title: 'a.title',
  filingDate: 'a.filing_date',
  expiresOn: 'a.expires_on',
  enterpriseName: 'e.name_key',
};

export function ipWhere(input: IpFilter, today: string): Where {
  const f = ipQuery.shape.filter.parse(input);
  const w = new Where();
  if (f.enterpriseId) w.add('a.enterprise_id = ?', f.enterpriseId);
  w.in('a.kind', f.kinds);
  w.in('e.district', f.districts);
  if (f.pledged !== null) w.add('a.pledged = ?', +f.pledged);
  if (f.expiringWithinDays !== null) w.add('a.expires_on > ? AND a.expires_on <= ?', today, addDays(today, f.expiringWithinDays));
  if (f.search) ipSearchWhere(w, f.search);
  return w;
}

/**
 * A title or an enterprise name containing the typed text, through their n-gram indexes
 * (ip/title-search.ts, enterprises/search-grams.ts), or a patent number starting with it.
 */
function ipSearchWhere(w: Where, typed: string): void {
  const parts: string[] = [];
  const params: unknown[] = [];
  const match = searchQuery(typed);
  if (match) {
    parts.push('a.rowid IN (SELECT rowid FROM ip_search WHERE ip_search MATCH ?)');
    parts.push('e.rowid IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?)');
    params.push(match, match);
  }
  const code = compactId(typed);
  if (/\d/.test(code)) {
    parts.push('(a.number >= ? AND a.number < ?)');
    params.push(code, `${code}\uffff`);
  }
  if (parts.length === 0) w.add('0');
  else w.add(`(${parts.join(' OR ')})`, ...params);
}

export function listIpAssets(db: Database, input: z.input<typeof ipQuery>, today: string): Page<IpAsset> {
  const q = ipQuery.parse(input);
  const where = ipWhere(q.filter, today);
  const col = SORT_COLUMNS[q.sort]!;
  const rows = db
    .prepare(`${SELECT} ${where} ORDER BY ${col} IS NULL, ${col} ${q.order}, a.id LIMIT ? OFFSET ?`)
    .all(...where.params, q.limit, q.offset) as Row[];
  const total = db
    .prepare(`SELECT count(*) FROM ip_assets a JOIN enterprises e ON e.id = a.enterprise_id ${where}`)
    .pluck()
    .get(...where.params) as number;
  return { rows: rows.map((r) => toIpAsset(r, today)), total };
}
