import { id, isoDate } from '../../schemas/common';
import { batchInput, entryInput, statusChangeInput } from '../../schemas/whitelist';
import { accept, refuse, type Write } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, derivedId, upsert, type DecideContext } from './types';

/** One line of an entry's status history (append-only; its id comes from the mutation). */
export function statusLine(
  ctx: DecideContext,
  n: number,
  entryId: string,
  fromStatus: string | null,
  toStatus: string,
  reason: string,
): Write {
  return upsert(
    'entry_status',
    derivedId(ctx.mutationId, n),
    { entryId, fromStatus, toStatus, reason, changedBy: ctx.user.name, changedAt: ctx.now },
    false,
  );
}

/** A survey batch (摸排批次) of a district; its name is unique. */
export const batchSave = defineMutation({
  name: 'batch.save',
  args: batchInput.safeExtend({ id }),
  roles: ['officer', 'admin'],
  keys: (a) => [{ entity: 'whitelist_batch', id: a.id }],
  decide(a, state) {
    const clash = state.findBy('whitelist_batch', 'name', a.name);
    if (clash && clash.id !== a.id) return refuse(`批次“${a.name}”已存在`);
    const { id: batchId, ...fields } = a;
    const changed = changedFields(live(state, 'whitelist_batch', batchId)?.data ?? null, fields);
    return accept(...(Object.keys(changed).length ? [upsert('whitelist_batch', batchId, changed)] : []));
  },
});

/** An enterprise on a batch (one entry per batch and enterprise); a new status is kept in the history. */
export const entrySave = defineMutation({
  name: 'entry.save',
  args: entryInput.safeExtend({ id }),
  roles: ['officer', 'admin'],
  keys: (a) => [
    { entity: 'whitelist_entry', id: a.id },
    { entity: 'whitelist_batch', id: a.batchId },
    { entity: 'enterprise', id: a.enterpriseId },
  ],
  decide(a, state, ctx) {
    const batch = live(state, 'whitelist_batch', a.batchId);
    if (!batch) return refuse('白名单批次不存在');
    if (!live(state, 'enterprise', a.enterpriseId)) return refuse('企业不存在');
    const twin = state
      .children('whitelist_entry', 'enterpriseId', a.enterpriseId)
      .find((e) => e.data.batchId === a.batchId && e.id !== a.id);
    if (twin) return refuse('该企业已在此批次中');
    const current = live(state, 'whitelist_entry', a.id);
    const { id: entryId, ...given } = a;
    const fields = {
      ...given,
      surveyedOn: given.surveyedOn ?? current?.data.surveyedOn ?? batch.data.surveyedOn,
      source: given.source ?? current?.data.source ?? batch.data.source,
    };
    const changed = changedFields(current?.data ?? null, fields);
    if (Object.keys(changed).length === 0) return accept();
    const writes = [upsert('whitelist_entry', entryId, changed)];
    if (!current || changed.status !== undefined)
      writes.push(statusLine(ctx, 0, entryId, (current?.data.status as string | undefined) ?? null, a.status, current ? '修改' : '登记'));
    return accept(...writes);
  },
});

/** Moves an entry to another status, with the reason in the history; 已走访 records the visit day. */
export const entryStatus = defineMutation({
  name: 'entry.status',
  args: statusChangeInput.safeExtend({ visitedOn: isoDate.optional() }),
  roles: ['steward', 'officer', 'admin'],
  keys: (a) => [{ entity: 'whitelist_entry', id: a.entryId }],
  decide(a, state, ctx) {
    const current = live(state, 'whitelist_entry', a.entryId);
    if (!current) return refuse('白名单记录不存在');
    if (current.data.status === a.status) return refuse(`状态已是“${a.status}”`);
    const fields: Record<string, unknown> = { status: a.status };
    if (a.status === '已走访') {
      const visit = a.visitedOn ?? ctx.today;
      const last = current.data.lastVisitOn as string | null;
      if (!last || last < visit) fields.lastVisitOn = visit;
    }
    return accept(
      upsert('whitelist_entry', a.entryId, fields),
      statusLine(ctx, 0, a.entryId, String(current.data.status), a.status, a.reason),
    );
  },
});
