/** The dashboard's periods: a month, a quarter, a year, or days chosen. */
import { addDays, addMonths } from './dates';

export type PeriodMode = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  mode: PeriodMode;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter. */
  part: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (first: string, months: number) => addDays(addMonths(first, months), -1);

/** The first and last day of a period (for 'custom', as given). */
export function rangeOf(p: Period): { from: string; to: string } {
  if (p.mode === 'year') return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  if (p.mode === 'quarter') {
    const first = `${p.year}-${pad((p.part - 1) * 3 + 1)}-01`;
    return { from: first, to: lastDay(first, 3) };
  }
  if (p.mode === 'month') {
    const first = `${p.year}-${pad(p.part)}-01`;
    return { from: first, to: lastDay(first, 1) };
  }
  return { from: p.from, to: p.to };
}

/** The label of a period in the header and the reports: 2026年、2026年第3季度、2026年3月、2026-01-05 至 2026-02-01. */
export function periodLabel(p: Period): string {
  if (p.mode === 'year') return `${p.year}年`;
  if (p.mode === 'quarter') return `${p.year}年第${p.part}季度`;
  if (p.mode === 'month') return `${p.year}年${p.part}月`;
  return `${p.from} 至 ${p.to}`;
}

/** A report's period as the CLI and the report dialog name it: 2024-03 (a month) or 2024 (a year). */
export function reportPeriod(kind: 'monthly' | 'annual', text: string): Period | null {
  const m = kind === 'monthly' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text) : /^(\d{4})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const part = kind === 'monthly' ? Number(m[2]) : 1;
  const p: Period = { mode: kind === 'monthly' ? 'month' : 'year', year, part, from: '', to: '' };
  return { ...p, ...rangeOf(p) };
}
