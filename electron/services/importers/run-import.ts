import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { ImportReportView } from '../../../shared/types/jobs';
import type { UpsertOutcome, WriteContext } from '../enterprises/repository';
import { isBlank, text } from './cells';
import { KINDS, type ImportKind } from './kinds';
import { mappingProblems, suggestMapping, type Mapping } from './mapping';
import type { Table } from './read-table';
import { RowReader, RowRejected } from './row-reader';

import type { RowError } from '../../../shared/types/jobs';

export type { RowError };
/** The row report of an import (declared once in shared/, the renderer shows it). */
export type ImportReport = ImportReportView;

export interface ImportOptions {
  kind: ImportKind;
  mapping?: Mapping;
  /** Validate and write inside a transaction that is then rolled back. */
  dryRun?: boolean;
  ctx: WriteContext;
  today: string;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /** Rows between progress reports and cancellation checks. */
  every?: number;
}

export class ImportCancelled extends AppError {
  constructor() {
    super('CONFLICT', '导入已取消，数据库未作任何改动');
  }
}

class DryRunDone extends Error {}

/**
 * A row with a value beyond the last header has lost its alignment (line breaks of another
 * kind, a comma without quotes): importing it would put values under the wrong columns.
 */
function overflowError(headers: string[], cells: Table['rows'][number], row: number): RowError | null {
  const extra = cells.findIndex((c, col) => col >= headers.length && !isBlank(c));
  if (extra < 0) return null;
  const width = cells.length - [...cells].reverse().findIndex((c) => !isBlank(c));
  const column = `第 ${extra + 1} 列`;
  const chars = [...text(cells[extra]!)];
  const shown = chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
  const reason = `第 ${row} 行有 ${width} 个单元格，多于标题行的 ${headers.length} 列（${column}“${shown}”没有列标题）：请检查换行符和未加引号的逗号，本行未导入`;
  return { row, column, reason };
}

/**
 * Imports a table: every row is parsed and checked; rows with problems are reported with
 * their row number, column and reason; the good rows are written in one transaction. A
 * cancellation or an unexpected error rolls everything back, so the database is either as
 * before or has every good row. Matching is on credit code / IP number, so re-importing the
 * same file updates instead of duplicating.
 */
export function runImport(db: Database, table: Table, opts: ImportOptions): ImportReport {
  const def = KINDS[opts.kind];
  const mapping = opts.mapping ?? suggestMapping(table.headers, def.fields);
  const problems = mappingProblems(mapping, def.fields, table.headers.length);
  if (problems.length) throw new AppError('INVALID_INPUT', `列对应有误：${problems.join('；')}`);
  const columnOf = (key: string) => {
    const col = mapping[key];
    return col === null || col === undefined
      ? (def.fields.find((f) => f.key === key)?.label ?? key)
      : table.headers[col] || `第 ${col + 1} 列`;
  };

  const report: ImportReport = {
    kind: opts.kind,
    dryRun: !!opts.dryRun,
    total: table.rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    encoding: table.encoding,
  };
  const every = opts.every ?? 500;
  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };

  const work = db.transaction(() => {
    const write = def.writer(db, opts.ctx);
    table.rows.forEach((cells, i) => {
      if (i % every === 0) {
        if (opts.isCancelled?.()) throw new ImportCancelled();
        opts.onProgress?.(i, table.rows.length);
      }
      const rowNumber = table.rowNumbers[i]!;
      const overflow = overflowError(table.headers, cells, rowNumber);
      if (overflow) {
        report.rejected++;
        report.errors.push(overflow);
        return;
      }
      const problems = table.problems?.get(i);
      const reader = new RowReader((key) => {
        const col = mapping[key];
        if (col === null || col === undefined) return { cell: null };
        const problem = problems?.get(col);
        return problem ? { problem } : { cell: cells[col] ?? null };
      });
      const row = def.parse(reader, opts.today);
      if (!row) {
        report.rejected++;
        for (const [field, reason] of reader.errors) report.errors.push({ row: rowNumber, column: columnOf(field), reason });
        return;
      }
      try {
        counts[write(row as never)]++;
      } catch (e) {
        if (!(e instanceof RowRejected)) throw e;
        report.rejected++;
        report.errors.push({ row: rowNumber, column: columnOf(e.field), reason: e.message });
      }
    });
    opts.onProgress?.(table.rows.length, table.rows.length);
    if (opts.dryRun) throw new DryRunDone();
  });

  try {
    work.immediate();
  } catch (e) {
    if (!(e instanceof DryRunDone)) throw e;
  }
  return { ...report, ...counts };
}
