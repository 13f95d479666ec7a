import type { ImportKind } from '../contract';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A background job as the renderer sees it; `result` depends on the job type. */
export interface JobStatusView {
  id: string;
  type: 'import' | 'export' | 'demo' | 'valuation' | 'report' | 'self-check' | 'backup';
  state: JobState;
  done: number;
  total: number;
  startedAt: string;
  /** The job's result as JSON text (parse it with jobResult in the renderer). */
  resultJson?: string;
  error?: { code: string; message: string };
}

/** The parsed result of a finished job. */
export function jobResult<T>(status: Pick<JobStatusView, 'resultJson'>): T | null {
  return status.resultJson === undefined ? null : (JSON.parse(status.resultJson) as T);
}

export interface ImportPreview {
  headers: string[];
  sample: (string | number | boolean | null)[][];
  rowCount: number;
  encoding: 'xlsx' | 'utf-8' | 'gbk';
  fields: { key: string; label: string; required?: boolean }[];
  mapping: Record<string, number | null>;
}

export interface RowError {
  /** Row number as shown in the spreadsheet (the header is row 1). */
  row: number;
  /** The column header in the file, or the field's label when the file lacks the column. */
  column: string;
  reason: string;
}

export interface ImportReportView {
  kind: ImportKind;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  encoding: 'xlsx' | 'utf-8' | 'gbk';
}

export interface ExportResult {
  fileName: string;
  rows: number;
  base64: string;
}
