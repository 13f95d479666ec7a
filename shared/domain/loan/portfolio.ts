/**
 * The loans after registration as one list (贷后台账) and the officer's figures over it: loans
 * overdue, loans whose security weakened, defaults and what was recovered, by district and by
 * bank (the bank as the institutions directory counts it, like every other figure).
 */
import type { LoanFacts } from './of-state';
import type { PoolLoan } from './pool';
import { LOAN_STATE_LABELS } from './servicing';
import { recoveryByRoute, type DisposalRoute } from './disposal';

export const PORTFOLIO_STATES = ['current', 'overdue', 'npl', 'settled', 'untracked', 'defaulted'] as const;
export type PortfolioState = (typeof PORTFOLIO_STATES)[number];
export const PORTFOLIO_STATE_LABELS: Record<PortfolioState, string> = {
  ...LOAN_STATE_LABELS,
  untracked: '未建还款计划',
  defaulted: '已违约',
};

export interface PortfolioRow {
  caseId: string;
  enterpriseId: string;
  enterpriseName: string;
  district: string;
  industry: string;
  steward: string;
  /** The bank as typed, and the head it counts under. */
  bankText: string;
  bank: string;
  principalFen: number;
  outstandingFen: number;
  ratePercent: number;
  startOn: string;
  endOn: string;
  state: PortfolioState;
  overdueFen: number;
  overdueDays: number;
  nextDueOn: string | null;
  weakened: boolean;
  dangers: number;
  warnings: number;
  /** The first danger (or warning) with what to do: the line a list shows. */
  topWarning: string | null;
  defaultedOn: string | null;
  route: DisposalRoute | null;
  lossFen: number;
  recoveredFen: number;
  poolName: string;
  pledgeStatus: string;
  closed: boolean;
  items: PoolLoan['items'];
}

export function portfolioState(f: LoanFacts): PortfolioState {
  if (f.record.defaultRecord) return 'defaulted';
  // A pledge cancelled without a tracked schedule is a loan that ended (注销 needs proof of it).
  if (!f.tracked || !f.servicing) return f.pledgeStatus === 'cancelled' ? 'settled' : 'untracked';
  return f.servicing.state;
}

export function portfolioRow(
  c: { id: string; enterpriseId: string; enterpriseName: string; district: string; industry: string; steward: string; closed: boolean },
  f: LoanFacts,
  bankHead: string,
  items: { id: string; number: string; title: string; status: string }[],
): PortfolioRow {
  const s = f.servicing;
  const state = portfolioState(f);
  const top = f.warnings.find((w) => w.level !== 'notice');
  const weakItems = new Set(f.warnings.filter((w) => w.level === 'danger' && w.itemId).map((w) => w.itemId));
  return {
    caseId: c.id,
    enterpriseId: c.enterpriseId,
    enterpriseName: c.enterpriseName,
    district: c.district,
    industry: c.industry,
    steward: c.steward,
    bankText: f.bank,
    bank: bankHead,
    principalFen: f.terms?.principalFen ?? 0,
    outstandingFen: state === 'settled' ? 0 : s ? s.outstandingPrincipalFen : (f.terms?.principalFen ?? 0),
    ratePercent: s?.annualRatePercent ?? f.terms?.annualRatePercent ?? 0,
    startOn: f.terms?.startOn ?? '',
    endOn: s?.endOn ?? f.terms?.endOn ?? '',
    state,
    overdueFen: s?.overdueFen ?? 0,
    overdueDays: s?.overdueDays ?? 0,
    nextDueOn: s?.nextDue?.dueOn ?? null,
    weakened: f.weakened,
    dangers: f.warnings.filter((w) => w.level === 'danger').length,
    warnings: f.warnings.filter((w) => w.level === 'warning').length,
    topWarning: top ? `${top.message}——${top.action}` : null,
    defaultedOn: f.record.defaultRecord?.declaredOn ?? null,
    route: f.record.disposal?.route ?? null,
    lossFen: f.recovery?.lossFen ?? 0,
    recoveredFen: f.recovery?.recoveredFen ?? 0,
    poolName: f.record.poolName,
    pledgeStatus: f.pledgeStatus ?? '',
    closed: c.closed,
    items: items.map((i) => ({ number: i.number, title: i.title, status: i.status, weakened: weakItems.has(i.id) })),
  };
}

export interface AfterLoanGroup {
  key: string;
  loans: number;
  outstandingFen: number;
  overdue: number;
  overdueFen: number;
  weakened: number;
  defaults: number;
  lossFen: number;
  recoveredFen: number;
}

export interface AfterLoanFigures {
  total: AfterLoanGroup;
  byDistrict: AfterLoanGroup[];
  byBank: AfterLoanGroup[];
  byRoute: ReturnType<typeof recoveryByRoute>;
}

const emptyGroup = (key: string): AfterLoanGroup => ({
  key,
  loans: 0,
  outstandingFen: 0,
  overdue: 0,
  overdueFen: 0,
  weakened: 0,
  defaults: 0,
  lossFen: 0,
  recoveredFen: 0,
});

function add(g: AfterLoanGroup, r: PortfolioRow): void {
  g.loans++;
  g.outstandingFen += r.outstandingFen;
  if (r.state === 'overdue' || r.state === 'npl') {
    g.overdue++;
    g.overdueFen += r.overdueFen;
  }
  if (r.weakened) g.weakened++;
  if (r.defaultedOn) {
    g.defaults++;
    g.lossFen += r.lossFen;
    g.recoveredFen += r.recoveredFen;
  }
}

/** The officer's after-loan figures over the rows given (already filtered). */
export function afterLoanFigures(rows: readonly PortfolioRow[]): AfterLoanFigures {
  const total = emptyGroup('合计');
  const district = new Map<string, AfterLoanGroup>();
  const bank = new Map<string, AfterLoanGroup>();
  for (const r of rows) {
    add(total, r);
    for (const [map, key] of [
      [district, r.district],
      [bank, r.bank || '未填写'],
    ] as const) {
      let g = map.get(key);
      if (!g) map.set(key, (g = emptyGroup(key)));
      add(g, r);
    }
  }
  const sorted = (m: Map<string, AfterLoanGroup>) =>
    [...m.values()].sort((a, b) => b.outstandingFen - a.outstandingFen || a.key.localeCompare(b.key, 'zh-CN'));
  return {
    total,
    byDistrict: sorted(district),
    byBank: sorted(bank),
    byRoute: recoveryByRoute(rows.filter((r) => r.defaultedOn)),
  };
}

/** A row as the securitisation pool view takes it. */
export const poolLoanOf = (r: PortfolioRow): PoolLoan => ({
  caseId: r.caseId,
  borrower: r.enterpriseName,
  district: r.district,
  sector: r.industry,
  bank: r.bank,
  principalFen: r.principalFen,
  outstandingFen: r.outstandingFen,
  ratePercent: r.ratePercent,
  maturityOn: r.endOn,
  state: r.state === 'untracked' || r.state === 'defaulted' ? (r.state === 'defaulted' ? 'npl' : 'current') : r.state,
  items: r.items,
});
