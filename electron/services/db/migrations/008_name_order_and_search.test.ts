import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usccFor } from '../../../../test/support/sheets';
import { tempDir } from '../../../../test/support/temp';
import { listEnterprises } from '../../enterprises/repository';
import { searchDocument } from '../../enterprises/search-grams';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('migration 8: names in pinyin order, search without 市', () => {
  it('sorts by pinyin, finds 深圳信华 for 深圳市信华…, and keeps every row', () => {
    const db = new BetterSqlite3(path.join(tmp.dir, 'm8.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 7), () => null);
    // Raw rows as a version-7 app wrote them. By code point 深 (U+6DF1) sorts before 阿 (U+963F)
    // and 中 (U+4E2D) before both; by pinyin the order is 阿 (a), 深 (shen), 中 (zhong).
    const at = '2026-11-22T00:00:00.000Z';
    const rows = [
      ['e1', '深圳市信华科技有限公司', 'szsxhkjyxgs'],
      ['e2', '中科光电有限公司', 'zkgdyxgs'],
      ['e3', '阿尔法智能有限公司', 'aefznyxgs'],
    ];
    rows.forEach(([id, name, initials], n) => {
      db.prepare(
        "INSERT INTO enterprises (id, name, uscc, district, name_initials, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, '光明', ?, 't', ?, 't', ?)",
      ).run(id, name, usccFor(800 + n), initials, at, at);
      const rowid = db.prepare('SELECT rowid FROM enterprises WHERE id = ?').pluck().get(id);
      const doc = searchDocument(name!, initials!);
      db.prepare('INSERT INTO enterprise_search (rowid, grams, unigrams) VALUES (?, ?, ?)').run(rowid, doc.grams, doc.unigrams);
    });
    const before = db.prepare('SELECT * FROM enterprises ORDER BY id').all();

    migrate(db, MIGRATIONS.slice(0, 8), () => null);
    const after = db.prepare('SELECT * FROM enterprises ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ name_key: _k, ...rest }) => rest)).toEqual(before);
    expect(after.map((r) => r.name_key)).toEqual([
      'shen zhen shi xin hua ke ji you xian gong si',
      'zhong ke guang dian you xian gong si',
      'a er fa zhi neng you xian gong si',
    ]);
    const list = (filter: object) => listEnterprises(db, { filter, sort: 'name' }, '2026-11-22').rows.map((e) => e.name);
    expect(list({})).toEqual(['阿尔法智能有限公司', '深圳市信华科技有限公司', '中科光电有限公司']);
    expect(list({ districts: ['光明'] })).toEqual(['阿尔法智能有限公司', '深圳市信华科技有限公司', '中科光电有限公司']);
    expect(list({ search: '深圳信华' })).toEqual(['深圳市信华科技有限公司']);
    expect(list({ search: 'szxh' })).toEqual(['深圳市信华科技有限公司']);
    expect(list({ search: '深圳市信华' })).toEqual(['深圳市信华科技有限公司']);
    expect(
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'enterprises' AND sql LIKE '%name_key%'")
        .pluck()
        .get(),
    ).toBe(5);
    db.close();
  });
});
