/**
 * The context a local mutation runs in: who is signed in on this database (or, before anyone
 * is, the steward name of the settings with no role to check), the bank products and the
 * subsidy policies, today and now.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { todayIso } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import type { CompensationPool } from '../../../shared/schemas/loan';
import type { Policy } from '../../../shared/schemas/policy';
import type { Write } from '../../../shared/sync/records';
import type { SessionUser } from '../../../shared/sync/roles';
import type { BankProduct } from '../../../shared/types/valuation';
import { mutate } from './mutate';
import { readState } from './state';

export interface LocalResources {
  products: readonly BankProduct[];
  policy(id: string): Policy;
  pool(id: string): CompensationPool;
}

const NO_RESOURCES: LocalResources = {
  products: [],
  policy: () => {
    throw new AppError('NOT_FOUND', '贴息政策不存在');
  },
  pool: () => {
    throw new AppError('NOT_FOUND', '风险补偿资金池不存在');
  },
};

/** The user signed in on this database, if any. */
export function signedInUser(db: Database): SessionUser | null {
  const raw = readState(db, 'user');
  return raw ? (JSON.parse(raw) as SessionUser) : null;
}

/** Runs a mutation here, as the signed-in user (or `who.actor` before anyone signed in), at `who.now`. */
export function localMutate(
  db: Database,
  name: string,
  args: unknown,
  who: { actor: string; now?: string },
  resources: LocalResources = NO_RESOURCES,
): { mutationId: string; writes: Write[] } {
  const user = signedInUser(db);
  const now = who.now ?? new Date().toISOString();
  return mutate(db, name, args, {
    user: user ? { name: user.name, role: user.role } : { name: who.actor, role: null },
    now,
    today: todayIso(new Date(now)),
    ...resources,
  });
}
