import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp';
import { generateDemo } from '../../demo/generate';
import { searchQuery } from '../../enterprises/search-grams';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('migration 16: the IP title search index', () => {
  it('indexes every IP title of a version-15 store in batches, and keeps every row', () => {
    const db = new BetterSqlite3(path.join(tmp.dir, 'm16.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 15), () => null);
    // Today's writers keep the index: made for the demo data, then dropped, as a version-15 store has none.
    db.exec("CREATE VIRTUAL TABLE ip_search USING fts5 (grams, unigrams, content = '', contentless_delete = 1)");
    // More IP rows than one batch of the migration (5,000).
    generateDemo(db, {
      enterprises: 1800,
      ipPerEnterprise: 3,
      today: '2026-11-22',
      ctx: { actor: 't', now: '2026-11-22T00:00:00.000Z' },
      seed: 3,
      cases: false,
    });
    db.exec('DROP TABLE ip_search');
    const counts = () => db.prepare('SELECT (SELECT count(*) FROM ip_assets), (SELECT count(*) FROM enterprises)').raw().get();
    const before = counts();
    expect((before as number[])[0]).toBeGreaterThan(5000);

    migrate(db, MIGRATIONS.slice(0, 16), () => null);
    expect(counts()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM ip_search').pluck().get()).toBe((before as number[])[0]);
    const { id, title } = db.prepare('SELECT id, title FROM ip_assets ORDER BY rowid DESC LIMIT 1').get() as { id: string; title: string };
    const found = db
      .prepare('SELECT id FROM ip_assets WHERE rowid IN (SELECT rowid FROM ip_search WHERE ip_search MATCH ?)')
      .pluck()
      .all(searchQuery(title)) as string[];
    expect(found).toContain(id);
    db.close();
  });
});
