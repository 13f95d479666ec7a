/**
 * Turning spreadsheet cells into typed values. Each parser returns the value, or throws a
 * CellError whose message (Chinese) goes into the row report.
 */
import { isIsoDate } from '../../../shared/domain/dates';
import type { Cell } from './read-table';

export class CellError extends Error {}

export function text(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return isoFromDate(c);
  return String(c).trim();
}

export function isBlank(c: Cell): boolean {
  return text(c) === '';
}

function isoFromDate(d: Date): string {
  // exceljs returns dates at UTC midnight of the calendar day shown in Excel.
  return d.toISOString().slice(0, 10);
}

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, an Excel date or serial number. */
export function date(c: Cell): string | null {
  if (isBlank(c)) return null;
  if (c instanceof Date) return isoFromDate(c);
  if (typeof c === 'number') {
    if (c > 20000 && c < 80000) return isoFromDate(new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000));
    throw new CellError(`“${c}”不是日期`);
  }
  const s = text(c);
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  throw new CellError(`“${s}”不是有效日期（应如 2024-03-05）`);
}

/**
 * A decimal amount in the given unit, as integer fen without floating-point error:
 * unitFen is 100 for 元 and 1,000,000 for 万元.
 */
export function money(c: Cell, unitFen: number): number | null {
  if (isBlank(c)) return null;
  const s =
    typeof c === 'number'
      ? String(c)
      : text(c)
          .replace(/[,，\s￥¥]/g, '')
          .replace(/(万元|万|元)$/, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(typeof c === 'number' && /e/i.test(s) ? c.toFixed(6) : s);
  if (!m) throw new CellError(`“${text(c)}”不是有效金额`);
  const scale = Math.round(Math.log10(unitFen));
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > scale) throw new CellError(`金额“${text(c)}”精度超过 1 分`);
  const fen = Number(m[1]) * unitFen + Number(frac.padEnd(scale, '0') || '0');
  if (!Number.isSafeInteger(fen)) throw new CellError('金额过大');
  return fen;
}

export function integer(c: Cell): number | null {
  if (isBlank(c)) return null;
  const s = text(c).replace(/[,，\s]/g, '');
  if (!/^\d+$/.test(s)) throw new CellError(`“${text(c)}”应为非负整数`);
  return Number(s);
}

export function bool(c: Cell): boolean {
  if (isBlank(c)) return false;
  if (typeof c === 'boolean') return c;
  const s = text(c).toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '有', '已质押', '√'].includes(s)) return true;
  if (['否', 'n', 'no', 'false', '0', '无', '未质押'].includes(s)) return false;
  throw new CellError(`“${text(c)}”应为“是”或“否”`);
}

/** "甲公司、乙公司" or "a, b; c" → ["甲公司", "乙公司"]. */
export function list(c: Cell): string[] {
  return text(c)
    .split(/[、,，;；/\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function oneOf<T extends string>(c: Cell, parse: (s: string) => T | null, what: string, allowed: readonly string[]): T | null {
  if (isBlank(c)) return null;
  const v = parse(text(c));
  if (v === null) throw new CellError(`${what}“${text(c)}”无效，应为：${allowed.join('、')}`);
  return v;
}
