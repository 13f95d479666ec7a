import { profileInput } from '../../schemas/profile';
import { accept, refuse } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, upsert } from './types';

/** Saves what a steward adds to an enterprise's profile (one record per enterprise, its id the enterprise's). */
export const profileSave = defineMutation({
  name: 'profile.save',
  args: profileInput,
  roles: ['steward', 'officer', 'admin'],
  keys: (a) => [
    { entity: 'enterprise_profile', id: a.enterpriseId },
    { entity: 'enterprise', id: a.enterpriseId },
  ],
  decide(a, state) {
    const enterprise = live(state, 'enterprise', a.enterpriseId);
    if (!enterprise) return refuse('企业不存在或已被删除');
    const employees = enterprise.data.employees as number | null | undefined;
    if (employees && a.techStaff !== undefined && a.techStaff > employees)
      return refuse(`科技人员数（${a.techStaff} 人）不能大于企业员工人数（${employees} 人）`);
    if (employees && a.rdStaff !== undefined && a.rdStaff > employees)
      return refuse(`研发人员数（${a.rdStaff} 人）不能大于企业员工人数（${employees} 人）`);
    // A fact left out is one not known: stored as null, never as 0.
    const fields = Object.fromEntries(Object.entries(profileInput.shape).map(([k]) => [k, (a as Record<string, unknown>)[k] ?? null]));
    const changed = changedFields(live(state, 'enterprise_profile', a.enterpriseId)?.data ?? null, fields);
    return accept(...(Object.keys(changed).length ? [upsert('enterprise_profile', a.enterpriseId, changed)] : []));
  },
});
