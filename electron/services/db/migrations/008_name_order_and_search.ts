import { nameInitials, nameSortKey } from '../../enterprises/initials';
import { enterpriseSearchDocument } from '../../enterprises/repository';
import type { Migration } from './types';

/**
 * Names sort by pinyin (a stored key, indexed where the name was), and the search index also
 * holds each name without the 市 of 深圳市, so "深圳信华" finds 深圳市信华…. Every enterprise's
 * entry is rebuilt; no row is added or removed.
 */
export const m008NameOrderAndSearch: Migration = {
  version: 8,
  name: 'pinyin name order, search without 市',
  up(db) {
    db.exec(`
      ALTER TABLE enterprises ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
      DROP INDEX enterprises_name;
      DROP INDEX enterprises_by_district;
      DROP INDEX enterprises_by_status;
      DROP INDEX enterprises_wl_steward;
      DROP INDEX enterprises_need;
    `);
    const rows = db.prepare('SELECT rowid, name, name_initials AS initials FROM enterprises').all() as {
      rowid: number;
      name: string;
      initials: string;
    }[];
    const setKey = db.prepare('UPDATE enterprises SET name_key = ?, name_initials = ? WHERE rowid = ?');
    const unindex = db.prepare('DELETE FROM enterprise_search WHERE rowid = ?');
    const index = db.prepare('INSERT INTO enterprise_search (rowid, grams, unigrams) VALUES (?, ?, ?)');
    for (const r of rows) {
      const initials = r.initials || nameInitials(r.name);
      setKey.run(nameSortKey(r.name), initials, r.rowid);
      const doc = enterpriseSearchDocument(r.name, initials);
      unindex.run(r.rowid);
      index.run(r.rowid, doc.grams, doc.unigrams);
    }
    db.exec(`
      CREATE INDEX enterprises_name ON enterprises (name_key);
      CREATE INDEX enterprises_by_district ON enterprises (district, name_key, qualifications, wl_status, wl_steward, wl_need_fen, revenue_fen, last_visit_on, ip_count, updated_at);
      CREATE INDEX enterprises_by_status ON enterprises (wl_status, name_key, district, qualifications, wl_steward, wl_need_fen, revenue_fen, last_visit_on, ip_count, updated_at);
      CREATE INDEX enterprises_wl_steward ON enterprises (wl_steward, name_key);
      CREATE INDEX enterprises_need ON enterprises (wl_need_fen, updated_at, name_key, revenue_fen, ip_count, district);
    `);
  },
};
