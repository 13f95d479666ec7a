import { z } from 'zod';
import { id } from '../../schemas/common';
import { achievementInput, matchId, techMatchInput, techNeedInput } from '../../schemas/tech';
import { accept, refuse } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, remove, upsert } from './types';

const ROLES = ['steward', 'officer', 'admin'] as const;

export const techNeedSave = defineMutation({
  name: 'tech_need.save',
  args: techNeedInput,
  roles: ROLES,
  keys: (a) => [
    { entity: 'tech_need', id: a.id },
    { entity: 'enterprise', id: a.enterpriseId },
  ],
  decide(a, state) {
    if (!live(state, 'enterprise', a.enterpriseId)) return refuse('企业不存在或已被删除');
    const current = live(state, 'tech_need', a.id);
    if (current && current.data.enterpriseId !== a.enterpriseId) return refuse('技术需求不能改到其他企业名下');
    const { id: needId, ...fields } = a;
    const changed = changedFields(current?.data ?? null, fields);
    return accept(...(Object.keys(changed).length ? [upsert('tech_need', needId, changed)] : []));
  },
});

/** Deletes a need with the follow-ups of its pairings. */
export const techNeedDelete = defineMutation({
  name: 'tech_need.delete',
  args: z.object({ id }).strict(),
  roles: ROLES,
  keys: (a) => [{ entity: 'tech_need', id: a.id }],
  decide(a, state) {
    if (!live(state, 'tech_need', a.id)) return refuse('技术需求不存在或已被删除');
    const matches = state.children('tech_match', 'needId', a.id);
    return accept(remove('tech_need', a.id), ...matches.map((m) => ({ ...remove('tech_match', m.id), checked: false })));
  },
});

export const achievementSave = defineMutation({
  name: 'achievement.save',
  args: achievementInput,
  roles: ROLES,
  keys: (a) => [{ entity: 'achievement', id: a.id }],
  decide(a, state) {
    const { id: achievementId, ...fields } = a;
    const changed = changedFields(live(state, 'achievement', achievementId)?.data ?? null, fields);
    return accept(...(Object.keys(changed).length ? [upsert('achievement', achievementId, changed)] : []));
  },
});

export const achievementDelete = defineMutation({
  name: 'achievement.delete',
  args: z.object({ id }).strict(),
  roles: ['officer', 'admin'],
  keys: (a) => [{ entity: 'achievement', id: a.id }],
  decide(a, state) {
    if (!live(state, 'achievement', a.id)) return refuse('科技成果不存在或已被删除');
    return accept(remove('achievement', a.id));
  },
});

/** Records where a pairing stands (对接 → 洽谈 → 达成, or 放弃). */
export const techMatchSave = defineMutation({
  name: 'tech_match.save',
  args: techMatchInput,
  roles: ROLES,
  keys: (a) => [
    { entity: 'tech_match', id: matchId(a.needId, a.achievementId) },
    { entity: 'tech_need', id: a.needId },
    { entity: 'achievement', id: a.achievementId },
  ],
  decide(a, state) {
    if (!live(state, 'tech_need', a.needId)) return refuse('技术需求不存在或已被删除');
    if (!live(state, 'achievement', a.achievementId)) return refuse('科技成果不存在或已被删除');
    const key = matchId(a.needId, a.achievementId);
    const changed = changedFields(live(state, 'tech_match', key)?.data ?? null, a);
    return accept(...(Object.keys(changed).length ? [upsert('tech_match', key, changed)] : []));
  },
});
