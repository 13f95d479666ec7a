import type { Database } from 'better-sqlite3';
import { fieldLabel } from '../../../shared/domain/audit-view';
import { INITIAL_STATE, STAGE_LABELS } from '../../../shared/domain/case-stages';
import { ITEMS_EDITABLE, type PledgeStatus } from '../../../shared/domain/case-statuses';
import { AppError } from '../../../shared/errors';
import type { CaseFilter, CaseUpdate } from '../../../shared/schemas/case';
import type { CaseRecord, CaseSummary } from '../../../shared/types/case';
import type { Page } from '../../../shared/types/records';
import type { WriteContext } from '../enterprises/repository';
import { newId } from '../ids';
import { likeEscape, Where } from '../sql';
import { diff, recordEvent } from './audit';

const SUMMARY_COLUMNS = `c.id, c.enterprise_id AS enterpriseId, e.name AS enterpriseName, e.uscc, e.district, c.steward, c.bank_officer AS bankOfficer,
  c.stage, c.paused, c.outcome, c.need_fen AS needFen, p.bank, p.loan_fen AS loanFen, p.status AS pledgeStatus, p.reg_date AS regDate,
  s.status AS subsidyStatus, s.amount_fen AS subsidyFen, c.created_at AS createdAt, c.updated_at AS updatedAt`;
const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, c.pause_reason AS pauseReason, c.outcome_reason AS outcomeReason, c.closed_at AS closedAt,
  c.need_term_months AS needTermMonths, c.purpose, c.product_id AS productId, c.confirmations, c.documents, c.valuation_id AS valuationId,
  c.manual_value_fen AS manualValueFen, c.manual_value_basis AS manualValueBasis, c.created_by AS createdBy, c.updated_by AS updatedBy`;
const FROM =
  'FROM cases c JOIN enterprises e ON e.id = c.enterprise_id LEFT JOIN pledges p ON p.case_id = c.id LEFT JOIN subsidy_applications s ON s.case_id = c.id';

const toSummary = <T extends { paused: number | boolean }>(r: T) => ({ ...r, paused: r.paused === 1 || r.paused === true });

export function filterWhere(f: CaseFilter): Where {
  const w = new Where();
  if (f.search.trim()) {
    const like = `%${likeEscape(f.search.trim())}%`;
    w.add(
      "(e.name LIKE ? ESCAPE '\\' OR e.uscc LIKE ? ESCAPE '\\' OR p.loan_contract_no LIKE ? ESCAPE '\\' OR p.reg_no LIKE ? ESCAPE '\\')",
      like,
      like.toUpperCase(),
      like,
      like,
    );
  }
  if (f.enterpriseId) w.add('c.enterprise_id = ?', f.enterpriseId);
  if (f.stage) w.add('c.stage = ?', f.stage);
  else if (!f.includeClosed) w.add("c.stage <> 'closed'");
  if (f.district) w.add('e.district = ?', f.district);
  if (f.steward) w.add('c.steward = ?', f.steward);
  if (f.pausedOnly) w.add('c.paused = 1');
  return w;
}

export function listCases(db: Database, q: CaseFilter & { offset: number; limit: number }): Page<CaseSummary> {
  const where = filterWhere(q);
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} ${FROM} ${where} ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?`)
    .all(...where.params, q.limit, q.offset) as CaseSummary[];
  const total = db
    .prepare(`SELECT count(*) ${FROM} ${where}`)
    .pluck()
    .get(...where.params) as number;
  return { rows: rows.map(toSummary), total };
}

export function getCaseRecord(db: Database, id: string): CaseRecord {
  const r = db.prepare(`SELECT ${RECORD_COLUMNS} ${FROM} WHERE c.id = ?`).get(id) as
    (Omit<CaseRecord, 'confirmations' | 'documents'> & { confirmations: string; documents: string }) | undefined;
  if (!r) throw new AppError('NOT_FOUND', '服务案件不存在');
  return {
    ...toSummary(r),
    confirmations: JSON.parse(r.confirmations) as Record<string, boolean>,
    documents: JSON.parse(r.documents) as Record<string, boolean>,
  };
}

