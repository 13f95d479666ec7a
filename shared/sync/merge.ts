/**
 * The one base-version check. A field the mutation changes is written unless another device
 * changed it since the version the mutation was based on, to a different value: then the
 * stored value stays and the pair becomes a conflict for a person to settle. No wall clock
 * takes part; an edit against a delete, and a delete against an edit, are conflicts too.
 */
import { fieldStamp, type Fields, type SyncRecord, type Write } from './records';

export interface FieldConflict {
  /** '*' when the whole record is at stake (an edit of a deleted record, a delete of an edited one). */
  field: string;
  baseVersion: number;
  serverValue: unknown;
  clientValue: unknown;
  /** Who wrote the kept value (the device), for the conflict view. */
  serverOrigin: string | null;
}

export interface MergeOutcome {
  /** What to write now (for a delete: whether to delete). */
  fields: Fields;
  delete: boolean;
  conflicts: FieldConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether another device wrote `field` after the version the client saw. */
function changedElsewhere(current: SyncRecord, field: string, base: Record<string, number>, device: string): boolean {
  const version = fieldStamp(current.versions, field) ?? 0;
  return version > (base[field] ?? 0) && (fieldStamp(current.origins, field) ?? null) !== device;
}

/**
 * `base` lists the fields the client changed and the version each was based on. A form sends
 * all its fields, but on an existing record only those listed are the user's change; the rest
 * are what the client had and are not written (they may be stale). Without any base for an
 * existing record, every field given counts as changed from version 0, so nothing anyone else
 * wrote is overwritten.
 */
export function mergeWrite(
  current: SyncRecord | null,
  write: Write,
  base: Record<string, number> | undefined,
  device: string,
): MergeOutcome {
  if (!write.checked || !current)
    return { fields: write.fields, delete: write.op === 'delete' && current !== null && !current.deleted, conflicts: [] };
  const given = base ?? {};
  if (write.op === 'delete') {
    if (current.deleted) return { fields: {}, delete: false, conflicts: [] };
    const edited = Object.keys(current.data).filter((f) => changedElsewhere(current, f, given, device));
    if (edited.length === 0) return { fields: {}, delete: true, conflicts: [] };
    const fieldsSeen = Object.fromEntries(edited.map((f) => [f, current.data[f]]));
    return {
      fields: {},
      delete: false,
      conflicts: [
        {
          field: '*',
          baseVersion: Math.max(...edited.map((f) => given[f] ?? 0)),
          serverValue: fieldsSeen,
          clientValue: null,
          serverOrigin: fieldStamp(current.origins, edited[0]!) ?? null,
        },
      ],
    };
  }
  if (current.deleted) {
    return {
      fields: {},
      delete: false,
      conflicts: [{ field: '*', baseVersion: 0, serverValue: null, clientValue: write.fields, serverOrigin: null }],
    };
  }
  const fields: Fields = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, value] of Object.entries(write.fields)) {
    if (base && !(field in base)) continue;
    if (changedElsewhere(current, field, given, device) && !same(current.data[field], value)) {
      conflicts.push({
        field,
        baseVersion: given[field] ?? 0,
        serverValue: current.data[field] ?? null,
        clientValue: value,
        serverOrigin: fieldStamp(current.origins, field) ?? null,
      });
    } else fields[field] = value;
  }
  return { fields, delete: false, conflicts };
}
