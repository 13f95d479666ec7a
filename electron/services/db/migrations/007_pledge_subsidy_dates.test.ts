import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usccFor } from '../../../../test/support/sheets';
import { tempDir } from '../../../../test/support/temp';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const AT = '2026-05-01T00:00:00.000Z';

describe('migration 7: filing date of a pledge, approved and paid amounts of a subsidy', () => {
  it('fills them from the audit trail and the status, and keeps every row and value', () => {
    const db = new BetterSqlite3(path.join(tmp.dir, 'm7.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 6), () => null);
    // Raw rows as a version-6 app wrote them: three cases, one pledge drafted, one registered, one paid out.
    for (const n of [1, 2, 3]) {
      db.prepare(
        "INSERT INTO enterprises (id, name, uscc, district, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, '南山', 't', ?, 't', ?)",
      ).run(`e${n}`, `深圳市迁移七${n}有限公司`, usccFor(700 + n), AT, AT);
      db.prepare(
        "INSERT INTO cases (id, enterprise_id, stage, created_by, created_at, updated_by, updated_at) VALUES (?, ?, 'registration', 't', ?, 't', ?)",
      ).run(`c${n}`, `e${n}`, AT, AT);
    }
    const pledge = db.prepare(
      "INSERT INTO pledges (case_id, bank, loan_fen, status, reg_no, reg_date, updated_by, updated_at) VALUES (?, '某银行', 500000000, ?, ?, ?, 't', ?)",
    );
    pledge.run('c1', 'draft', '', null, AT);
    pledge.run('c2', 'registered', 'Y1', '2026-03-10', AT);
    pledge.run('c3', 'registered', 'Y2', '2026-02-01', AT);
    const event = db.prepare('INSERT INTO case_events (case_id, at, actor, action, summary, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
    event.run(
      'c2',
      '2026-03-02T03:00:00.000Z',
      't',
      'pledge_status',
      '质押登记：草稿 → 已提交',
      '{"status":"draft"}',
      '{"status":"submitted","regNo":"","regDate":null}',
    );
    event.run(
      'c2',
      '2026-03-05T03:00:00.000Z',
      't',
      'pledge_status',
      '撤回',
      '{"status":"submitted"}',
      '{"status":"draft","regNo":"","regDate":null}',
    );
    event.run(
      'c2',
      '2026-03-08T03:00:00.000Z',
      't',
      'pledge_status',
      '质押登记：草稿 → 已提交',
      '{"status":"draft"}',
      '{"status":"submitted","regNo":"","regDate":null}',
    );
    event.run('c3', '2026-05-03T03:00:00.000Z', 't', 'subsidy_status', '提交', '{"status":"draft"}', '{"status":"submitted"}');
    event.run('c3', '2026-06-03T03:00:00.000Z', 't', 'subsidy_status', '批准', '{"status":"submitted"}', '{"status":"approved"}');
    const subsidy = db.prepare(
      "INSERT INTO subsidy_applications (case_id, policy_id, policy_version, calc, amount_fen, status, status_on, updated_by, updated_at) VALUES (?, 'nanshan-2022', '1', '{}', ?, ?, ?, 't', ?)",
    );
    subsidy.run('c2', 1_000, 'draft', null, AT);
    subsidy.run('c3', 9_100_000, 'paid', '2026-07-01', AT);
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    const before = {
      pledges: db.prepare('SELECT * FROM pledges ORDER BY case_id').all(),
      subsidies: db.prepare('SELECT * FROM subsidy_applications ORDER BY case_id').all(),
      events: count('case_events'),
    };

    migrate(db, MIGRATIONS.slice(0, 7), () => null);
    // Every old column keeps its value.
    const pledges = db.prepare('SELECT * FROM pledges ORDER BY case_id').all() as Record<string, unknown>[];
    expect(pledges.map(({ submitted_on: _s, ...rest }) => rest)).toEqual(before.pledges);
    expect(pledges.map((p) => p.submitted_on)).toEqual([null, '2026-03-08', null]);
    const subsidies = db.prepare('SELECT * FROM subsidy_applications ORDER BY case_id').all() as Record<string, unknown>[];
    expect(subsidies.map(({ submitted_on: _a, approved_fen: _b, approved_on: _c, paid_fen: _d, paid_on: _e, ...rest }) => rest)).toEqual(
      before.subsidies,
    );
    expect(subsidies[0]).toMatchObject({ submitted_on: null, approved_fen: null, paid_fen: null });
    expect(subsidies[1]).toMatchObject({
      submitted_on: '2026-05-03',
      approved_fen: 9_100_000,
      approved_on: '2026-06-03',
      paid_fen: 9_100_000,
      paid_on: '2026-07-01',
    });
    expect(count('case_events')).toBe(before.events);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    db.close();
  });
});
