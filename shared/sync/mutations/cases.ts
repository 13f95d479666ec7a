import { z } from 'zod';
import { fieldLabel } from '../../domain/audit-view';
import { applyMove, INITIAL_STATE, OUTCOME_LABELS, STAGE_LABELS, STAGES, type Move } from '../../domain/case-stages';
import { ITEMS_EDITABLE, type PledgeStatus } from '../../domain/case-statuses';
import { caseCreate, caseItemsSet, caseMove, caseUpdate } from '../../schemas/case';
import { id } from '../../schemas/common';
import { accept, refuse, type Write } from '../records';
import { caseEvent, caseState, live } from './helpers';
import { changedFields, defineMutation, upsert } from './types';
import { statusLine } from './whitelist';

const ROLES = ['steward', 'admin'] as const;
const CLOSED = '案件已结案，不能再修改';

/** Opens a case at 贷前指导; an enterprise has at most one open case. */
export const caseCreateMutation = defineMutation({
  name: 'case.create',
  args: caseCreate.safeExtend({ id }),
  roles: ROLES,
  keys: (a) => [
    { entity: 'case', id: a.id },
    { entity: 'enterprise', id: a.enterpriseId },
  ],
  decide(a, state, ctx) {
    const enterprise = live(state, 'enterprise', a.enterpriseId);
    if (!enterprise) return refuse('企业不存在或已被删除');
    if (live(state, 'case', a.id)) return accept();
    if (state.children('case', 'enterpriseId', a.enterpriseId).some((c) => c.data.stage !== 'closed')) {
      return refuse(`“${String(enterprise.data.name)}”已有未结案的服务案件，请在原案件中继续`);
    }
    const fields = {
      enterpriseId: a.enterpriseId,
      steward: a.steward || ctx.user.name,
      bankOfficer: a.bankOfficer,
      stage: INITIAL_STATE.stage,
      paused: false,
      pauseReason: '',
      outcome: null,
      outcomeReason: '',
      closedAt: null,
      needFen: null,
      needTermMonths: null,
      purpose: '',
      productId: '',
      confirmations: {},
      documents: {},
      valuationId: null,
      manualValueFen: null,
      manualValueBasis: '',
      items: [],
    };
    const summary = `新建服务案件（${String(enterprise.data.name)}），进入${STAGE_LABELS[INITIAL_STATE.stage]}`;
    return accept(
      upsert('case', a.id, fields),
      caseEvent(ctx, a.id, 0, {
        action: 'create',
        summary,
        after: { enterpriseId: a.enterpriseId, steward: fields.steward, bankOfficer: a.bankOfficer },
      }),
    );
  },
});

/**
 * The guidance fields. Confirmation and document flags are merged into what is stored, so a
 * page sending only the flag it changed cannot undo another change made meanwhile.
 */
export const caseUpdateMutation = defineMutation({
  name: 'case.update',
  args: caseUpdate,
  roles: ROLES,
  keys: (a) => [{ entity: 'case', id: a.id }],
  decide(a, state, ctx) {
    const current = live(state, 'case', a.id);
    if (!current) return refuse('服务案件不存在');
    if (current.data.stage === 'closed') return refuse(CLOSED);
    const { id: caseId, ...given } = a;
    const flags = (k: 'confirmations' | 'documents') =>
      given[k] ? { [k]: { ...(current.data[k] as Record<string, boolean>), ...given[k] } } : {};
    const patch = Object.fromEntries(
      Object.entries({ ...given, ...flags('confirmations'), ...flags('documents') }).filter(([, v]) => v !== undefined),
    );
    if (patch.valuationId) {
      const run = live(state, 'valuation', String(patch.valuationId));
      if (run?.data.enterpriseId !== current.data.enterpriseId) return refuse('所选估值记录不属于该企业');
    }
    const changed = changedFields(current.data, patch);
    const keys = Object.keys(changed);
    if (keys.length === 0) return accept();
    const before = Object.fromEntries(keys.map((k) => [k, current.data[k] ?? null]));
    return accept(
      upsert('case', caseId, changed),
      caseEvent(ctx, caseId, 0, { action: 'update', summary: `修改${keys.map(fieldLabel).join('、')}`, before, after: changed }),
    );
  },
});

