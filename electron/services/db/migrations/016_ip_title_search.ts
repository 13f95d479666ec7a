import { indexIpTitle } from '../../ip/title-search';
import type { Migration } from './types';

/** The IP titles' n-gram search index (ip/title-search.ts), built for every IP row; no row is added or removed. */
export const m016IpTitleSearch: Migration = {
  version: 16,
  name: 'IP title search index',
  up(db) {
    db.exec("CREATE VIRTUAL TABLE ip_search USING fts5 (grams, unigrams, content = '', contentless_delete = 1, tokenize = 'unicode61')");
    // In batches by rowid: a statement cannot read while the same connection writes, and a
    // district's million titles should not sit in memory at once.
    const batch = db.prepare('SELECT rowid, title FROM ip_assets WHERE rowid > ? ORDER BY rowid LIMIT 5000');
    for (let after = 0; ;) {
      const rows = batch.all(after) as { rowid: number; title: string }[];
      if (rows.length === 0) break;
      for (const r of rows) indexIpTitle(db, r.rowid, r.title, false);
      after = rows[rows.length - 1]!.rowid;
    }
  },
};
