import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { CaseFilter } from '../../../shared/schemas/case';
import type { CaseRecord, CaseSummary } from '../../../shared/types/case';
import type { Page } from '../../../shared/types/records';
import { likeEscape, Where } from '../sql';
import { CASE_KIND, WAS_REGISTERED } from '../stats/sql';
import { directoryOf } from '../institutions/directory';

const SUMMARY_COLUMNS = `c.id, c.enterprise_id AS enterpriseId, e.name AS enterpriseName, e.uscc, e.district, c.steward, c.bank_officer AS bankOfficer,
  c.stage, c.paused, c.outcome, c.need_fen AS needFen, p.bank, p.loan_fen AS loanFen, p.status AS pledgeStatus, p.reg_date AS regDate,
  s.status AS subsidyStatus, s.amount_fen AS subsidyFen, c.created_at AS createdAt, c.updated_at AS updatedAt`;
const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, c.pause_reason AS pauseReason, c.outcome_reason AS outcomeReason, c.closed_at AS closedAt,
  c.need_term_months AS needTermMonths, c.purpose, c.product_id AS productId, c.confirmations, c.documents, c.valuation_id AS valuationId,
  c.manual_value_fen AS manualValueFen, c.manual_value_basis AS manualValueBasis, c.created_by AS createdBy, c.updated_by AS updatedBy`;
const FROM =
  'FROM cases c JOIN enterprises e ON e.id = c.enterprise_id LEFT JOIN pledges p ON p.case_id = c.id LEFT JOIN subsidy_applications s ON s.case_id = c.id';

const toSummary = <T extends { paused: number | boolean }>(r: T) => ({ ...r, paused: r.paused === 1 || r.paused === true });

/**
 * The bank texts on this computer's pledges that the directory resolves to the filter's head
 * bank (and branch): the drill-down from a bank segment selects by the rule its number was
 * counted by. Blank (and no pledge) is （未填）.
 */
function bankTexts(db: Database, f: CaseFilter): { texts: string[]; blank: boolean } | null {
  if (!f.bank && !f.branch) return null;
  const directory = directoryOf(db);
  const matches = (text: string | null) => {
    const r = directory.resolve(text);
    return (!f.bank || r.head === f.bank) && (!f.branch || r.branch === f.branch);
  };
  // Every text as written (a blank one too), matched by the directory's rule, never by SQL's trim.
  const texts = (db.prepare('SELECT DISTINCT bank FROM pledges WHERE bank IS NOT NULL').pluck().all() as string[]).filter(matches);
  return { texts, blank: matches(null) };
}

export function filterWhere(f: CaseFilter, banks: { texts: string[]; blank: boolean } | null = null): Where {
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
  // A drill-down from the dashboard selects by the dashboard's own rules (stats/sql.ts).
  if (f.regFrom || f.regTo) w.add(WAS_REGISTERED).add('p.reg_date BETWEEN ? AND ?', f.regFrom ?? '0000-01-01', f.regTo ?? '9999-12-31');
  if (f.districts) w.in('e.district', f.districts);
  if (banks) {
    const any = banks.texts.length ? `p.bank IN (${banks.texts.map(() => '?').join(', ')})` : '0';
    w.add(banks.blank ? `(${any} OR p.bank IS NULL)` : any, ...banks.texts);
  }
  if (f.ipKind) w.add(`${CASE_KIND} = ?`, f.ipKind);
  return w;
}

export function listCases(db: Database, q: CaseFilter & { offset: number; limit: number }): Page<CaseSummary> {
  const where = filterWhere(q, bankTexts(db, q));
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
