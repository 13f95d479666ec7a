/**
 * The 同步 page's lists: open conflicts with both sides in words (who, when, the value with its
 * unit), and the changes the server refused with its reasons, until the user dismisses them.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { describeValue, fieldLabel, MUTATION_LABELS } from '../../../shared/sync/labels';
import type { ConflictItemView, RejectionView } from '../../../shared/types/sync';
import { listConflicts } from './conflicts';

function recordLabel(db: Database, entity: string, id: string): string {
  const raw = db.prepare('SELECT data FROM sync_records WHERE entity = ? AND id = ?').pluck().get(entity, id) as string | undefined;
  if (!raw) return '（本机没有此记录）';
  const d = JSON.parse(raw) as Record<string, unknown>;
  return String(d.name ?? d.title ?? d.number ?? d.visitedOn ?? d.paidOn ?? id);
}

export function conflictItems(db: Database): ConflictItemView[] {
  return listConflicts(db).map((c) => ({
    id: c.id,
    entity: c.entity,
    entityLabel: c.entityLabel,
    recordId: c.recordId,
    recordLabel: recordLabel(db, c.entity, c.recordId),
    field: c.field,
    fieldLabel: fieldLabel(c.entity, c.field),
    kept: { value: c.serverValue, by: c.serverBy, at: c.serverAt, text: sideText(c.field, c.serverValue, true) },
    offered: { value: c.clientValue, by: c.clientBy, at: c.clientAt, text: sideText(c.field, c.clientValue, false) },
  }));
}

/** On a whole-record conflict (field '*') the values are an edit or nothing (a delete). */
function sideText(field: string, value: unknown, kept: boolean): string {
  if (field !== '*') return describeValue(field, value);
  if (value && typeof value === 'object') return '修改后的记录';
  return kept ? '已删除' : '删除此记录';
}

export function rejectionItems(db: Database): RejectionView[] {
  const rows = db
    .prepare('SELECT id, name, reasons, made_at, actor, at FROM sync_rejections WHERE dismissed = 0 ORDER BY at DESC, seq DESC')
    .all() as { id: string; name: string; reasons: string; made_at: string; actor: string; at: string }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    label: MUTATION_LABELS[r.name] ?? r.name,
    reasons: JSON.parse(r.reasons) as string[],
    madeAt: r.made_at,
    actor: r.actor,
    rejectedAt: r.at,
  }));
}

export function dismissRejection(db: Database, id: string): void {
  const n = db.prepare('UPDATE sync_rejections SET dismissed = 1 WHERE id = ? AND dismissed = 0').run(id).changes;
  if (n === 0) throw new AppError('NOT_FOUND', '这条被拒绝的修改不存在或已标记为已读');
}
