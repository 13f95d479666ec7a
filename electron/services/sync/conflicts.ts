/** The open conflicts of this database's replica, for the 同步 page and the CLI. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ENTITIES, isEntity } from '../../../shared/sync/entities';

export interface ConflictView {
  id: string;
  entity: string;
  entityLabel: string;
  recordId: string;
  field: string;
  serverValue: unknown;
  clientValue: unknown;
  serverBy: string | null;
  serverAt: string | null;
  clientBy: string | null;
  clientAt: string | null;
}

export function listConflicts(db: Database): ConflictView[] {
  const rows = db.prepare("SELECT id, data FROM sync_records WHERE entity = 'conflict' AND deleted = 0 ORDER BY id").all() as {
    id: string;
    data: string;
  }[];
  return rows
    .map((r) => ({ id: r.id, d: JSON.parse(r.data) as Record<string, unknown> }))
    .filter(({ d }) => !d.resolvedAt)
    .map(({ id, d }) => ({
      id,
      entity: String(d.entity),
      entityLabel: isEntity(d.entity) ? ENTITIES[d.entity].label : String(d.entity),
      recordId: String(d.recordId),
      field: String(d.field),
      serverValue: d.serverValue ?? null,
      clientValue: d.clientValue ?? null,
      serverBy: (d.serverBy as string | null) ?? null,
      serverAt: (d.serverAt as string | null) ?? null,
      clientBy: (d.clientBy as string | null) ?? null,
      clientAt: (d.clientAt as string | null) ?? null,
    }));
}
