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
  /** The head institution (shared/domain/institutions.ts Directory.resolve). */
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

const sum = (rows: readonly RegistrationRow[]): Figure => {
  let amountFen = 0;
  for (const r of rows) amountFen += r.amountFen;
  return { count: rows.length, amountFen };
};

function withGrowth(now: Figure, before: Figure | undefined, hadBase: boolean): FigureWithGrowth {
  return {
    ...now,
    countGrowth: hadBase ? growth(now.count, before?.count ?? 0) : { kind: 'no-base' },
    amountGrowth: hadBase ? growth(now.amountFen, before?.amountFen ?? 0) : { kind: 'no-base' },
  };
}

/** Count and amount per key, in one pass. */
function totals(rows: readonly RegistrationRow[], key: (r: RegistrationRow) => string): Map<string, Figure> {
  const m = new Map<string, Figure>();
  for (const r of rows) {
    const k = key(r);
    const t = m.get(k);
    if (t) {
      t.count++;
      t.amountFen += r.amountFen;
    } else m.set(k, { count: 1, amountFen: r.amountFen });
  }
  return m;
}

const bySize = (a: Segment, b: Segment) => b.amountFen - a.amountFen || b.count - a.count || a.key.localeCompare(b.key, 'zh-Hans-CN');

function segmentsOf(now: ReadonlyMap<string, Figure>, before: ReadonlyMap<string, Figure>, hadBase: boolean): Segment[] {
  return [...now].map(([key, t]) => ({ key, ...withGrowth(t, before.get(key), hadBase) })).sort(bySize);
}

function segments(
  rows: readonly RegistrationRow[],
  before: readonly RegistrationRow[],
  hadBase: boolean,
  key: (r: RegistrationRow) => string,
): Segment[] {
  return segmentsOf(totals(rows, key), totals(before, key), hadBase);
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

/** Each month of the period with its registrations (counted by the month's place, not by a keyed lookup per row). */
function byMonth(rows: readonly RegistrationRow[], period: { from: string; to: string }): (Figure & { month: string })[] {
  const months = monthsBetween(period.from, period.to).map((month) => ({ month, count: 0, amountFen: 0 }));
  const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
  const index = (d: string) =>
    (digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3)) * 12 + digit(d, 5) * 10 + digit(d, 6);
  const first = index(period.from);
  for (const r of rows) {
    const m = months[index(r.regDate) - first];
    if (m) {
      m.count++;
      m.amountFen += r.amountFen;
    }
  }
  return months;
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
  return {
    total: withGrowth(sum(rows), sum(before), hadBase),
    byMonth: byMonth(rows, period),
    byDistrict: segments(rows, before, hadBase, (r) => r.district),
    byBank: bankSegments(rows, before, hadBase),
    byKind: segments(rows, before, hadBase, (r) => r.kind),
  };
}

/** Median and quartiles of a list of day counts (null when empty). */
export function spread(days: readonly number[]): { n: number; median: number; p25: number; p75: number } | null {
  if (days.length === 0) return null;
  const s = Float64Array.from(days).sort();
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
  // One pass by branch (its head noted with it), the heads summed from their branches.
  const byHead = (rs: readonly RegistrationRow[]) => {
    const branches = new Map<string, Figure & { head: string }>();
    for (const r of rs) {
      const t = branches.get(r.branch);
      if (t) {
        t.count++;
        t.amountFen += r.amountFen;
      } else branches.set(r.branch, { count: 1, amountFen: r.amountFen, head: r.bank || '（未填）' });
    }
    const heads = new Map<string, { total: Figure; branches: Map<string, Figure> }>();
    for (const [b, t] of branches) {
      const h = heads.get(t.head) ?? { total: { count: 0, amountFen: 0 }, branches: new Map<string, Figure>() };
      h.total.count += t.count;
      h.total.amountFen += t.amountFen;
      h.branches.set(b || t.head, { count: t.count, amountFen: t.amountFen });
      heads.set(t.head, h);
    }
    return heads;
  };
  const now = byHead(rows);
  const then = byHead(before);
  const none = new Map<string, Figure>();
  const headTotals = (m: typeof now) => new Map([...m].map(([k, v]) => [k, v.total]));
  return segmentsOf(headTotals(now), headTotals(then), hadBase).map((h) => {
    const branches = segmentsOf(now.get(h.key)?.branches ?? none, then.get(h.key)?.branches ?? none, hadBase);
    return branches.some((b) => b.key !== h.key) ? { ...h, branches } : h;
  });
}
