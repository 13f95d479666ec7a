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

describe('migration 6: each whitelist entry keeps its own 摸排日期 and 来源', () => {
  it('adds surveyed_on and source filled from each entry’s batch, and keeps every row and value', () => {
    const db = new BetterSqlite3(path.join(tmp.dir, 'm6.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 5), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(5);

    // Raw rows as a version-5 app wrote them.
    const enterprise = db.prepare(
      "INSERT INTO enterprises (id, name, uscc, district, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, '南山', 't', ?, 't', ?)",
    );
    const batch = db.prepare(
      "INSERT INTO whitelist_batches (id, name, district, surveyed_on, source, created_by, created_at) VALUES (?, ?, '南山', ?, ?, 't', ?)",
    );
    const entry = db.prepare(
      'INSERT INTO whitelist_entries (id, batch_id, enterprise_id, status, steward, need_fen, need_term_months, priority, last_visit_on, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const n of [1, 2, 3]) enterprise.run(`e${n}`, `深圳市迁移${n}科技有限公司`, usccFor(n), AT, AT);
    batch.run('b1', '2026 南山第一批', '2026-03-01', '区局摸排', AT);
    batch.run('b2', '2026 南山第二批', '2026-06-15', '', AT);
    const rows = [
      ['w1', 'b1', 'e1', '待走访', '张管家', 800_000_000, 12, 1, null, 'a', AT, 'a', AT],
      ['w2', 'b1', 'e2', '推进中', '', null, null, 2, '2026-04-01', 'b', AT, 'c', '2026-05-02T00:00:00.000Z'],
      ['w3', 'b2', 'e1', '已放款', '李管家', 1, 360, 3, '2026-07-01', 'd', AT, 'd', AT],
    ];
    for (const r of rows) entry.run(...r);
    db.prepare(
      "INSERT INTO whitelist_status_history (entry_id, from_status, to_status, changed_by, changed_at, reason) VALUES ('w2', '待走访', '推进中', 'b', ?, '导入')",
    ).run(AT);
    const before = {
      enterprises: db.prepare('SELECT * FROM enterprises ORDER BY id').all(),
      batches: db.prepare('SELECT * FROM whitelist_batches ORDER BY id').all(),
      history: db.prepare('SELECT * FROM whitelist_status_history ORDER BY id').all(),
    };

    migrate(db, MIGRATIONS.slice(0, 6), () => null);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const cols =
      'id, batch_id, enterprise_id, status, steward, need_fen, need_term_months, priority, last_visit_on, created_by, created_at, updated_by, updated_at';
    expect(db.prepare(`SELECT ${cols}, surveyed_on, source FROM whitelist_entries ORDER BY id`).raw().all()).toEqual([
      [...rows[0]!, '2026-03-01', '区局摸排'],
      [...rows[1]!, '2026-03-01', '区局摸排'],
      [...rows[2]!, '2026-06-15', ''],
    ]);
    expect(db.prepare('SELECT * FROM enterprises ORDER BY id').all()).toEqual(before.enterprises);
    expect(db.prepare('SELECT * FROM whitelist_batches ORDER BY id').all()).toEqual(before.batches);
    expect(db.prepare('SELECT * FROM whitelist_status_history ORDER BY id').all()).toEqual(before.history);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });
});
