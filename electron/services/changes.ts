import type { Database, Statement } from 'better-sqlite3';

const statements = new WeakMap<Database, Statement>();

/**
 * Records that an entity changed, in the caller's transaction, so sync can send it later.
 * Only the id is kept: sync reads the row as it is when it runs.
 */
export function recordChange(db: Database, entity: string, entityId: string, op: 'upsert' | 'delete', at: string): void {
  let insert = statements.get(db);
  if (!insert) statements.set(db, (insert = db.prepare('INSERT INTO change_log (entity, entity_id, op, at) VALUES (?, ?, ?, ?)')));
  insert.run(entity, entityId, op, at);
}
