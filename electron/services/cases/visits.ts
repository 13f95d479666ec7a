import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { visitInput } from '../../../shared/schemas/case';
import type { VisitView } from '../../../shared/types/case';
import { recordChange } from '../changes';
import type { WriteContext } from '../enterprises/repository';
import { newId } from '../ids';
import { changeStatus } from '../whitelist/repository';
import { diff, recordEvent } from './audit';
import { getCaseRecord } from './repository';

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

/**
 * Adds or edits a visit (走访记录). The enterprise's last-visit date follows the latest
 * visit, so the whitelist's "not visited for N days" stays true.
 */
export function saveVisit(db: Database, v: VisitInput, ctx: WriteContext): void {
  db.transaction(() => {
    const record = getCaseRecord(db, v.caseId);
    const fields = {
      visitedOn: v.visitedOn,
      place: v.place,
      attendees: v.attendees,
      notes: v.notes,
      nextSteps: v.nextSteps,
      followUpOn: v.followUpOn,
    };
    const values = [v.visitedOn, v.place, JSON.stringify(v.attendees), v.notes, v.nextSteps, v.followUpOn];
    let replacedOn: string | undefined;
    if (v.id) {
      const current = listVisits(db, v.caseId).find((x) => x.id === v.id);
      if (!current) throw new AppError('NOT_FOUND', '走访记录不存在');
      const changed = diff(current as unknown as Record<string, unknown>, fields);
      if (!changed) return;
      replacedOn = current.visitedOn;
      db.prepare(
        'UPDATE visits SET (visited_on, place, attendees, notes, next_steps, follow_up_on, updated_by, updated_at) = (?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?',
      ).run(...values, ctx.actor, ctx.now, v.id);
      recordEvent(db, v.caseId, { action: 'visit', summary: `修改 ${current.visitedOn} 的走访记录`, ...changed }, ctx);
    } else {
      db.prepare(
        'INSERT INTO visits (id, case_id, visited_on, place, attendees, notes, next_steps, follow_up_on, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(newId(), v.caseId, ...values, ctx.actor, ctx.now, ctx.actor, ctx.now);
      recordEvent(
        db,
        v.caseId,
        {
          action: 'visit',
          summary: `走访 ${v.visitedOn}${v.place ? `（${v.place}）` : ''}${v.followUpOn ? `，${v.followUpOn} 跟进` : ''}`,
          after: fields,
        },
        ctx,
      );
    }
    // A first visit moves the enterprise's 待走访 entries on, so the officer's funnel follows.
    const waiting = db
      .prepare("SELECT id FROM whitelist_entries WHERE enterprise_id = ? AND status = '待走访'")
      .pluck()
      .all(record.enterpriseId) as string[];
    for (const entryId of waiting) changeStatus(db, { entryId, status: '已走访', reason: `走访记录（${v.visitedOn}）` }, ctx, v.visitedOn);
    syncLastVisit(db, record.enterpriseId, ctx, replacedOn);
  }).immediate();
}

/** Deletes a visit with its audit entry; the enterprise's last-visit date follows the ones left. */
export function deleteVisit(db: Database, id: string, ctx: WriteContext): string {
  let caseId = '';
  db.transaction(() => {
    const row = db.prepare('SELECT case_id AS caseId FROM visits WHERE id = ?').get(id) as { caseId: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', '走访记录不存在或已删除');
    caseId = row.caseId;
    const record = getCaseRecord(db, caseId);
    if (record.stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再修改');
    const current = listVisits(db, caseId).find((v) => v.id === id)!;
    db.prepare('DELETE FROM visits WHERE id = ?').run(id);
    const { id: _id, createdBy: _by, updatedAt: _at, ...before } = current;
    recordEvent(db, caseId, { action: 'visit_delete', summary: `删除 ${current.visitedOn} 的走访记录`, before }, ctx);
    syncLastVisit(db, record.enterpriseId, ctx, current.visitedOn);
  }).immediate();
  return caseId;
}

/**
 * Keeps the whitelist's last-visit date equal to the latest visit recorded, so "not visited for
 * N days" stays true; an entry that showed a visit deleted or moved (`goneOn`) falls back.
 */
function syncLastVisit(db: Database, enterpriseId: string, ctx: WriteContext, goneOn?: string): void {
  const latest = db
    .prepare('SELECT max(v.visited_on) FROM visits v JOIN cases c ON c.id = v.case_id WHERE c.enterprise_id = ?')
    .pluck()
    .get(enterpriseId) as string | null;
  const stale = db
    .prepare(
      'SELECT id FROM whitelist_entries WHERE enterprise_id = ? AND (last_visit_on IS NULL OR last_visit_on < ? OR last_visit_on = ?)',
    )
    .pluck()
    .all(enterpriseId, latest ?? '', goneOn ?? '') as string[];
  for (const entryId of stale) {
    const current = db.prepare('SELECT last_visit_on FROM whitelist_entries WHERE id = ?').pluck().get(entryId) as string | null;
    if (current === latest) continue;
    db.prepare('UPDATE whitelist_entries SET last_visit_on = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(
      latest,
      ctx.actor,
      ctx.now,
      entryId,
    );
    recordChange(db, 'whitelist_entry', entryId, 'upsert', ctx.now);
  }
}
