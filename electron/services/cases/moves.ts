import type { Database } from 'better-sqlite3';
import { applyMove, OUTCOME_LABELS, STAGE_LABELS, type Move } from '../../../shared/domain/case-stages';
import type { EntryStatus } from '../../../shared/domain/whitelist';
import { AppError } from '../../../shared/errors';
import type { BankProduct } from '../../../shared/types/valuation';
import type { WriteContext } from '../enterprises/repository';
import { changeStatus } from '../whitelist/repository';
import { recordEvent } from './audit';
import { getCaseDetail } from './detail';

function summaryOf(move: Move, from: string): string {
  switch (move.type) {
    case 'advance':
      return '';
    case 'back':
      return `退回：${from} → ${STAGE_LABELS[move.to]}`;
    case 'pause':
      return `暂停（${from}）`;
    case 'resume':
      return `恢复（${from}）`;
    case 'close':
      return `结案：${OUTCOME_LABELS[move.outcome]}`;
  }
}

/**
 * Applies a move of the stage machine to a stored case, with the facts as the records show
 * them now; refused moves throw with every reason and write nothing. Closing with a loan
 * moves the enterprise's whitelist entries to 已放款, so the officer's funnel follows.
 */
export function moveCase(db: Database, id: string, move: Move, products: BankProduct[], ctx: WriteContext, today: string): void {
  db.transaction(() => {
    const detail = getCaseDetail(db, id, products, today);
    const r = detail.record;
    const before = { stage: r.stage, paused: r.paused, outcome: r.outcome };
    const result = applyMove(before, move, detail.facts);
    if (!result.ok)
      throw new AppError(
        'CONFLICT',
        result.reasons.join('；'),
        result.reasons.map((message) => ({ path: '', message })),
      );
    const s = result.state;
    const reason = 'reason' in move ? move.reason.trim() : '';
    db.prepare('UPDATE cases SET stage = ?, paused = ?, pause_reason = ?, outcome = ?, outcome_reason = ?, closed_at = ? WHERE id = ?').run(
      s.stage,
      +s.paused,
      move.type === 'pause' ? reason : s.paused ? r.pauseReason : '',
      s.outcome,
      move.type === 'close' ? reason : r.outcomeReason,
      s.stage === 'closed' ? ctx.now : null,
      id,
    );
    const summary = move.type === 'advance' ? `进入${STAGE_LABELS[s.stage]}` : summaryOf(move, STAGE_LABELS[r.stage]);
    recordEvent(db, id, { action: `move_${move.type}`, summary, before, after: s, reason }, ctx);
    if (s.outcome === 'subsidised' || s.outcome === 'loaned') {
      const entries = db
        .prepare("SELECT id FROM whitelist_entries WHERE enterprise_id = ? AND status <> '已放款'")
        .pluck()
        .all(r.enterpriseId) as string[];
      for (const entryId of entries)
        changeStatus(db, { entryId, status: '已放款' satisfies EntryStatus, reason: `服务案件结案：${OUTCOME_LABELS[s.outcome]}` }, ctx);
    }
  }).immediate();
}
