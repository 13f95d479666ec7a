import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { patentCheckDigit } from '../../shared/validators/patent';
import { USCC_ALPHABET, usccCheckChar } from '../../shared/validators/uscc';

export type Sheet = (string | number | Date | null)[][];

/** An .xlsx file with one worksheet, as Excel would save it. */
export async function xlsx(rows: Sheet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function csv(rows: Sheet, encoding: 'utf-8' | 'gbk' = 'utf-8'): Uint8Array {
  const text = Papa.unparse(rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? '')))));
  return encoding === 'gbk' ? new Uint8Array(iconv.encode(text, 'gbk')) : new TextEncoder().encode(text);
}

/** A valid credit code whose organisation part encodes n (distinct for distinct n). */
export function usccFor(n: number): string {
  const body = `91440300${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

export function badUscc(n: number): string {
  const good = usccFor(n);
  const last = USCC_ALPHABET[(USCC_ALPHABET.indexOf(good[17]!) + 1) % 31]!;
  return good.slice(0, 17) + last;
}

export function inventionNumber(year: number, serial: number): string {
  const body = `${year}1${String(serial).padStart(7, '0')}`;
  return `${body}.${patentCheckDigit(body)}`;
}
