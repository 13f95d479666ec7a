import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { visitInput } from '../../../shared/schemas/case';
import type { VisitView } from '../../../shared/types/case';

const COLUMNS =
  'id, visited_on AS visitedOn, place, attendees, notes, next_steps AS nextSteps, follow_up_on AS followUpOn, created_by AS createdBy, updated_at AS updatedAt';

export function listVisits(db: Database, caseId: string): VisitView[] {
  return (
    db.prepare(`SELECT ${COLUMNS} FROM visits WHERE case_id = ? ORDER BY visited_on DESC, created_at DESC`).all(caseId) as (VisitView & {
      attendees: string;
    })[]
  ).map((v) => ({ ...v, attendees: JSON.parse(v.attendees) as string[] }));
}

export type VisitInput = z.output<typeof visitInput>;
