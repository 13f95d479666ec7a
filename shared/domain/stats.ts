/**
 * The officer's figures, computed once from plain rows: the desktop reads the rows from its
 * SQLite store, the central service from PostgreSQL, and both hand them here, so a figure is
 * the same wherever it is shown (the dashboard, the reports, the CLI).
 *
 * 笔数 counts registrations CNIPA recorded (registered, later changed or cancelled) whose
 * registration date falls in the period; 登记金额 is the secured amount, else the loan. 同比
 * compares with the same days one year earlier; a base of zero or no base is said in words,
 * never divided by.
 */
import type { District } from './districts';
import { IP_KIND_LABELS, type IpKind } from './ip';

/** The kind of a registration's pledged items as every figure names it. */
export const PLEDGE_KIND_LABELS: Record<IpKind | 'mixed' | 'none', string> = { ...IP_KIND_LABELS, mixed: '多类组合', none: '未列质物' };
export const pledgeKindLabel = (k: string): string => PLEDGE_KIND_LABELS[k as IpKind | 'mixed' | 'none'] ?? k;

export interface RegistrationRow {
  caseId: string;
  district: District;
  /** The head institution (shared/domain/banks.ts headBank). */
  bank: string;
  /** The bank as written on the pledge, a branch below its head. */
  branch: string;
  /** The kind of every pledged item, or 'mixed' when they differ ('none' when no items are recorded). */
  kind: IpKind | 'mixed' | 'none';
  regDate: string;
  amountFen: number;
  steward: string;
}

export type Growth = { kind: 'ratio'; value: number } | { kind: 'zero-base' } | { kind: 'no-base' };

export interface Figure {
  count: number;
  amountFen: number;
}

export interface FigureWithGrowth extends Figure {
  countGrowth: Growth;
  amountGrowth: Growth;
}

export interface Segment extends FigureWithGrowth {
  key: string;
  /** A head bank's branches as written, when any differs from the head's own name. */
  branches?: Segment[];
}

export interface RegistrationFigures {
  total: FigureWithGrowth;
  byMonth: (Figure & { month: string })[];
  byDistrict: Segment[];
  byBank: Segment[];
  byKind: Segment[];
}

export function growth(now: number, before: number | undefined): Growth {
  if (before === undefined) return { kind: 'no-base' };
  if (before === 0) return { kind: 'zero-base' };
  return { kind: 'ratio', value: (now - before) / before };
}

/** 同比 as a person reads it: "+12.5%", "上年同期为 0", "无上年同期数据". */
export function growthText(g: Growth): string {
  if (g.kind === 'zero-base') return '上年同期为 0';
  if (g.kind === 'no-base') return '无上年同期数据';
  const pct = Math.round(g.value * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

const sum = (rows: readonly RegistrationRow[]): Figure => ({
  count: rows.length,
  amountFen: rows.reduce((s, r) => s + r.amountFen, 0),
});

function withGrowth(now: Figure, before: Figure | undefined, hadBase: boolean): FigureWithGrowth {
  return {
    ...now,
    countGrowth: hadBase ? growth(now.count, before?.count ?? 0) : { kind: 'no-base' },
    amountGrowth: hadBase ? growth(now.amountFen, before?.amountFen ?? 0) : { kind: 'no-base' },
  };
}

function groupBy(rows: readonly RegistrationRow[], key: (r: RegistrationRow) => string): Map<string, RegistrationRow[]> {
  const m = new Map<string, RegistrationRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function segments(
  rows: readonly RegistrationRow[],
  before: readonly RegistrationRow[],
  hadBase: boolean,
  key: (r: RegistrationRow) => string,
) {
  const prev = new Map([...groupBy(before, key)].map(([k, v]) => [k, sum(v)]));
  return [...groupBy(rows, key)]
    .map(([k, v]) => ({ key: k, ...withGrowth(sum(v), prev.get(k), hadBase) }))
    .sort((a, b) => b.amountFen - a.amountFen || b.count - a.count || a.key.localeCompare(b.key, 'zh-Hans-CN'));
}

/** Every month from `from` to `to` (YYYY-MM-DD), so an empty month shows as zero rather than missing. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

/**
 * The registration figures of a period (`rows`) against the same period a year before
 * (`before`; `hadBase` false when the data does not reach back that far).
 */
export function registrationFigures(
  rows: readonly RegistrationRow[],
  before: readonly RegistrationRow[],
  period: { from: string; to: string },
  hadBase: boolean,
): RegistrationFigures {
  const months = groupBy(rows, (r) => r.regDate.slice(0, 7));
  return {
    total: withGrowth(sum(rows), sum(before), hadBase),
    byMonth: monthsBetween(period.from, period.to).map((month) => ({ month, ...sum(months.get(month) ?? []) })),
    byDistrict: segments(rows, before, hadBase, (r) => r.district),
    byBank: bankSegments(rows, before, hadBase),
    byKind: segments(rows, before, hadBase, (r) => r.kind),
  };
}

/** Median and quartiles of a list of day counts (null when empty). */
export function spread(days: readonly number[]): { n: number; median: number; p25: number; p75: number } | null {
  if (days.length === 0) return null;
  const s = [...days].sort((a, b) => a - b);
  const at = (q: number) => {
    const pos = (s.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
  };
  return { n: s.length, median: at(0.5), p25: at(0.25), p75: at(0.75) };
}

/** The bank table of a report: each head bank, then its branches indented below it. */
export function headsAndBranches(byBank: readonly Segment[]): Segment[] {
  return byBank.flatMap((h) => [h, ...(h.branches ?? []).map((b) => ({ ...b, key: `\u3000${b.key}` }))]);
}

/** Head banks, each with its branches as written when any differs from the head's own name. */
function bankSegments(rows: readonly RegistrationRow[], before: readonly RegistrationRow[], hadBase: boolean): Segment[] {
  const head = (r: RegistrationRow) => r.bank || '（未填）';
  const now = groupBy(rows, head);
  const then = groupBy(before, head);
  return segments(rows, before, hadBase, head).map((h) => {
    const branches = segments(now.get(h.key) ?? [], then.get(h.key) ?? [], hadBase, (r) => r.branch || head(r));
    return branches.some((b) => b.key !== h.key) ? { ...h, branches } : h;
  });
}
