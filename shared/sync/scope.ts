/**
 * Who may see and change what: a record is in a user's scope when its district is one of
 * theirs (records without a district, such as the bank catalogue, are everyone's). Computed on
 * the server from the session only.
 */
import type { District } from '../domain/districts';
import type { MutationDef } from './mutations/types';
import { ROLE_LABELS, type SessionUser } from './roles';

export function inScope(user: Pick<SessionUser, 'districts'>, district: string | null): boolean {
  return district === null || user.districts.includes(district as District);
}

/** Why the user's role may not run the mutation, or null when it may. */
export function roleProblem(user: Pick<SessionUser, 'role'>, def: Pick<MutationDef, 'roles' | 'name'>): string | null {
  if (user.role === 'admin' || def.roles.includes(user.role)) return null;
  return `当前账号的角色（${ROLE_LABELS[user.role]}）无权执行此操作`;
}

export const outOfScope = (district: string | null): string => `无权修改${district ?? '其他'}区的记录`;