export function createCase(db: Database, input: { enterpriseId: string; steward: string; bankOfficer: string }, ctx: WriteContext): string {
  const id = newId();
  db.transaction(() => {
    const name = db.prepare('SELECT name FROM enterprises WHERE id = ?').pluck().get(input.enterpriseId) as string | undefined;
    if (!name) throw new AppError('NOT_FOUND', '企业不存在或已被删除');
    const open = db
      .prepare("SELECT count(*) FROM cases WHERE enterprise_id = ? AND stage <> 'closed'")
      .pluck()
      .get(input.enterpriseId) as number;
    if (open > 0) throw new AppError('CONFLICT', `“${name}”已有未结案的服务案件，请在原案件中继续`);
    db.prepare(
      'INSERT INTO cases (id, enterprise_id, steward, bank_officer, stage, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, input.enterpriseId, input.steward, input.bankOfficer, INITIAL_STATE.stage, ctx.actor, ctx.now, ctx.actor, ctx.now);
    recordEvent(
      db,
      id,
      { action: 'create', summary: `新建服务案件（${name}），进入${STAGE_LABELS[INITIAL_STATE.stage]}`, after: input },
      ctx,
    );
  }).immediate();
  return id;
}

const UPDATE_COLUMNS: Record<Exclude<keyof CaseUpdate, 'id'>, string> = {
  steward: 'steward',
  bankOfficer: 'bank_officer',
  needFen: 'need_fen',
  needTermMonths: 'need_term_months',
  purpose: 'purpose',
  productId: 'product_id',
  confirmations: 'confirmations',
  documents: 'documents',
  valuationId: 'valuation_id',
  manualValueFen: 'manual_value_fen',
  manualValueBasis: 'manual_value_basis',
};

/** Updates the guidance fields; only what changed is written, with its before and after. */
export function updateCase(db: Database, input: CaseUpdate, ctx: WriteContext): void {
  db.transaction(() => {
    const current = getCaseRecord(db, input.id);
    if (current.stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再修改');
    const { id, ...given } = input;
    // Flags are merged into what is stored, so a page sending only the flag it changed
    // cannot undo another change made meanwhile from a stale copy.
    const patch = {
      ...given,
      ...(given.confirmations ? { confirmations: { ...current.confirmations, ...given.confirmations } } : {}),
      ...(given.documents ? { documents: { ...current.documents, ...given.documents } } : {}),
    };
    if (patch.valuationId) {
      const owner = db.prepare('SELECT enterprise_id FROM valuations WHERE id = ?').pluck().get(patch.valuationId) as string | undefined;
      if (owner !== current.enterpriseId) throw new AppError('INVALID_INPUT', '所选估值记录不属于该企业');
    }
    const changed = diff(current as unknown as Record<string, unknown>, patch);
    if (!changed) return;
    const keys = Object.keys(changed.after) as (keyof typeof UPDATE_COLUMNS)[];
    const value = (k: keyof typeof UPDATE_COLUMNS) => (k === 'confirmations' || k === 'documents' ? JSON.stringify(patch[k]) : patch[k]);
    db.prepare(`UPDATE cases SET ${keys.map((k) => `${UPDATE_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...keys.map(value), id);
    recordEvent(db, id, { action: 'update', summary: `修改${keys.map(fieldLabel).join('、')}`, ...changed }, ctx);
  }).immediate();
}

export function setCaseItems(db: Database, id: string, ipAssetIds: string[], ctx: WriteContext): void {
  db.transaction(() => {
    const current = getCaseRecord(db, id);
    if (current.stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再修改');
    const pledge = db.prepare('SELECT status FROM pledges WHERE case_id = ?').pluck().get(id) as PledgeStatus | undefined;
    if (pledge && !ITEMS_EDITABLE.includes(pledge))
      throw new AppError('CONFLICT', '质押登记已提交，质押物不能再调整（如需调整请办理变更）');
    const before = db.prepare('SELECT ip_asset_id FROM case_items WHERE case_id = ? ORDER BY ip_asset_id').pluck().all(id) as string[];
    const after = [...new Set(ipAssetIds)].sort();
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const foreign = after.filter(
      (a) => db.prepare('SELECT enterprise_id FROM ip_assets WHERE id = ?').pluck().get(a) !== current.enterpriseId,
    );
    if (foreign.length) throw new AppError('INVALID_INPUT', `有 ${foreign.length} 项知识产权不属于该企业或已被删除`);
    db.prepare('DELETE FROM case_items WHERE case_id = ?').run(id);
    const insert = db.prepare('INSERT INTO case_items (case_id, ip_asset_id) VALUES (?, ?)');
    for (const a of after) insert.run(id, a);
    // The trail names the items by number, as people read them, not by id.
    const numbers = (ids: string[]) =>
      ids.map((a) => (db.prepare('SELECT number FROM ip_assets WHERE id = ?').pluck().get(a) as string | undefined) ?? a);
    recordEvent(
      db,
      id,
      { action: 'items', summary: `拟质押知识产权调整为 ${after.length} 项`, before: numbers(before), after: numbers(after) },
      ctx,
    );
  }).immediate();
}
