import { indexIpTitle } from '../../ip/title-search';
import type { Migration } from './types';

/** The IP titles' n-gram search index (ip/title-search.ts), built for every IP row; no row is added or removed. */
export const m016IpTitleSearch: Migration = {
  version: 16,
  name: 'IP title search index',
  up(db) {
    db.exec("CREATE VIRTUAL TABLE ip_search USING fts5 (grams, unigrams, content = '', contentless_delete = 1, tokenize = 'unicode61')");
    for (const r of db.prepare('SELECT rowid, title FROM ip_assets').iterate() as Iterable<{ rowid: number; title: string }>)
      indexIpTitle(db, r.rowid, r.title, false);
  },
};