/** The items to pledge: the enterprise's own, live items; fixed once the registration is filed. */
export const caseItemsMutation = defineMutation({
  name: 'case.items',
  args: caseItemsSet,
  roles: ROLES,
  keys: (a) => [{ entity: 'case', id: a.id }, ...a.ipAssetIds.map((i) => ({ entity: 'ip_asset' as const, id: i }))],
  decide(a, state, ctx) {
    const current = live(state, 'case', a.id);
    if (!current) return refuse('服务案件不存在');
    if (current.data.stage === 'closed') return refuse(CLOSED);
    const status = live(state, 'pledge', a.id)?.data.status as PledgeStatus | undefined;
    if (status && !ITEMS_EDITABLE.includes(status)) return refuse('质押登记已提交，质押物不能再调整（如需调整请办理变更）');
    const after = [...new Set(a.ipAssetIds)].sort();
    const before = [...((current.data.items as string[] | undefined) ?? [])].sort();
    if (JSON.stringify(before) === JSON.stringify(after)) return accept();
    const foreign = after.filter((i) => live(state, 'ip_asset', i)?.data.enterpriseId !== current.data.enterpriseId);
    if (foreign.length) return refuse(`有 ${foreign.length} 项知识产权不属于该企业或已被删除`);
    // The trail names the items by number, as people read them, not by id.
    const numbers = (ids: string[]) => ids.map((i) => String(state.get('ip_asset', i)?.data.number ?? i));
    return accept(
      upsert('case', a.id, { items: after }),
      caseEvent(ctx, a.id, 0, {
        action: 'items',
        summary: `拟质押知识产权调整为 ${after.length} 项`,
        before: numbers(before),
        after: numbers(after),
      }),
    );
  },
});

function summaryOf(move: Move, from: string, to: string): string {
  switch (move.type) {
    case 'advance':
      return `进入${to}`;
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
 * A move of the stage machine, checked against the facts the records show now. It names the
 * stage it leaves: a move made on a stale copy (the case moved meanwhile elsewhere) is refused.
 * Closing with a loan moves the enterprise's whitelist entries to 已放款, so the funnel follows.
 */
export const caseMoveMutation = defineMutation({
  name: 'case.move',
  args: caseMove.safeExtend({ from: z.enum(STAGES).optional() }),
  roles: ROLES,
  keys: (a) => [{ entity: 'case', id: a.id }],
  decide(a, state, ctx) {
    const c = caseState(state, a.id, ctx);
    if (!c) return refuse('服务案件不存在');
    const r = c.data;
    if (a.from && a.from !== r.stage) return refuse(`案件已处于“${STAGE_LABELS[r.stage]}”阶段（可能已在别处变更），请刷新后再操作`);
    const before = { stage: r.stage, paused: r.paused, outcome: r.outcome };
    const result = applyMove(before, a.move, c.view.facts);
    if (!result.ok) return refuse(...result.reasons);
    const s = result.state;
    const reason = 'reason' in a.move ? a.move.reason.trim() : '';
    const fields = {
      stage: s.stage,
      paused: s.paused,
      pauseReason: a.move.type === 'pause' ? reason : s.paused ? r.pauseReason : '',
      outcome: s.outcome,
      outcomeReason: a.move.type === 'close' ? reason : r.outcomeReason,
      closedAt: s.stage === 'closed' ? ctx.now : null,
    };
    const writes: Write[] = [upsert('case', a.id, fields, false)];
    writes.push(
      caseEvent(ctx, a.id, 0, {
        action: `move_${a.move.type}`,
        summary: summaryOf(a.move, STAGE_LABELS[r.stage], STAGE_LABELS[s.stage]),
        before,
        after: s,
        reason,
      }),
    );
    if (s.outcome === 'subsidised' || s.outcome === 'loaned') {
      const open = state.children('whitelist_entry', 'enterpriseId', String(r.enterpriseId)).filter((e) => e.data.status !== '已放款');
      open.forEach((e, n) => {
        writes.push(upsert('whitelist_entry', e.id, { status: '已放款' }, false));
        writes.push(statusLine(ctx, n + 1, e.id, String(e.data.status), '已放款', `服务案件结案：${OUTCOME_LABELS[s.outcome!]}`));
      });
    }
    return accept(...writes);
  },
});
