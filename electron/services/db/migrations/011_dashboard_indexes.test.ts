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

describe('migration 11: the kind of a case’s pledged items, kept on the case', () => {
  it('fills it for existing cases, and the triggers keep it as items and kinds change', () => {
    const db = new BetterSqlite3(path.join(tmp.dir, 'm11.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 10), () => null);
    db.prepare(
      "INSERT INTO enterprises (id, name, uscc, district, created_by, created_at, updated_by, updated_at) VALUES ('e1', '深圳市迁移十一有限公司', ?, '南山', 't', ?, 't', ?)",
    ).run(usccFor(1101), AT, AT);
    const ip = db.prepare(
      "INSERT INTO ip_assets (id, enterprise_id, kind, number, title, legal_status, pledged, created_by, created_at, updated_by, updated_at) VALUES (?, 'e1', ?, ?, '名称', 'granted', 0, 't', ?, 't', ?)",
    );
    ip.run('a1', 'invention', 'ZL1', AT, AT);
    ip.run('a2', 'invention', 'ZL2', AT, AT);
    ip.run('a3', 'trademark', 'TM3', AT, AT);
    for (const c of ['c1', 'c2', 'c3'])
      db.prepare(
        "INSERT INTO cases (id, enterprise_id, stage, created_by, created_at, updated_by, updated_at) VALUES (?, 'e1', 'valuation', 't', ?, 't', ?)",
      ).run(c, AT, AT);
    const item = db.prepare('INSERT INTO case_items (case_id, ip_asset_id) VALUES (?, ?)');
    item.run('c1', 'a1');
    item.run('c1', 'a2');
    item.run('c2', 'a1');
    item.run('c2', 'a3');
    const kinds = () => db.prepare('SELECT id, items_kind FROM cases ORDER BY id').all();

    migrate(db, MIGRATIONS, () => null);
    expect(kinds()).toEqual([
      { id: 'c1', items_kind: 'invention' },
      { id: 'c2', items_kind: 'mixed' },
      { id: 'c3', items_kind: 'none' },
    ]);
    item.run('c3', 'a3');
    db.prepare("DELETE FROM case_items WHERE case_id = 'c2' AND ip_asset_id = 'a3'").run();
    db.prepare("UPDATE ip_assets SET kind = 'utility' WHERE id = 'a2'").run();
    expect(kinds()).toEqual([
      { id: 'c1', items_kind: 'mixed' },
      { id: 'c2', items_kind: 'invention' },
      { id: 'c3', items_kind: 'trademark' },
    ]);
    db.close();
  });
});
