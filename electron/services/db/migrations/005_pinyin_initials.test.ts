import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp';
import { usccFor } from '../../../../test/support/sheets';
import { listEnterprises, saveEnterprise } from '../../enterprises/repository';
import { searchDocument } from '../../enterprises/search-grams';
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
    const ctx = { actor: 't', now: '2026-11-22T00:00:00.000Z' };
    const misread = saveEnterprise(db, { name: '深圳市长城电子有限公司', uscc: usccFor(5001), district: '福田' }, ctx);
    const fine = saveEnterprise(db, { name: '深圳华为技术有限公司', uscc: usccFor(5002), district: '龙岗' }, ctx);
    // As a version-4 app stored it: 市长 + 城.
    const rowid = db.prepare('SELECT rowid FROM enterprises WHERE id = ?').pluck().get(misread.id) as number;
    const old = searchDocument(misread.name, 'szszcdzyxgs');
    db.prepare("UPDATE enterprises SET name_initials = 'szszcdzyxgs' WHERE rowid = ?").run(rowid);
    db.prepare('DELETE FROM enterprise_search WHERE rowid = ?').run(rowid);
    db.prepare('INSERT INTO enterprise_search (rowid, grams, unigrams) VALUES (?, ?, ?)').run(rowid, old.grams, old.unigrams);
    const search = (q: string) => listEnterprises(db, { filter: { search: q } }, '2026-11-22').rows.map((e) => e.name);
    expect(search('szscc')).toEqual([]);

    migrate(db, MIGRATIONS.slice(0, 5), () => null);
    expect(db.prepare('SELECT name_initials FROM enterprises ORDER BY name').pluck().all()).toEqual(['szhwjsyxgs', 'szsccdzyxgs']);
    expect(search('szscc')).toEqual(['深圳市长城电子有限公司']);
    expect(search('szszc')).toEqual([]);
    expect(search('长城')).toEqual(['深圳市长城电子有限公司']);
    expect(search('szhw')).toEqual([fine.name]);
    expect(db.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(2);
    db.close();
  });
});
