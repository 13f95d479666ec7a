import { nameInitials } from '../../enterprises/initials';
import { searchDocument } from '../../enterprises/search-grams';
import type { Migration } from './types';

/**
 * Recomputes the pinyin initials of every enterprise (and its search entry) after the
 * initials learnt words they misread (深圳市长城, 分行). Only rows whose initials change are
 * touched; no row is added or removed.
 */
export const m005PinyinInitials: Migration = {
  version: 5,
  name: 'recompute pinyin initials',
  up(db) {
    const rows = db.prepare('SELECT rowid, name, name_initials AS initials FROM enterprises').all() as {
      rowid: number;
      name: string;
      initials: string;
    }[];
    const setInitials = db.prepare('UPDATE enterprises SET name_initials = ? WHERE rowid = ?');
    const unindex = db.prepare('DELETE FROM enterprise_search WHERE rowid = ?');
    const index = db.prepare('INSERT INTO enterprise_search (rowid, grams, unigrams) VALUES (?, ?, ?)');
    for (const r of rows) {
      const initials = nameInitials(r.name);
      if (initials === r.initials) continue;
      setInitials.run(initials, r.rowid);
      const doc = searchDocument(r.name, initials);
      unindex.run(r.rowid);
      index.run(r.rowid, doc.grams, doc.unigrams);
    }
  },
};
