import { z } from 'zod';
import { id } from '../../schemas/common';
import { workshopInput } from '../../schemas/workshop';
import { accept, refuse } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, remove, upsert } from './types';

/** The association's trainers keep them; officers and the administrator may correct them. */
const ROLES = ['trainer', 'officer', 'admin'] as const;

/** Records a training session with its attendees and materials (the association's trainers). */
export const workshopSave = defineMutation({
  name: 'workshop.save',
  args: workshopInput,
  roles: ROLES,
  keys: (a) => [{ entity: 'workshop', id: a.id }],
  decide(a, state) {
    const { id: workshopId, ...fields } = a;
    const changed = changedFields(live(state, 'workshop', workshopId)?.data ?? null, fields);
    return accept(...(Object.keys(changed).length ? [upsert('workshop', workshopId, changed)] : []));
  },
});

export const workshopDelete = defineMutation({
  name: 'workshop.delete',
  args: z.object({ id }).strict(),
  roles: ROLES,
  keys: (a) => [{ entity: 'workshop', id: a.id }],
  decide(a, state) {
    if (!live(state, 'workshop', a.id)) return refuse('培训记录不存在或已被删除');
    return accept(remove('workshop', a.id));
  },
});
