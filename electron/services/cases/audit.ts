import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseEvent } from '../../../shared/types/case';

export interface EventInput {
  action: string;
  /** One line in Chinese, as the audit trail shows it. */
  summary: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
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
