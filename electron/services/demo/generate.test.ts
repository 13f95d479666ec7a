import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../../shared/domain/case-stages';
import { PLEDGE_STATUSES, SUBSIDY_STATUSES } from '../../../shared/domain/case-statuses';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { loadPolicies } from '../policies/load';
import { mutate } from '../sync/mutate';
import { generateDemo, type DemoResult } from './generate';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const TODAY = '2026-11-20';
const ctx = { actor: '演示', now: '2026-11-20T02:00:00.000Z' };

describe('demo data', () => {
  it('loaded a second time leaves every row the user changed exactly as it was', () => {
    const { db } = openDatabase({ file: path.join(tmp.dir, 'demo.sqlite') });
    const first = generateDemo(db, { enterprises: 40, seed: 3, today: TODAY, ctx });
    expect(first.kept).toBe(0);
    // The user moves an entry on, records a visit date, and renames an enterprise and a patent.
    const entry = db.prepare("SELECT id, enterprise_id AS enterpriseId FROM whitelist_entries WHERE status = '待走访' LIMIT 1").get() as {
      id: string;
      enterpriseId: string;
    };
    db.prepare("UPDATE whitelist_entries SET status = '推进中', last_visit_on = '2026-11-19', updated_by = '李管家' WHERE id = ?").run(
      entry.id,
    );
    db.prepare("UPDATE enterprises SET notes = '用户备注', street = '自填街道' WHERE id = ?").run(entry.enterpriseId);
    const asset = db.prepare('SELECT id FROM ip_assets LIMIT 1').pluck().get() as string;
    db.prepare("UPDATE ip_assets SET title = '用户改过的名称', fee_paid_through = '2027-01-01' WHERE id = ?").run(asset);
    const snapshot = () => ({
      enterprises: db.prepare('SELECT * FROM enterprises ORDER BY id').all(),
      ip: db.prepare('SELECT * FROM ip_assets ORDER BY id').all(),
      entries: db.prepare('SELECT * FROM whitelist_entries ORDER BY id').all(),
    });
    const before = snapshot();

    const again = generateDemo(db, { enterprises: 40, seed: 3, today: TODAY, ctx: { actor: '演示', now: '2026-11-21T02:00:00.000Z' } });
    expect(again).toMatchObject({ enterprises: 0, ipAssets: 0, entries: 0 });
    expect(again.kept).toBe(first.enterprises + first.ipAssets + first.entries);
    expect(snapshot()).toEqual(before);
    expect(db.prepare('SELECT status, last_visit_on FROM whitelist_entries WHERE id = ?').get(entry.id)).toEqual({
      status: '推进中',
      last_visit_on: '2026-11-19',
    });

    // More demo data (another seed) only adds rows.
    const more = generateDemo(db, { enterprises: 10, seed: 99, today: TODAY, ctx });
    expect(more.enterprises).toBeGreaterThan(0);
    expect(db.prepare('SELECT title FROM ip_assets WHERE id = ?').pluck().get(asset)).toBe('用户改过的名称');
    db.close();
  });
});

