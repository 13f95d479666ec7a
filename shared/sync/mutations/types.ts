/**
 * A mutation: a named domain operation (one to one with a contract call), its zod arguments,
 * who may run it, and decide(): given the state, the writes it makes or why it is refused.
 * The same decide() runs on the desktop (offline, at once) and on the server (again, on the
 * state there), so the two can never disagree on what an operation means.
 */
import type { z } from 'zod';
import type { CompensationPool } from '../../schemas/loan';
import type { Policy } from '../../schemas/policy';
import type { BankProduct } from '../../types/valuation';
import type { Entity } from '../entities';
import type { Decision, Fields, StateReader, Write } from '../records';
import type { Role } from '../roles';

export interface DecideContext {
  user: { name: string; role: Role };
  /** Records a mutation creates as a side effect get ids derived from this, so both sides create the same ones. */
  mutationId: string;
  /** Today in the user's calendar, and the instant (UTC ISO) the operation is applied. */
  today: string;
  now: string;
  products: readonly BankProduct[];
  /** A subsidy policy by id (throws AppError NOT_FOUND when unknown). */
  policy(id: string): Policy;
  /** A risk-compensation pool by id (throws AppError NOT_FOUND when unknown). */
  pool(id: string): CompensationPool;
}

export interface MutationDef<A = unknown> {
  name: string;
  args: z.ZodType<A>;
  roles: readonly Role[];
  decide(args: A, state: StateReader, ctx: DecideContext): Decision;
  /** The records the arguments name directly, loaded in bulk before a batch is decided. */
  keys?(args: A): { entity: Entity; id: string }[];
  /** Unique-key lookups decide() makes (a credit code, a number), also loaded in bulk. */
  finds?(args: A): { entity: Entity; field: string; value: string }[];
}

export function defineMutation<S extends z.ZodType>(def: {
  name: string;
  args: S;
  roles: readonly Role[];
  decide(args: z.output<S>, state: StateReader, ctx: DecideContext): Decision;
  keys?(args: z.output<S>): { entity: Entity; id: string }[];
  finds?(args: z.output<S>): { entity: Entity; field: string; value: string }[];
}): MutationDef<z.output<S>> {
  return def as MutationDef<z.output<S>>;
}

/** The id of the n-th record a mutation creates as a side effect (an audit line, a history line). */
export const derivedId = (mutationId: string, n: number): string => `${mutationId}.${n}`;

export const upsert = (entity: Entity, id: string, fields: Fields, checked = true): Write => ({
  entity,
  id,
  op: 'upsert',
  fields,
  checked,
});
export const remove = (entity: Entity, id: string): Write => ({ entity, id, op: 'delete', fields: {}, checked: true });

/** Only the fields that differ from the record's (all of them for a new record). */
export function changedFields(current: Fields | null, next: Fields): Fields {
  if (!current) return next;
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(current[k] ?? null)));
}
