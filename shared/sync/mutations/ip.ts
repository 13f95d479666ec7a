import { z } from 'zod';
import { PLEDGE_STANDS, type PledgeStatus } from '../../domain/case-statuses';
import { id } from '../../schemas/common';
import { ipAssetInput, normalizeIpNumber } from '../../schemas/ip';
import { accept, refuse, type StateReader } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, remove, upsert } from './types';

const ROLES = ['steward', 'officer', 'admin'] as const;

/** The cases of the item's enterprise that list it. */
function casesListing(state: StateReader, enterpriseId: string, assetId: string) {
  return state
    .children('case', 'enterpriseId', enterpriseId)
    .filter((c) => ((c.data.items as string[] | undefined) ?? []).includes(assetId));
}

/**
 * Creates or edits an IP item. Its number is stored normalised and is unique; an item under a
 * standing pledge stays marked pledged whatever the edit says (the pledge, not the form, decides).
 */
export const ipSave = defineMutation({
  name: 'ip.save',
  args: ipAssetInput.safeExtend({ id }),
  roles: ROLES,
  keys: (a) => [
    { entity: 'ip_asset', id: a.id },
    { entity: 'enterprise', id: a.enterpriseId },
  ],
  decide(a, state) {
    if (!live(state, 'enterprise', a.enterpriseId)) return refuse('所属企业不存在或已被删除');
    const n = normalizeIpNumber(a.kind, a.number);
    if (!n.ok) return refuse(n.reason);
    const clash = state.findBy('ip_asset', 'number', n.number);
    if (clash && clash.id !== a.id) return refuse(`编号 ${a.number} 已登记在另一项知识产权下`);
    const current = live(state, 'ip_asset', a.id);
    if (current && current.data.enterpriseId !== a.enterpriseId && casesListing(state, String(current.data.enterpriseId), a.id).length) {
      return refuse('该知识产权已列入服务案件，不能改到其他企业名下');
    }
    const pledgedByCase = casesListing(state, a.enterpriseId, a.id).some((c) => {
      const status = live(state, 'pledge', c.id)?.data.status as PledgeStatus | undefined;
      return status !== undefined && PLEDGE_STANDS.includes(status);
    });
    const { id: assetId, ...fields } = a;
    const changed = changedFields(current?.data ?? null, { ...fields, number: n.number, pledged: fields.pledged || pledgedByCase });
    return accept(...(Object.keys(changed).length ? [upsert('ip_asset', assetId, changed)] : []));
  },
});

export const ipDelete = defineMutation({
  name: 'ip.delete',
  args: z.object({ id }).strict(),
  roles: ROLES,
  keys: (a) => [{ entity: 'ip_asset', id: a.id }],
  decide(a, state) {
    const current = live(state, 'ip_asset', a.id);
    if (!current) return refuse('知识产权不存在或已被删除');
    if (casesListing(state, String(current.data.enterpriseId), a.id).length) return refuse('该知识产权已列入服务案件，不能删除');
    return accept(remove('ip_asset', a.id));
  },
});
