/**
 * The IP list's title search through an n-gram index (ip_search, FTS5, the same pairs and
 * single characters as the enterprise names: enterprises/search-grams.ts) rather than a LIKE
 * scan of every title: a district holds a million IP items. Kept by the projection, which every
 * write of an IP record goes through (sync/project.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { searchDocument } from '../enterprises/search-grams';
import { cachedStatement as stmt } from '../sql';

export function indexIpTitle(db: Database, rowid: number, title: string, replace: boolean): void {
  if (replace) stmt(db, 'DELETE FROM ip_search WHERE rowid = ?').run(rowid);
  const doc = searchDocument(title);
  stmt(db, 'INSERT INTO ip_search (rowid, grams, unigrams) VALUES (?, ?, ?)').run(rowid, doc.grams, doc.unigrams);
}

/** Before an IP record's row goes: its index entry. */
export function unindexIp(db: Database, id: string): void {
  stmt(db, 'DELETE FROM ip_search WHERE rowid IN (SELECT rowid FROM ip_assets WHERE id = ?)').run(id);
}

/** Before an enterprise's row goes (its IP rows go with it, by cascade): their index entries. */
export function unindexEnterpriseIp(db: Database, enterpriseId: string): void {
  stmt(db, 'DELETE FROM ip_search WHERE rowid IN (SELECT rowid FROM ip_assets WHERE enterprise_id = ?)').run(enterpriseId);
}
