import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp';
import { usccFor } from '../../../../test/support/sheets';
import { searchDocument, searchQuery } from '../../enterprises/search-grams';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('migration 5: recompute pinyin initials', () => {
  it('rewrites misread initials and their search entries, and keeps every row', () => {
    const db = new BetterSqlite3(path.join(tmp.dir, 'm5.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 4), () => null);
    // Raw rows as a version-4 app wrote them: 深圳市长城 misread as 市长 + 城.
    const insert = db.prepare(
      "INSERT INTO enterprises (id, name, uscc, district, name_initials, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, 't', ?, 't', ?)",
    );
    const at = '2026-11-22T00:00:00.000Z';
    const index = (id: string, name: string, initials: string) => {
      const rowid = db.prepare('SELECT rowid FROM enterprises WHERE id = ?').pluck().get(id) as number;
      const doc = searchDocument(name, initials);
      db.prepare('INSERT INTO enterprise_search (rowid, grams, unigrams) VALUES (?, ?, ?)').run(rowid, doc.grams, doc.unigrams);
    };
    insert.run('misread', '深圳市长城电子有限公司', usccFor(5001), '福田', 'szszcdzyxgs', at, at);
    index('misread', '深圳市长城电子有限公司', 'szszcdzyxgs');
    insert.run('fine', '深圳华为技术有限公司', usccFor(5002), '龙岗', 'szhwjsyxgs', at, at);
    index('fine', '深圳华为技术有限公司', 'szhwjsyxgs');
    const fine = { name: '深圳华为技术有限公司' };
    const matches = (q: string) =>
      db
        .prepare(
          'SELECT e.name FROM enterprises e WHERE e.rowid IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?) ORDER BY e.name',
        )
        .pluck()
        .all(searchQuery(q)) as string[];
    expect(matches('szscc')).toEqual([]);

    migrate(db, MIGRATIONS.slice(0, 5), () => null);
    expect(db.prepare('SELECT name_initials FROM enterprises ORDER BY name').pluck().all()).toEqual(['szhwjsyxgs', 'szsccdzyxgs']);
    expect(matches('szscc')).toEqual(['深圳市长城电子有限公司']);
    expect(matches('szszc')).toEqual([]);
    expect(matches('长城')).toEqual(['深圳市长城电子有限公司']);
    expect(matches('szhw')).toEqual([fine.name]);
    expect(db.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(2);
    db.close();
  });
});