const all = (db: Database, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Record<string, unknown>[];
const count = (db: Database, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const values = (db: Database, sql: string) => db.prepare(sql).pluck().all() as string[];

/** Every table the app reads, as rows (ids included): two databases with equal tables show the same data. */
function tables(db: Database) {
  return {
    enterprises: all(db, 'SELECT * FROM enterprises ORDER BY id'),
    ip: all(db, 'SELECT * FROM ip_assets ORDER BY id'),
    batches: all(db, 'SELECT * FROM whitelist_batches ORDER BY id'),
    entries: all(db, 'SELECT * FROM whitelist_entries ORDER BY id'),
    history: all(db, 'SELECT entry_id, from_status, to_status, reason, changed_by, changed_at FROM whitelist_status_history ORDER BY id'),
    cases: all(db, 'SELECT * FROM cases ORDER BY id'),
    items: all(db, 'SELECT * FROM case_items ORDER BY case_id, ip_asset_id'),
    pledges: all(db, 'SELECT * FROM pledges ORDER BY case_id'),
    payments: all(db, 'SELECT * FROM payments ORDER BY id'),
    subsidies: all(db, 'SELECT * FROM subsidy_applications ORDER BY case_id'),
    visits: all(db, 'SELECT * FROM visits ORDER BY id'),
    events: all(db, 'SELECT case_id, at, actor, action, summary, before, after, reason FROM case_events ORDER BY seq'),
  };
}

/** The data with each record named by what people read (credit code, IP number, batch name), not by its random id. */
function content(db: Database) {
  const byCase = 'JOIN cases c ON c.id = x.case_id JOIN enterprises e ON e.id = c.enterprise_id';
  return {
    enterprises: all(db, 'SELECT uscc, name, district, founded_on, wl_status, last_visit_on, created_at FROM enterprises ORDER BY uscc'),
    ip: all(db, 'SELECT number, kind, filing_date, grant_date, pledged, created_at FROM ip_assets ORDER BY kind, number'),
    entries: all(
      db,
      `SELECT b.name, e.uscc, w.status, w.steward, w.need_fen, w.last_visit_on, w.created_at FROM whitelist_entries w
         JOIN whitelist_batches b ON b.id = w.batch_id JOIN enterprises e ON e.id = w.enterprise_id ORDER BY b.name, e.uscc`,
    ),
    history: all(
      db,
      `SELECT e.uscc, h.from_status, h.to_status, h.reason, h.changed_at FROM whitelist_status_history h
         JOIN whitelist_entries w ON w.id = h.entry_id JOIN enterprises e ON e.id = w.enterprise_id ORDER BY e.uscc, h.id`,
    ),
    cases: all(
      db,
      `SELECT e.uscc, x.steward, x.bank_officer, x.stage, x.paused, x.outcome, x.outcome_reason, x.need_fen, x.manual_value_fen,
         x.confirmations, x.documents, x.created_at, x.closed_at FROM cases x JOIN enterprises e ON e.id = x.enterprise_id ORDER BY e.uscc`,
    ),
    items: all(db, `SELECT e.uscc, a.number FROM case_items x ${byCase} JOIN ip_assets a ON a.id = x.ip_asset_id ORDER BY 1, 2`),
    pledges: all(
      db,
      `SELECT e.uscc, x.bank, x.pledgee, x.loan_contract_no, x.loan_fen, x.rate_percent, x.loan_start, x.loan_end, x.secured_fen,
         x.status, x.reg_no, x.reg_date, x.submitted_on, x.status_reason FROM pledges x ${byCase} ORDER BY 1`,
    ),
    payments: all(db, `SELECT e.uscc, x.paid_on, x.kind, x.amount_fen, x.note FROM payments x ${byCase} ORDER BY 1, 2, 3, 4`),
    subsidies: all(
      db,
      `SELECT e.uscc, x.policy_id, x.status, x.amount_fen, x.materials, x.submitted_on, x.approved_fen, x.approved_on, x.paid_fen, x.paid_on
         FROM subsidy_applications x ${byCase} ORDER BY 1`,
    ),
    visits: all(db, `SELECT e.uscc, x.visited_on, x.place, x.attendees, x.notes, x.follow_up_on FROM visits x ${byCase} ORDER BY 1, 2, 5`),
    events: all(db, `SELECT e.uscc, x.at, x.actor, x.action, x.summary, x.reason FROM case_events x ${byCase} ORDER BY 1, x.seq`),
  };
}

describe('demo service cases', () => {
  const dir = tempDir();
  let db: Database;
  let result: DemoResult;
  beforeAll(() => {
    db = openDatabase({ file: path.join(dir.dir, 'cases.sqlite') }).db;
    result = generateDemo(db, { enterprises: 300, seed: 20231, today: TODAY, ctx, resourcesDir: DEV_RESOURCES_DIR });
  }, 120_000);
  afterAll(() => {
    db.close();
    dir.cleanup();
  });

  it('has cases at every stage, paused ones, and closed ones with each outcome', () => {
    expect(result).toMatchObject({ refused: 0 });
    expect(result.firstRefusal).toBeUndefined();
    expect(result.cases).toBe(count(db, 'SELECT count(*) FROM cases'));
    for (const stage of ['guidance', 'valuation', 'registration', 'subsidy'])
      expect(count(db, 'SELECT count(*) FROM cases WHERE stage = ? AND paused = 0', stage), stage).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(*) FROM cases WHERE paused = 1')).toBeGreaterThan(0);
    expect(values(db, 'SELECT DISTINCT outcome FROM cases WHERE stage = ? ORDER BY 1'.replace('?', "'closed'")).sort()).toEqual(
      [...OUTCOMES].sort(),
    );
    // Visits behind the cases; entries still to visit have none.
    expect(count(db, 'SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.case_id = c.id)')).toBe(0);
    expect(count(db, "SELECT count(*) FROM whitelist_entries WHERE status = '待走访'")).toBeGreaterThan(0);
  });

  it('registers pledges in five years up to today, more each year, with banks and branches, and every pledge and subsidy status', () => {
    const years = all(
      db,
      "SELECT substr(reg_date, 1, 4) AS year, count(*) AS n FROM pledges WHERE reg_no <> '' AND reg_date IS NOT NULL GROUP BY year ORDER BY year",
    ) as { year: string; n: number }[];
    expect(years.map((y) => y.year)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    for (let k = 1; k < years.length; k++) expect(years[k]!.n, years[k]!.year).toBeGreaterThan(years[k - 1]!.n);
    expect(result.registered).toBe(years.reduce((s, y) => s + y.n, 0));
    expect(values(db, 'SELECT DISTINCT status FROM pledges').sort()).toEqual([...PLEDGE_STATUSES].sort());
    expect(values(db, 'SELECT DISTINCT status FROM subsidy_applications').sort()).toEqual([...SUBSIDY_STATUSES].sort());
    expect(count(db, "SELECT count(*) FROM subsidy_applications WHERE status = 'paid' AND paid_fen > 0")).toBeGreaterThan(0);
    // Head institutions with several branches, and loans that cross a year boundary.
    const banks = values(db, 'SELECT DISTINCT bank FROM pledges');
    expect(banks.filter((b) => b.startsWith('中国银行深圳')).length).toBeGreaterThan(1);
    expect(banks).toContain('微众银行');
    expect(
      count(db, "SELECT count(*) FROM pledges WHERE reg_no <> '' AND substr(loan_start, 1, 4) < substr(loan_end, 1, 4)"),
    ).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM payments WHERE kind = 'interest'")).toBeGreaterThan(0);
  });

  it('keeps every date in the order the domain requires, and the stages agree with the records', () => {
    const zero = (what: string, sql: string) => expect(count(db, sql), what).toBe(0);
    zero('registered before filed', 'SELECT count(*) FROM pledges WHERE reg_date < submitted_on');
    zero('registered in the future', `SELECT count(*) FROM pledges WHERE reg_date > '${TODAY}'`);
    zero(
      'interest outside the loan',
      "SELECT count(*) FROM payments x JOIN pledges p ON p.case_id = x.case_id WHERE x.kind = 'interest' AND (x.paid_on < p.loan_start OR x.paid_on > p.loan_end)",
    );
    zero('payment in the future', `SELECT count(*) FROM payments WHERE paid_on > '${TODAY}'`);
    zero('visit in the future', `SELECT count(*) FROM visits WHERE visited_on > '${TODAY}'`);
    zero('approved before submitted', 'SELECT count(*) FROM subsidy_applications WHERE approved_on < submitted_on');
    zero('paid before approved', 'SELECT count(*) FROM subsidy_applications WHERE paid_on < approved_on OR paid_fen > approved_fen');
    zero('approved above the application', 'SELECT count(*) FROM subsidy_applications WHERE approved_fen > amount_fen');
    zero(
      'visit before the survey',
      'SELECT count(*) FROM visits v JOIN cases c ON c.id = v.case_id JOIN whitelist_entries w ON w.enterprise_id = c.enterprise_id WHERE v.visited_on < w.surveyed_on',
    );
    zero(
      'case before the enterprise',
      'SELECT count(*) FROM cases c JOIN enterprises e ON e.id = c.enterprise_id WHERE c.created_at < e.created_at OR e.founded_on > c.created_at',
    );
    zero('loan starting before registration', 'SELECT count(*) FROM pledges WHERE reg_date IS NOT NULL AND loan_start <= reg_date');
    zero(
      'a case event out of time order',
      'SELECT count(*) FROM case_events a JOIN case_events b ON b.case_id = a.case_id AND b.seq > a.seq WHERE b.at < a.at',
    );
    // The stage machine's rules, as the records show them.
    zero(
      'subsidy stage without a registration',
      "SELECT count(*) FROM cases c JOIN pledges p ON p.case_id = c.id WHERE c.stage = 'subsidy' AND p.reg_no = ''",
    );
    zero(
      'subsidised without payment',
      "SELECT count(*) FROM cases c LEFT JOIN subsidy_applications s ON s.case_id = c.id WHERE c.outcome = 'subsidised' AND s.status IS NOT 'paid'",
    );
    zero(
      'loaned without a registration',
      "SELECT count(*) FROM cases c LEFT JOIN pledges p ON p.case_id = c.id WHERE c.outcome IN ('loaned', 'subsidised') AND coalesce(p.reg_no, '') = ''",
    );
    zero(
      'refused without a refusal',
      "SELECT count(*) FROM cases c LEFT JOIN pledges p ON p.case_id = c.id WHERE c.outcome = 'registration_refused' AND p.status IS NOT 'refused'",
    );
    zero(
      'items marked pledged without a standing pledge',
      "SELECT count(*) FROM case_items i JOIN pledges p ON p.case_id = i.case_id JOIN ip_assets a ON a.id = i.ip_asset_id WHERE a.pledged <> (p.status IN ('registered', 'changed'))",
    );
    // 已放款 entries have the loan behind them, and every disbursed loan shows on the whitelist.
    zero(
      '已放款 without a loan',
      "SELECT count(*) FROM whitelist_entries w WHERE w.status = '已放款' AND NOT EXISTS (SELECT 1 FROM cases c JOIN pledges p ON p.case_id = c.id WHERE c.enterprise_id = w.enterprise_id AND p.reg_no <> '')",
    );
    zero(
      'a loan not on the whitelist',
      `SELECT count(*) FROM pledges p JOIN cases c ON c.id = p.case_id JOIN whitelist_entries w ON w.enterprise_id = c.enterprise_id WHERE p.reg_no <> '' AND p.loan_start <= '${TODAY}' AND w.status <> '已放款'`,
    );
  });

  it('wrote everything through the mutations: replaying the outbox on an empty database gives the same tables', () => {
    const policies = loadPolicies(DEV_RESOURCES_DIR);
    const other = tempDir();
    const copy = openDatabase({ file: path.join(other.dir, 'replay.sqlite') }).db;
    try {
      const log = all(db, 'SELECT name, args, at, today, actor FROM outbox ORDER BY seq') as {
        name: string;
        args: string;
        at: string;
        today: string;
        actor: string;
      }[];
      copy.transaction(() => {
        for (const m of log)
          mutate(copy, m.name, JSON.parse(m.args), {
            user: { name: m.actor, role: null },
            now: m.at,
            today: m.today,
            products: [],
            policy: (id) => policies.find((p) => p.id === id)!,
            pool: () => {
              throw new Error('the demo makes no compensation claim');
            },
          });
      })();
      expect(tables(copy)).toEqual(tables(db));
    } finally {
      copy.close();
      other.cleanup();
    }
  }, 120_000);
});

describe('demo data from a seed', () => {
  it('is the same for the same seed and today, down to every case, payment and audit line', () => {
    const run = (file: string) => {
      const { db } = openDatabase({ file: path.join(tmp.dir, file) });
      const r = generateDemo(db, { enterprises: 80, seed: 5, today: TODAY, ctx, resourcesDir: DEV_RESOURCES_DIR });
      const c = content(db);
      db.close();
      return { r, c };
    };
    const a = run('a.sqlite');
    const b = run('b.sqlite');
    expect(a.r.cases).toBeGreaterThan(0);
    expect(b).toEqual(a);
  }, 60_000);

  it('without cases gives entries a status only, as before', () => {
    const { db } = openDatabase({ file: path.join(tmp.dir, 'plain.sqlite') });
    const r = generateDemo(db, { enterprises: 60, seed: 5, today: TODAY, ctx, cases: false });
    expect(r).toMatchObject({ cases: 0, registered: 0 });
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(0);
    expect(values(db, 'SELECT DISTINCT status FROM whitelist_entries').length).toBeGreaterThan(3);
    db.close();
  });
});
