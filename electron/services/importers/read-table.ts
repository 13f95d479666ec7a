import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { unescapeCsvText } from '../exporters/text-escapes';
import { normaliseLineEndings } from './csv-lines';
import { UnreadableCell, xlsxCell } from './xlsx-cells';

export type Cell = string | number | boolean | Date | null;

export interface Table {
  headers: string[];
  /** Data rows (the header row excluded); rowNumbers[i] is the spreadsheet row of rows[i]. */
  rows: Cell[][];
  rowNumbers: number[];
  /** Cells that hold no importable value (row index → column index → reason); such a cell reads as empty. */
  problems?: Map<number, Map<number, string>>;
  encoding: 'xlsx' | 'utf-8' | 'gbk';
}

/** Chinese Excel saves CSV in GBK (GB18030 is its superset); anything not valid UTF-8 is read as that. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  }
}

const isBlank = (row: Cell[]) => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

interface MatrixRow {
  cells: (Cell | UnreadableCell)[];
  rowNumber: number;
}

const plain = (c: Cell | UnreadableCell): Cell => (c instanceof UnreadableCell ? null : c);

function fromMatrix(matrix: MatrixRow[], encoding: Table['encoding']): Table {
  const headerAt = matrix.findIndex((r) => !isBlank(r.cells.map(plain)));
  if (headerAt < 0) throw new AppError('INVALID_INPUT', '文件中没有数据：第一行应为列标题');
  const headers = matrix[headerAt]!.cells.map((c) => (c === null || c instanceof UnreadableCell ? '' : String(c).trim()));
  const body = matrix.slice(headerAt + 1).filter((r) => r.cells.some((c) => c instanceof UnreadableCell) || !isBlank(r.cells.map(plain)));
  const problems = new Map<number, Map<number, string>>();
  body.forEach((r, i) =>
    r.cells.forEach((c, col) => {
      if (!(c instanceof UnreadableCell)) return;
      if (!problems.has(i)) problems.set(i, new Map());
      problems.get(i)!.set(col, c.reason);
    }),
  );
  return { headers, rows: body.map((r) => r.cells.map(plain)), rowNumbers: body.map((r) => r.rowNumber), problems, encoding };
}

function readCsv(text: string): MatrixRow[] {
  // The delimiter is guessed on a copy with plain line breaks; the breaks are then normalised
  // knowing it, so that a break inside a quoted cell is kept.
  const { delimiter } = Papa.parse(text.replace(/\r\n?/g, '\n'), { preview: 20 }).meta;
  const parsed = Papa.parse<string[]>(normaliseLineEndings(text, delimiter), { delimiter, newline: '\n', skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ cells: cells.map((c) => (c === '' ? null : unescapeCsvText(c))), rowNumber: i + 1 }));
}

/** Reads the first worksheet of an .xlsx file or a .csv file into a header row and data rows. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    // Loaded when first used: its start-up costs about 0.1 s, and the first screen needs none of it.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError('INVALID_INPUT', '无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw new AppError('INVALID_INPUT', 'Excel 文件中没有工作表');
    const matrix: MatrixRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: MatrixRow['cells'] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = xlsxCell(cell.value)));
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      matrix.push({ cells, rowNumber });
    });
    return fromMatrix(matrix, 'xlsx');
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const { text, encoding } = decodeText(bytes);
    return fromMatrix(readCsv(text), encoding);
  }
  throw new AppError('INVALID_INPUT', '只支持 .xlsx 和 .csv 文件');
}
