/**
 * The 同步 page's list filters, one rule for the page and for its exports: a conflict by its
 * record, entity and field; a refused change by what it was, the reasons and who made it.
 */
import type { ConflictItemView, RejectionView } from '../types/sync';

export const conflictMatches = (c: ConflictItemView, q: string): boolean =>
  !q.trim() || `${c.entityLabel}${c.recordLabel}${c.fieldLabel}`.includes(q.trim());

export const rejectionMatches = (r: RejectionView, q: string): boolean =>
  !q.trim() || `${r.label}${r.reasons.join('')}${r.actor}`.includes(q.trim());
