/**
 * The two lookups decide() makes, as plain columns of `records` written with each record: a
 * record's parent (the `via` field of its scope: enterpriseId, caseId…) and its unique key
 * (uscc, patent number, batch name). Plain indexed text, so neither inserting nor finding has
 * to parse the record's JSON.
 */
import { ENTITIES, type Entity } from './entities';
import type { Fields } from './records';

export type LookupColumn = 'parent_id' | 'lookup_key';

function parentField(entity: Entity): string | undefined {
  const scope = ENTITIES[entity].scope;
  return 'via' in scope ? scope.via : undefined;
}

function keyField(entity: Entity): string | undefined {
  const def = ENTITIES[entity];
  return 'key' in def ? def.key : undefined;
}

/** Which column answers "records of `entity` whose `field` is …"; any other field is not looked up. */
export function lookupColumn(entity: Entity, field: string): LookupColumn {
  if (parentField(entity) === field) return 'parent_id';
  if (keyField(entity) === field) return 'lookup_key';
  throw new Error(`records are not looked up by ${entity}.${field}`);
}

const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

export function lookupValues(entity: Entity, data: Fields): { parent_id: string | null; lookup_key: string | null } {
  const p = parentField(entity);
  const k = keyField(entity);
  return { parent_id: p ? text(data[p]) : null, lookup_key: k ? text(data[k]) : null };
}
