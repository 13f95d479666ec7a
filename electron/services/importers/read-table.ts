import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';

export type Cell = string | number | boolean | Date | null;

export interface Table {
  headers: string[];
  /** Data rows (the header row excluded); rowNumbers[i] is the spreadsheet row of rows[i]. */
  rows: Cell[][];
  rowNumbers: number[];
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

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

const isBlank = (row: Cell[]) => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function fromMatrix(matrix: { cells: Cell[]; rowNumber: number }[], encoding: Table['encoding']): Table {
  const headerAt = matrix.findIndex((r) => !isBlank(r.cells));
  if (headerAt < 0) throw new AppError('INVALID_INPUT', '文件中没有数据：第一行应为列标题');
  const headers = matrix[headerAt]!.cells.map((c) => (c === null ? '' : String(c).trim()));
  const body = matrix.slice(headerAt + 1).filter((r) => !isBlank(r.cells));
  return { headers, rows: body.map((r) => r.cells), rowNumbers: body.map((r) => r.rowNumber), encoding };
}

/** Reads the first worksheet of an .xlsx file or a .csv file into a header row and data rows. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError('INVALID_INPUT', '无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw new AppError('INVALID_INPUT', 'Excel 文件中没有工作表');
    const matrix: { cells: Cell[]; rowNumber: number }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellValue(cell.value)));
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      matrix.push({ cells, rowNumber });
    });
    return fromMatrix(matrix, 'xlsx');
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const { text, encoding } = decodeText(bytes);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
    return fromMatrix(parsed.data.map((cells, i) => ({ cells: cells.map((c) => (c === '' ? null : c)), rowNumber: i + 1 })), encoding);
  }
  throw new AppError('INVALID_INPUT', '只支持 .xlsx 和 .csv 文件');
}
