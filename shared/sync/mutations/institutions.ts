import { INSTITUTION_KIND_LABELS, SHIPPED_DIRECTORY } from '../../domain/institutions';
import { institutionInput } from '../../schemas/institutions';
import { accept, refuse } from '../records';
import { live } from './helpers';
import { changedFields, defineMutation, upsert } from './types';

/** The shipped entry of that name, other than `id`. */
const shippedNamed = (name: string, id: string) => SHIPPED_DIRECTORY.list.find((i) => i.name === name && i.id !== id);

/**
 * Adds or edits an institution of the directory (officers and administrators). A shipped entry
 * is edited by saving a record with its id. The name is unique across the directory; a branch
 * sits under a head of its own kind, one level deep.
 */
export const institutionSave = defineMutation({
  name: 'institution.save',
  args: institutionInput,
  roles: ['officer', 'admin'],
  keys: (a) =>
    [a.id, a.headId, shippedNamed(a.name, a.id)?.id]
      .filter((id): id is string => !!id)
      .map((id) => ({ entity: 'institution' as const, id })),
  finds: (a) => [a.name, ...a.aliases].map((value) => ({ entity: 'institution' as const, field: 'name', value })),
  decide(a, state) {
    const entry = (id: string) => {
      const r = live(state, 'institution', id);
      return r ? { kind: r.data.kind, headId: r.data.headId, name: r.data.name } : SHIPPED_DIRECTORY.get(id);
    };
    const named = state.findBy('institution', 'name', a.name);
    // A shipped entry holds its name unless a record of it renamed it.
    const shipped = shippedNamed(a.name, a.id);
    const override = shipped && live(state, 'institution', shipped.id);
    const shippedHolds = !!shipped && (!override || override.data.name === a.name);
    if ((named && named.id !== a.id) || shippedHolds) return refuse(`名录中已有“${a.name}”`);
    // An alias naming another entry would make a name count under two institutions.
    for (const alias of a.aliases) {
      const named = state.findBy('institution', 'name', alias);
      const shipped = SHIPPED_DIRECTORY.list.find((i) => i.id !== a.id && (i.name === alias || i.aliases.includes(alias)));
      if ((named && named.id !== a.id) || shipped)
        return refuse(`别名“${alias}”已是名录中“${String(named?.data.name ?? shipped!.name)}”的名称或别名`);
    }
    // Its shipped branches stay under it: it cannot become a branch itself, nor change its kind under them.
    const shippedBranches = SHIPPED_DIRECTORY.list.filter((i) => i.headId === a.id);
    if (shippedBranches.length && a.headId) return refuse(`“${a.name}”下有分支机构，不能设为其他机构的分支`);
    if (shippedBranches.some((b) => b.kind !== a.kind))
      return refuse(`“${a.name}”下有${INSTITUTION_KIND_LABELS[shippedBranches[0]!.kind]}类分支机构，不能改为其他类别`);
    if (a.headId) {
      const head = entry(a.headId);
      if (!head) return refuse('上级机构不在名录中');
      if (head.headId) return refuse(`“${String(head.name)}”本身是分支机构，不能再设下级`);
      if (head.kind !== a.kind) return refuse(`上级机构须同为${INSTITUTION_KIND_LABELS[a.kind]}类`);
    }
    const { id, ...fields } = a;
    const changed = changedFields(live(state, 'institution', id)?.data ?? null, fields);
    return accept(...(Object.keys(changed).length ? [upsert('institution', a.id, changed)] : []));
  },
});
