/**
 * Starting again from nothing when the server says the cursor is too old (410 RESYNC_REQUIRED:
 * it has purged deletions since, so it cannot say what went). Every record the server had sent
 * is listed before the pull from the start; each page crosses off what it brings; what is left
 * when the pull completes is what the server no longer holds for this user, and goes here as a
 * scope removal does (unsent changes of ours stay in the outbox for the server to answer).
 * Crash-safe: the list, the cursor and each page change in one transaction each, and an
 * interrupted resync carries on at the next sync.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PullChange } from '../../../shared/sync/protocol';
import type { Entity } from '../../../shared/sync/entities';
import { cachedStatement } from '../sql';
import { projectDelete } from './project';
import { readState, writeState } from './state';
import { dropRecord } from './store';

const KEY = 'resync';

export const resyncing = (db: Database): boolean => readState(db, KEY) !== null;

export function beginResync(db: Database): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS sync_resync (entity TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (entity, id)) WITHOUT ROWID;
             DELETE FROM sync_resync;
             INSERT INTO sync_resync (entity, id) SELECT entity, id FROM sync_records WHERE known = 1`);
    writeState(db, 'cursor', null);
    writeState(db, KEY, new Date().toISOString());
  }).immediate();
}

/** Crosses off the records a page brought (inside the page's transaction). */
export function crossOff(db: Database, changes: readonly PullChange[]): void {
  const del = cachedStatement(db, 'DELETE FROM sync_resync WHERE entity = ? AND id = ?');
  for (const c of changes) del.run(c.e, c.id);
}

/** Records the completed pull did not bring. */
export function staleCount(db: Database): number {
  return db.prepare('SELECT count(*) FROM sync_resync').pluck().get() as number;
}

/** Drops what the completed pull did not bring; returns how many. */
export function finishResync(db: Database): number {
  // As when a page is applied: records go one by one, children included, nothing by cascade.
  db.pragma('foreign_keys = OFF');
  try {
    return drop(db);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function drop(db: Database): number {
  return db
    .transaction(() => {
      const rows = db.prepare('SELECT entity, id FROM sync_resync').all() as { entity: Entity; id: string }[];
      for (const r of rows) {
        projectDelete(db, r.entity, r.id);
        dropRecord(db, r.entity, r.id);
      }
      db.exec('DROP TABLE sync_resync');
      writeState(db, KEY, null);
      return rows.length;
    })
    .immediate();
}
