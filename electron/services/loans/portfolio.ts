/**
 * The 贷后管理 list on this computer: every case whose pledge CNIPA registered, its loan worked
 * out from the synced records by the shared rules (shared/domain/loan/), filtered, with the
 * officer's figures over what the filter keeps and the securitisation pools' views.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { LEGAL_STATUS_LABELS, type LegalStatus } from '../../../shared/domain/ip';
import { loanFacts } from '../../../shared/domain/loan/of-state';
import { poolView, type PoolView } from '../../../shared/domain/loan/pool';
import { afterLoanFigures, poolLoanOf, portfolioRow, type PortfolioRow } from '../../../shared/domain/loan/portfolio';
import type { LoanList } from '../../../shared/contract';
import type { LoanFilter } from '../../../shared/schemas/loan';
import { directoryOf } from '../institutions/directory';
import { localState } from '../sync/store';

interface CaseRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  industry: string;
  steward: string;
  stage: string;
}

export function portfolioRows(db: Database, today: string): PortfolioRow[] {
  const cases = db
    .prepare(
      `SELECT c.id, c.enterprise_id AS enterpriseId, e.name AS enterpriseName, e.district, e.industry, c.steward, c.stage
         FROM cases c JOIN enterprises e ON e.id = c.enterprise_id JOIN pledges p ON p.case_id = c.id
        WHERE p.status IN ('registered', 'changed', 'cancelled') AND p.reg_no <> ''
        ORDER BY p.loan_end, c.id`,
    )
    .all() as CaseRow[];
  const state = localState(db);
  const directory = directoryOf(db);
  const rows: PortfolioRow[] = [];
  for (const c of cases) {
    const f = loanFacts(state, c.id, today);
    if (!f) continue;
    rows.push(
      portfolioRow(
        { ...c, closed: c.stage === 'closed' },
        f,
        directory.resolve(f.bank).head,
        f.items.map((i) => ({
          id: i.id,
          number: i.number,
          title: i.title,
          status: LEGAL_STATUS_LABELS[i.legalStatus as LegalStatus] ?? i.legalStatus,
        })),
      ),
    );
  }
  return rows;
}

export function matchesLoan(r: PortfolioRow, f: LoanFilter): boolean {
  if (!f.includeClosed && r.closed) return false;
  if (f.district && r.district !== f.district) return false;
  if (f.districts?.length && !f.districts.includes(r.district as never)) return false;
  if (f.bank && r.bank !== f.bank) return false;
  if (f.poolName !== undefined && r.poolName !== f.poolName) return false;
  if (f.state === 'weakened' && !r.weakened) return false;
  if (f.state === 'attention' && !(r.weakened || r.state === 'overdue' || r.state === 'npl' || r.state === 'defaulted')) return false;
  if (f.state && f.state !== 'weakened' && f.state !== 'attention' && r.state !== f.state) return false;
  const q = f.search.trim();
  return !q || [r.enterpriseName, r.bankText, r.bank, r.steward, r.poolName].some((t) => t.includes(q));
}

export function listLoans(db: Database, filter: LoanFilter, today: string): LoanList {
  const all = portfolioRows(db, today);
  const rows = all.filter((r) => matchesLoan(r, filter));
  const names = (f: (r: PortfolioRow) => string) => [...new Set(all.map(f).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { rows, figures: afterLoanFigures(rows), pools: names((r) => r.poolName), banks: names((r) => r.bank) };
}

/** A securitisation pool: its loans (closed ones included while they are in it) and its view. */
export function loanPoolView(db: Database, poolName: string, today: string): { view: PoolView; rows: PortfolioRow[] } {
  const rows = portfolioRows(db, today).filter((r) => r.poolName === poolName && r.poolName !== '');
  return { view: poolView(rows.map(poolLoanOf), today), rows };
}
