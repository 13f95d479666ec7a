import Papa from 'papaparse';
import { escapeCsvText, escapeXlsxText } from './text-escapes';

export interface Column<T> {
  header: string;
  /** Text, a count, or (with `wan`) an amount in fen. */
  value: (row: T) => string | number | null;
  /** The value is fen, written in 万元 as the header says. */
  wan?: boolean;
  width?: number;
}

/** An amount column: fen in, 万元 out (the header carries the unit, so the import reads it back). */
export const wanColumn = <T>(header: string, fen: (row: T) => number | null): Column<T> => ({ header, value: fen, wan: true, width: 16 });

/** fen → "12.5" 万元 exactly (integer arithmetic, trailing zeros dropped). */
export function fenToWan(fen: number | null): string {
  if (fen === null) return '';
  const whole = Math.floor(fen / 1_000_000);
  const frac = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Two decimals always, up to six when the amount has them: 1 fen is 0.000001 万元. */
export const WAN_FORMAT = '#,##0.00####';

/** UTF-8 CSV with BOM (opens in Excel); text that Excel would run as a formula is escaped. */
export function writeCsv<T>(columns: Column<T>[], rows: T[]): Uint8Array {
  const data = rows.map((r) =>
    columns.map((c) => {
      const v = c.value(r);
      if (c.wan) return fenToWan(v as number | null);
      return typeof v === 'string' ? escapeCsvText(v) : (v ?? '');
    }),
  );
  const csv = Papa.unparse({ fields: columns.map((c) => c.header), data });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}

/** One worksheet with a bold, frozen header row; amounts are numbers Excel can sum. */
export async function writeXlsx<T>(sheet: string, columns: Column<T>[], rows: T[]): Promise<Uint8Array> {
  // Loaded when first used: its start-up costs about 0.1 s, and the first screen needs none of it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = '知融工作台';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(
      columns.map((c) => {
        const v = c.value(r);
        if (c.wan) return v === null ? null : Number(fenToWan(v as number));
        return typeof v === 'string' ? escapeXlsxText(v) : v;
      }),
    );
    columns.forEach((c, i) => c.wan && (row.getCell(i + 1).numFmt = WAN_FORMAT));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
