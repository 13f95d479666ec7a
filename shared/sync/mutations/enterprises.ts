import { z } from 'zod';
import { id } from '../../schemas/common';
import { enterpriseInput } from '../../schemas/enterprise';
import { accept, refuse } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, remove, upsert } from './types';

const FIELD_ROLES = ['steward', 'officer', 'admin'] as const;

/** Creates or edits an enterprise; its credit code is unique among live enterprises. */
export const enterpriseSave = defineMutation({
  name: 'enterprise.save',
  args: enterpriseInput.safeExtend({ id }),
  roles: FIELD_ROLES,
  keys: (a) => [{ entity: 'enterprise', id: a.id }],
  finds: (a) => [{ entity: 'enterprise', field: 'uscc', value: a.uscc }],
  decide(a, state) {
    const clash = state.findBy('enterprise', 'uscc', a.uscc);
    if (clash && clash.id !== a.id) return refuse(`统一社会信用代码 ${a.uscc} 已登记为“${String(clash.data.name)}”`);
    const { id: enterpriseId, ...fields } = a;
    const current = live(state, 'enterprise', enterpriseId);
    const changed = changedFields(current?.data ?? null, fields);
    return accept(...(Object.keys(changed).length ? [upsert('enterprise', enterpriseId, changed)] : []));
  },
});

/**
 * Deletes an enterprise with everything that hangs off it: IP items, whitelist entries with
 * their status lines, stored valuation runs. One with a case is kept (the case is evidence).
 * Nothing is left pointing at a deleted record (a desktop's tables could not hold it).
 */
export const enterpriseDelete = defineMutation({
  name: 'enterprise.delete',
  args: z.object({ id }).strict(),
  roles: FIELD_ROLES,
  keys: (a) => [{ entity: 'enterprise', id: a.id }],
  decide(a, state) {
    if (!live(state, 'enterprise', a.id)) return refuse('企业不存在或已被删除');
    if (state.children('case', 'enterpriseId', a.id).length) return refuse('该企业有服务案件，案件记录须保留，不能删除企业');
    const entries = state.children('whitelist_entry', 'enterpriseId', a.id);
    const needs = state.children('tech_need', 'enterpriseId', a.id);
    const children = [
      ...state.children('ip_asset', 'enterpriseId', a.id),
      ...needs,
      ...needs.flatMap((n) => state.children('tech_match', 'needId', n.id)),
      ...[live(state, 'enterprise_profile', a.id)].filter((p): p is NonNullable<typeof p> => p !== null),
      ...entries,
      ...entries.flatMap((e) => state.children('entry_status', 'entryId', e.id)),
      ...state.children('valuation', 'enterpriseId', a.id),
    ];
    return accept(remove('enterprise', a.id), ...children.map((c) => ({ ...remove(c.entity, c.id), checked: false })));
  },
});
