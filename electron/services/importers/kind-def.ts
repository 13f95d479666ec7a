/** What an import kind is: its columns (with the header names people use), how a row is read and how it is written. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/contract';
import type { UpsertOutcome, WriteContext } from '../enterprises/repository';
import type { RowReader } from './row-reader';

export { IMPORT_KINDS, type ImportKind };

export interface FieldDef {
  key: string;
  label: string;
  aliases?: string[];
  required?: boolean;
}

export interface KindDef<T> {
  kind: ImportKind;
  label: string;
  fields: FieldDef[];
  /** Reads and validates one row; errors are keyed by field. Pure: no database access. */
  parse(r: RowReader, today: string): T | null;
  /** Returns a writer bound to one connection (statements prepared once). */
  writer(db: Database, ctx: WriteContext): (row: T) => UpsertOutcome;
}

/** Runs a schema and files each issue under the field its path names (or `fallback`). */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  r: RowReader,
  pathToField: Record<string, string> = {},
): z.output<S> | null {
  if (r.errors.size > 0) return null;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    const field = pathToField[key] ?? key;
    r.fail(field, issue.message);
  }
  return null;
}
