/**
 * Records as both sides hold them for sync, and what a mutation decides. A mutation's decide()
 * reads the state through a StateReader and returns writes (or the reasons it is refused); the
 * server and the desktop then apply the same writes to their own stores.
 */
import type { District } from '../domain/districts';
import type { Entity } from './entities';

export type Fields = Record<string, unknown>;

export interface SyncRecord {
  entity: Entity;
  id: string;
  data: Fields;
  /** The version each field was last written at (the server's change sequence); absent = never. */
  versions: Record<string, number>;
  /** The device that last wrote each field (known to the server; a device never conflicts with itself). */
  origins?: Record<string, string>;
  district: District | null;
  deleted: boolean;
}

/** Read access to the current state; decide() never writes. */
export interface StateReader {
  /** The record, deleted ones included (deleted: true), or null when it never existed. */
  get(entity: Entity, id: string): SyncRecord | null;
  /** The live records of `entity` whose `field` equals `value` (a case's payments, an enterprise's entries). */
  children(entity: Entity, field: string, value: string): SyncRecord[];
  /** The live record of `entity` whose unique `field` equals `value` (a credit code, a patent number), or null. */
  findBy(entity: Entity, field: string, value: string): SyncRecord | null;
}

export interface Write {
  entity: Entity;
  id: string;
  op: 'upsert' | 'delete';
  /** The fields written (all of them for a new record); empty for a delete. */
  fields: Fields;
  /**
   * True for what the user typed: each field is checked against the version the mutation was
   * based on, and a concurrent different value becomes a conflict. False for what the
   * mutation derives (a status history line, items marked pledged): written as decided.
   */
  checked: boolean;
}

/** A refusal may name the field at fault (`issues`), so a form shows it there. */
export type Decision = { ok: true; writes: Write[] } | { ok: false; reasons: string[]; issues?: { path: string; message: string }[] };

export const refuse = (...reasons: string[]): Decision => ({ ok: false, reasons });
/** Refused because of one field's value: the message, shown at that field. */
export const refuseAt = (path: string, message: string): Decision => ({ ok: false, reasons: [message], issues: [{ path, message }] });
export const accept = (...writes: Write[]): Decision => ({ ok: true, writes });

/** The key a record goes by in a mutation's base versions and in conflicts. */
export const recordKey = (entity: Entity, id: string): string => `${entity}/${id}`;

/**
 * Per-field versions (and origins) are kept compact: the key '*' stands for every field not
 * listed, so a record written whole carries one number, not one per field.
 */
export const EVERY_FIELD = '*';

export function fieldStamp<T>(stamps: Record<string, T> | undefined, field: string): T | undefined {
  return stamps?.[field] ?? stamps?.[EVERY_FIELD];
}

/** The stamps after writing `touched` fields of a record whose fields are `fields`. */
export function restamp<T>(
  previous: Record<string, T> | undefined,
  touched: readonly string[],
  fields: readonly string[],
  value: T,
): Record<string, T> {
  if (!previous || fields.every((f) => touched.includes(f))) return { [EVERY_FIELD]: value };
  return { ...previous, ...Object.fromEntries(touched.map((f) => [f, value])) };
}
