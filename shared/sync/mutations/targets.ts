import { targetId } from '../../domain/targets';
import { targetInput } from '../../schemas/targets';
import { accept } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, upsert } from './types';

/** Sets a district's targets for a year (officers of the district). */
export const targetSave = defineMutation({
  name: 'target.save',
  args: targetInput,
  roles: ['officer', 'admin'],
  keys: (a) => [{ entity: 'district_target', id: targetId(a.district, a.year) }],
  decide(a, state) {
    const id = targetId(a.district, a.year);
    const changed = changedFields(live(state, 'district_target', id)?.data ?? null, { ...a });
    return accept(...(Object.keys(changed).length ? [upsert('district_target', id, changed)] : []));
  },
});
