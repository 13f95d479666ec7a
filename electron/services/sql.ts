import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const prepared = new WeakMap<Database, Map<string, Statement>>();

/** The statement for `sql`, prepared once per connection (hot paths: imports, pulls, projections). */
export function cachedStatement(db: Database, sql: string): Statement {
  let m = prepared.get(db);
  if (!m) prepared.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Small helpers for building parameterised WHERE clauses without string-pasting values. */
export class Where {
  private parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** `column IN (?, ?, …)` when the list is not empty. */
  in(column: string, values: readonly unknown[]): this {
    if (values.length > 0) this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
    return this;
  }

  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Escapes % and _ so user text matches literally inside LIKE … ESCAPE '\\'. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What a typed patent or credit code looks like once ZL, dots and spaces are gone. */
export function compactId(s: string): string {
  return s
    .replace(/[\s.·．]/g, '')
    .replace(/^zl/i, '')
    .toUpperCase();
}
