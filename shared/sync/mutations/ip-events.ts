import { z } from 'zod';
import { id } from '../../schemas/common';
import { ipEventInput } from '../../schemas/loan';
import { accept, refuse } from '../records';
import { live } from './helpers';
import { defineMutation, remove, upsert } from './types';

const ROLES = ['steward', 'admin'] as const;

/** A legal-status event of an IP item, recorded by a steward or imported from a list of status changes. */
export const ipEventSave = defineMutation({
  name: 'ip_event.save',
  args: ipEventInput.safeExtend({ id }),
  roles: ROLES,
  keys: (a) => [
    { entity: 'ip_asset', id: a.ipAssetId },
    { entity: 'ip_event', id: a.id },
  ],
  decide(a, state) {
    if (!live(state, 'ip_asset', a.ipAssetId)) return refuse('知识产权不存在或已删除');
    const { id: eventId, ...fields } = a;
    return accept(upsert('ip_event', eventId, fields));
  },
});

export const ipEventDelete = defineMutation({
  name: 'ip_event.delete',
  args: z.object({ id }).strict(),
  roles: ROLES,
  keys: (a) => [{ entity: 'ip_event', id: a.id }],
  decide(a, state) {
    const e = live(state, 'ip_event', a.id);
    if (!e) return refuse('法律状态事件不存在或已删除');
    return accept(remove('ip_event', a.id));
  },
});
