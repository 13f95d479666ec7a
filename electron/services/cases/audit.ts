import type { Database } from 'better-sqlite3';
import type { CaseEvent } from '../../../shared/types/case';
import { recordChange } from '../changes';
import type { WriteContext } from '../enterprises/repository';

export interface EventInput {
  action: string;
  /** One line in Chinese, as the audit trail shows it. */
  summary: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/**
 * Appends to the case's audit trail in the caller's transaction and marks the case changed
 * for sync. The trail is append-only: nothing updates or deletes its rows.
 */
export function recordEvent(db: Database, caseId: string, e: EventInput, ctx: WriteContext): void {
  db.prepare('INSERT INTO case_events (case_id, at, actor, action, summary, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    caseId,
    ctx.now,
    ctx.actor,
    e.action,
    e.summary,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.reason ?? '',
  );
  db.prepare('UPDATE cases SET updated_by = ?, updated_at = ? WHERE id = ?').run(ctx.actor, ctx.now, caseId);
  recordChange(db, 'case', caseId, 'upsert', ctx.now);
}

export function listEvents(db: Database, caseId: string): CaseEvent[] {
  const rows = db
    .prepare('SELECT seq, at, actor, action, summary, before, after, reason FROM case_events WHERE case_id = ? ORDER BY seq DESC')
    .all(caseId) as (Omit<CaseEvent, 'before' | 'after'> & { before: string | null; after: string | null })[];
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

/** The fields of `after` that differ from `before`, each side restricted to them. */
export function diff<T extends object>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const keys = (Object.keys(after) as (keyof T)[]).filter(
    (k) => after[k] !== undefined && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
  );
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<T>,
    after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<T>,
  };
}
