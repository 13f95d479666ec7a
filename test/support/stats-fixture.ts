/**
 * A small store for the officer's figures, whose every number is worked out by hand in
 * electron/services/stats/dashboard.test.ts: two districts, 2025 and 2026, registrations
 * registered, changed and cancelled, a draft and a refusal, visits, subsidies.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { saveEnterprise } from '../../electron/services/enterprises/repository';
import { usccFor } from './sheets';

const ctx = { actor: '测试', now: '2026-11-22T00:00:00.000Z' };
let n = 0;

/** A case as the read model holds it (written straight to the tables: a fixture for the queries). */
function kase(
  db: Database,
  enterpriseId: string,
  c: {
    opened: string;
    steward?: string;
    stage?: string;
    kinds?: string[];
    visits?: string[];
    pledge?: { bank: string; status: string; regDate: string | null; securedFen: number | null; loanFen: number; loanStart: string };
    subsidy?: { status: string; submittedOn: string; amountFen: number; approvedFen?: number; paidFen?: number };
  },
) {
  const id = `c${++n}`;
  db.prepare(
    'INSERT INTO cases (id, enterprise_id, steward, stage, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, enterpriseId, c.steward ?? '李管家', c.stage ?? 'subsidy', 't', `${c.opened}T02:00:00.000Z`, 't', '');
  for (const [i, kind] of (c.kinds ?? []).entries()) {
    const ip = `${id}-ip${i}`;
    db.prepare(
      "INSERT INTO ip_assets (id, enterprise_id, kind, number, title, legal_status, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, 'granted', 't', '', 't', '')",
    ).run(ip, enterpriseId, kind, `N${ip}`, '测试');
    db.prepare('INSERT INTO case_items (case_id, ip_asset_id) VALUES (?, ?)').run(id, ip);
  }
  for (const [i, on] of (c.visits ?? []).entries())
    db.prepare(
      "INSERT INTO visits (id, case_id, visited_on, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, 't', '', 't', '')",
    ).run(`${id}-v${i}`, id, on);
  const p = c.pledge;
  if (p)
    db.prepare(
      'INSERT INTO pledges (case_id, bank, loan_fen, secured_fen, loan_start, status, reg_no, reg_date, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, p.bank, p.loanFen, p.securedFen, p.loanStart, p.status, p.regDate ? `Y${n}` : '', p.regDate, 't', '');
  const s = c.subsidy;
  if (s)
    db.prepare(
      "INSERT INTO subsidy_applications (case_id, policy_id, policy_version, calc, amount_fen, status, submitted_on, approved_fen, paid_fen, updated_by, updated_at) VALUES (?, 'p', '1', '{}', ?, ?, ?, ?, ?, 't', '')",
    ).run(id, s.amountFen, s.status, s.submittedOn, s.approvedFen ?? null, s.paidFen ?? null);
  return id;
}

/** Seeds the store (foreign keys off: the fixture writes the read model only). */
export function seedStatsFixture(db: Database): void {
  db.pragma('foreign_keys = OFF');
  const ns = saveEnterprise(db, { name: '深圳市看板南山有限公司', uscc: usccFor(9101), district: '南山' }, ctx).id;
  const ba = saveEnterprise(db, { name: '深圳市看板宝安有限公司', uscc: usccFor(9102), district: '宝安' }, ctx).id;
  // 2025 (the base year): two registrations in 南山 at 中国银行, one later cancelled.
  kase(db, ns, {
    opened: '2025-01-05',
    kinds: ['invention'],
    visits: ['2025-01-10'],
    pledge: {
      bank: '中国银行',
      status: 'cancelled',
      regDate: '2025-03-01',
      securedFen: 300_000_000,
      loanFen: 300_000_000,
      loanStart: '2025-02-20',
    },
  });
  kase(db, ns, {
    opened: '2025-04-01',
    kinds: ['invention', 'trademark'],
    pledge: {
      bank: '中国银行',
      status: 'registered',
      regDate: '2025-06-01',
      securedFen: null,
      loanFen: 100_000_000,
      loanStart: '2025-05-20',
    },
  });
  // 2026: 南山 twice (one changed since), 宝安 once at a bank with no registration in 2025.
  kase(db, ns, {
    opened: '2025-12-20',
    kinds: ['invention'],
    visits: ['2025-12-22', '2026-01-05'],
    // A loan across the year boundary, registered in 2026.
    pledge: {
      bank: '中国银行',
      status: 'registered',
      regDate: '2026-01-10',
      securedFen: 400_000_000,
      loanFen: 500_000_000,
      loanStart: '2025-12-30',
    },
    subsidy: { status: 'paid', submittedOn: '2026-03-01', amountFen: 2_000_000, approvedFen: 1_800_000, paidFen: 1_800_000 },
  });
  kase(db, ns, {
    opened: '2026-02-01',
    steward: '王管家',
    kinds: ['utility', 'utility'],
    visits: ['2026-02-03'],
    pledge: {
      bank: '招商银行',
      status: 'changed',
      regDate: '2026-05-01',
      securedFen: 123_456_789,
      loanFen: 200_000_000,
      loanStart: '2026-04-20',
    },
    subsidy: { status: 'submitted', submittedOn: '2026-06-01', amountFen: 500_000 },
  });
  kase(db, ba, {
    opened: '2026-03-01',
    steward: '王管家',
    kinds: ['software'],
    visits: ['2026-03-02'],
    pledge: {
      bank: '微众银行',
      status: 'registered',
      regDate: '2026-08-01',
      securedFen: 100_000_000,
      loanFen: 100_000_000,
      loanStart: '2026-07-25',
    },
  });
  // Not registered: a draft and a refusal; an open case with no pledge.
  kase(db, ba, {
    opened: '2026-04-01',
    pledge: { bank: '中国银行', status: 'draft', regDate: null, securedFen: 900_000_000, loanFen: 900_000_000, loanStart: '2026-09-01' },
  });
  kase(db, ba, {
    opened: '2026-05-01',
    stage: 'closed',
    pledge: { bank: '中国银行', status: 'refused', regDate: null, securedFen: 900_000_000, loanFen: 900_000_000, loanStart: '2026-09-01' },
  });
  kase(db, ba, { opened: '2026-06-01', stage: 'guidance', visits: ['2026-06-02'] });
}
