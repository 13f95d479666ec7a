import { badCharacterAt } from '../../../shared/schemas/common';
import * as cells from './cells';
import type { Cell } from './read-table';

/** What the reader gets for a field: the cell, or why the cell holds no value. */
export type FieldCell = { cell: Cell } | { problem: string };

const BAD_CHARACTER = '含有不可见的控制字符或无效字符，请删除后重试';

/**
 * Reads one row's cells by field key, turning parse failures into per-field errors. A field's
 * first error is the one reported: a cell that cannot be read is not also "required".
 */
export class RowReader {
  readonly errors = new Map<string, string>();
  constructor(private readonly field: (key: string) => FieldCell) {}

  /** Records an error for a field unless it already has one. */
  fail(key: string, message: string): void {
    if (!this.errors.has(key)) this.errors.set(key, message);
  }

  private cell(key: string): Cell {
    const f = this.field(key);
    if ('problem' in f) {
      this.fail(key, f.problem);
      return null;
    }
    // Checked here, for every kind and column alike, so such text never reaches a lookup.
    if (typeof f.cell === 'string' && badCharacterAt(f.cell) !== null) {
      this.fail(key, BAD_CHARACTER);
      return null;
    }
    return f.cell;
  }

  private read<T>(key: string, parse: (c: Cell) => T, fallback: T): T {
    try {
      return parse(this.cell(key));
    } catch (e) {
      if (!(e instanceof cells.CellError)) throw e;
      this.fail(key, e.message);
      return fallback;
    }
  }
  text(key: string) {
    return cells.text(this.cell(key));
  }
  blank(key: string) {
    return cells.isBlank(this.cell(key));
  }
  date(key: string) {
    return this.read(key, cells.date, null);
  }
  money(key: string, unitFen: number) {
    return this.read(key, (c) => cells.money(c, unitFen), null);
  }
  integer(key: string) {
    return this.read(key, cells.integer, null);
  }
  bool(key: string) {
    return this.read(key, cells.bool, false);
  }
  list(key: string) {
    return cells.list(this.cell(key));
  }
  oneOf<T extends string>(key: string, parse: (s: string) => T | null, what: string, allowed: readonly string[]) {
    return this.read(key, (c) => cells.oneOf(c, parse, what, allowed), null);
  }
}

/** A row that failed for a reason found only against the database (e.g. unknown enterprise). */
export class RowRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
