import { z } from 'zod';
import { id } from '../../schemas/common';
import { visitInput } from '../../schemas/case';
import { accept, refuse, type StateReader, type Write } from '../records';
import { caseEvent, live } from './helpers';
import { defineMutation, remove, upsert, type DecideContext } from './types';
import { statusLine } from './whitelist';

const ROLES = ['steward', 'admin'] as const;

/**
 * The whitelist follows the visits of an enterprise: each entry's last visit is the latest
 * visit day (after this one is saved, moved or deleted), and a first visit moves 待走访 on.
 */
function whitelistFollows(
  state: StateReader,
  ctx: DecideContext,
  enterpriseId: string,
  visits: { id: string; visitedOn: string }[],
  gone: { id: string; visitedOn: string }[],
  n0: number,
): Write[] {
  const days = [
    ...state
      .children('case', 'enterpriseId', enterpriseId)
      .flatMap((c) => state.children('visit', 'caseId', c.id))
      .filter((v) => !gone.some((g) => g.id === v.id) && !visits.some((x) => x.id === v.id))
      .map((v) => String(v.data.visitedOn)),
    ...visits.map((v) => v.visitedOn),
  ].sort();
  const latest = days.at(-1) ?? null;
  const writes: Write[] = [];
  let n = n0;
  for (const e of state.children('whitelist_entry', 'enterpriseId', enterpriseId)) {
    const fields: Record<string, unknown> = {};
    const last = (e.data.lastVisitOn as string | null) ?? null;
    // One behind the latest visit catches up; one showing a visit that is gone falls back. A
    // later date from elsewhere (an imported 最近走访) is kept.
    const wasGone = last !== null && gone.some((g) => g.visitedOn === last) && !days.includes(last);
    if (latest !== last && (last === null || (latest !== null && last < latest) || wasGone)) fields.lastVisitOn = latest;
    if (e.data.status === '待走访' && visits.length) {
      fields.status = '已走访';
      writes.push(statusLine(ctx, n++, e.id, '待走访', '已走访', `走访记录（${visits[0]!.visitedOn}）`));
    }
    if (Object.keys(fields).length) writes.push(upsert('whitelist_entry', e.id, fields, false));
  }
  return writes;
}

export const visitSave = defineMutation({
  name: 'visit.save',
  args: visitInput.safeExtend({ id }),
  roles: ROLES,
  keys: (a) => [
    { entity: 'visit', id: a.id },
    { entity: 'case', id: a.caseId },
  ],
  decide(a, state, ctx) {
    const c = live(state, 'case', a.caseId);
    if (!c) return refuse('服务案件不存在');
    const current = live(state, 'visit', a.id);
    const { id: visitId, ...fields } = a;
    const place = a.place ? `（${a.place}）` : '';
    const summary = current
      ? `修改 ${String(current.data.visitedOn)} 的走访记录`
      : `走访 ${a.visitedOn}${place}${a.followUpOn ? `，${a.followUpOn} 跟进` : ''}`;
    return accept(
      upsert('visit', visitId, fields),
      caseEvent(ctx, a.caseId, 0, { action: 'visit', summary, before: current?.data, after: fields }),
      ...whitelistFollows(
        state,
        ctx,
        String(c.data.enterpriseId),
        [{ id: visitId, visitedOn: a.visitedOn }],
        current ? [{ id: visitId, visitedOn: String(current.data.visitedOn) }] : [],
        1,
      ),
    );
  },
});

export const visitDelete = defineMutation({
  name: 'visit.delete',
  args: z.object({ id }).strict(),
  roles: ROLES,
  keys: (a) => [{ entity: 'visit', id: a.id }],
  decide(a, state, ctx) {
    const v = live(state, 'visit', a.id);
    if (!v) return refuse('走访记录不存在或已删除');
    const c = live(state, 'case', String(v.data.caseId));
    if (!c) return refuse('服务案件不存在');
    if (c.data.stage === 'closed') return refuse('案件已结案，不能再修改');
    const { caseId: _c, ...before } = v.data;
    return accept(
      remove('visit', a.id),
      caseEvent(ctx, c.id, 0, { action: 'visit_delete', summary: `删除 ${String(v.data.visitedOn)} 的走访记录`, before }),
      ...whitelistFollows(state, ctx, String(c.data.enterpriseId), [], [{ id: a.id, visitedOn: String(v.data.visitedOn) }], 1),
    );
  },
});
