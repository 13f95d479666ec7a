import type { Database } from 'better-sqlite3';

/**
 * Records that an entity changed, in the caller's transaction, so sync can send it later.
 * Only the id is kept: sync reads the row as it is when it runs.
 */
export function recordChange(db: Database, entity: string, entityId: string, op: 'upsert' | 'delete', at: string): void {
  db.prepare('INSERT INTO change_log (entity, entity_id, op, at) VALUES (?, ?, ?, ?)').run(entity, entityId, op, at);
}
