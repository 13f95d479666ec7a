/**
 * What every qualification evaluator shares: three-valued logic (met / not met / unknown),
 * the indicator line, bands, year windows and the names of missing data.
 */
import type { Band, BandPoints, CriteriaSet, QualificationInput, QualificationYear } from '../../schemas/criteria';
import { compare, percentOf, percentText, type Ratio, wan } from './exact';

export type Status = 'met' | 'not_met' | 'unknown';

export interface IndicatorResult {
  key: string;
  label: string;
  /** What the enterprise has, with units (万元, %, 人, 项), or 未填. */
  value: string;
  /** What the set asks, as text. */
  threshold: string;
  status: Status;
  /** The data to add, in Chinese with the input field, when the status is unknown. */
  missing?: string[];
  /** Points when they are determined. */
  points?: number;
  /** The points still open: an expert's range within a band, or data missing. */
  pointsRange?: { low: number; high: number };
  maxPoints?: number;
  /** The text of this indicator could not be checked against the original. */
  weak?: true;
  note?: string;
}

export interface ScoreResult {
  /** The total when every item is determined, else null. */
  points: number | null;
  /** The points certain so far, and the most the open items could add up to. */
  low: number;
  high: number;
  max: number;
  /** The points needed to pass. */
  pass: number;
}

export type Outcome = 'pass' | 'fail' | 'unknown';

export interface QualificationResult {
  set: {
    id: string;
    qualification: string;
    title: string;
    version: string;
    effectiveFrom: string;
    effectiveTo: string | null;
    /** Whether the set is in force on the date of the check. */
    inForce: boolean;
    weak: boolean;
    note: string;
    source: CriteriaSet['source'];
  };
  asOf: string;
  result: Outcome;
  /** The direct route (or exception) that qualified, when one did. */
  route?: string;
  indicators: IndicatorResult[];
  score?: ScoreResult;
  /** Every datum whose absence leaves an indicator unknown, once each. */
  missing: string[];
  working: string[];
}

export interface Meta {
  label: string;
  weak: boolean;
  note: string;
}

// ---------------------------------------------------------------------------------------------
// Three-valued logic

export function allOf(...xs: Status[]): Status {
  if (xs.includes('not_met')) return 'not_met';
  return xs.every((x) => x === 'met') ? 'met' : 'unknown';
}

export function anyOf(...xs: Status[]): Status {
  if (xs.includes('met')) return 'met';
  return xs.every((x) => x === 'not_met') ? 'not_met' : 'unknown';
}

export const outcomeOf = (s: Status): Outcome => (s === 'met' ? 'pass' : s === 'not_met' ? 'fail' : 'unknown');

export const isMet = (b: boolean): Status => (b ? 'met' : 'not_met');

// ---------------------------------------------------------------------------------------------
// Indicator lines

/** A yes/no condition line. */
export function line(
  key: string,
  meta: Meta,
  f: { value: string; threshold: string; status: Status; missing?: string[]; note?: string },
): IndicatorResult {
  // Assigned one by one rather than spread: a district's self-check builds millions of these.
  const out: IndicatorResult = { key, label: meta.label, value: f.value, threshold: f.threshold, status: f.status };
  if (f.status === 'unknown' && f.missing?.length) out.missing = unique(f.missing);
  if (meta.weak) out.weak = true;
  const note = meta.note && f.note ? `${meta.note}；${f.note}` : meta.note || f.note;
  if (note) out.note = note;
  return out;
}

/** Each item once, in first-seen order. */
export function unique(xs: readonly string[]): string[] {
  // Lists are short: a scan beats hashing each (often long) text.
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** A declared yes/no fact (a steward's answer). */
export function declared(
  key: string,
  meta: Meta,
  answer: boolean | undefined,
  field: string,
  text: { yes: string; no: string; threshold: string },
): IndicatorResult {
  return line(key, meta, {
    value: answer === undefined ? '未填' : answer ? text.yes : text.no,
    threshold: text.threshold,
    status: answer === undefined ? 'unknown' : isMet(answer),
    missing: [field],
  });
}

/** Points of a scored item: [low, high]; low < high with missing data is unknown, else determined. */
export interface Points {
  low: number;
  high: number;
  missing: string[];
}

export const exactly = (p: number): Points => ({ low: p, high: p, missing: [] });

export function scoredLine(key: string, meta: Meta, maxPoints: number, p: Points, value: string, threshold: string): IndicatorResult {
  const decided = p.low === p.high;
  const unknown = !decided && p.missing.length > 0;
  const status: Status = unknown ? 'unknown' : p.low > 0 ? 'met' : 'not_met';
  const out = line(key, meta, { value, threshold, status, missing: p.missing });
  if (decided) out.points = p.low;
  else out.pointsRange = { low: p.low, high: p.high };
  out.maxPoints = maxPoints;
  return out;
}

const POINTS_TEXT = Array.from({ length: 101 }, (_, n) => `${n} 分`);
export const pointsText = (p: Points): string => (p.low === p.high ? (POINTS_TEXT[p.low] ?? `${p.low} 分`) : `${p.low}–${p.high} 分`);

/** A set's total score against its pass mark: the points (or their range) and what would settle them. */
export function totalLine(
  key: string,
  m: Meta & { maxPoints: number },
  p: Points,
  status: Status,
  threshold: string,
  note?: string,
): IndicatorResult {
  const out = line(key, m, { value: pointsText(p), threshold, status, missing: p.missing, note });
  if (p.low === p.high) out.points = p.low;
  else out.pointsRange = { low: p.low, high: p.high };
  out.maxPoints = m.maxPoints;
  return out;
}

/** Totals of items, each capped at `cap` when given. */
export function total(items: Points[], cap?: number): Points {
  let low = 0;
  let high = 0;
  const missing: string[] = [];
  for (const p of items) {
    low += p.low;
    high += p.high;
    for (const m of p.missing) missing.push(m);
  }
  return { low: cap === undefined ? low : Math.min(low, cap), high: cap === undefined ? high : Math.min(high, cap), missing };
}

/** met when even the low total passes, not met when even the high total fails. */
export function passStatus(p: Points, pass: number): Status {
  if (p.low >= pass) return 'met';
  if (p.high < pass) return 'not_met';
  return 'unknown';
}

export function scoreOf(p: Points, max: number, pass: number): ScoreResult {
  return { points: p.low === p.high ? p.low : null, low: p.low, high: p.high, max, pass };
}

// ---------------------------------------------------------------------------------------------
// Bands

export const range = (p: BandPoints): [number, number] => (typeof p === 'number' ? [p, p] : p);

export function holds(b: Band, v: Ratio): boolean {
  if (b.atLeast !== undefined && compare(v, b.atLeast) < 0) return false;
  if (b.above !== undefined && compare(v, b.above) <= 0) return false;
  if (b.below !== undefined && compare(v, b.below) >= 0) return false;
  if (b.atMost !== undefined && compare(v, b.atMost) > 0) return false;
  return true;
}

/** The first band that holds, with its points; null (0 points) when none does. */
export function bandFor(bands: readonly Band[], v: Ratio): { index: number; low: number; high: number } | null {
  const index = bands.findIndex((b) => holds(b, v));
  if (index < 0) return null;
  const [low, high] = range(bands[index]!.points);
  return { index, low, high };
}

export function bandPoints(bands: readonly Band[], v: Ratio): Points {
  const b = bandFor(bands, v);
  return { low: b?.low ?? 0, high: b?.high ?? 0, missing: [] };
}

export type Unit = '%' | '万元' | '项' | '年' | '级' | '人';

export function boundText(x: number, unit: Unit): string {
  if (unit === '万元') return wan(x);
  if (unit === '%') return `${x}%`;
  return `${x} ${unit}`;
}

// The set's bands are the same for every enterprise: their text is built once per unit.
const bandsTexts = new WeakMap<readonly Band[], Map<Unit, string>>();

/** "≥ 35%：9–10 分；≥ 25% 且 < 35%：7–8 分；…；其余 0 分". */
export function bandsText(bands: readonly Band[], unit: Unit): string {
  let byUnit = bandsTexts.get(bands);
  if (!byUnit) bandsTexts.set(bands, (byUnit = new Map()));
  let text = byUnit.get(unit);
  if (text === undefined) byUnit.set(unit, (text = buildBandsText(bands, unit)));
  return text;
}

function buildBandsText(bands: readonly Band[], unit: Unit): string {
  const parts = bands.map((b) => {
    const conds = [
      b.atLeast !== undefined ? `≥ ${boundText(b.atLeast, unit)}` : null,
      b.above !== undefined ? `> ${boundText(b.above, unit)}` : null,
      b.below !== undefined ? `< ${boundText(b.below, unit)}` : null,
      b.atMost !== undefined ? `≤ ${boundText(b.atMost, unit)}` : null,
    ].filter(Boolean);
    const [low, high] = range(b.points);
    return `${conds.length ? conds.join(' 且 ') : '其他'}：${low === high ? low : `${low}–${high}`} 分`;
  });
  return `${parts.join('；')}；其余 0 分`;
}

// ---------------------------------------------------------------------------------------------
// Counts known exactly or only from below

/** A count: `low` for certain; `exact` when nothing could add to it. */
export interface CountInfo {
  low: number;
  exact: boolean;
  /** What would make it exact. */
  missing: string[];
}

export function class1Of(input: QualificationInput): CountInfo {
  const ip = input.ip ?? {};
  if (ip.class1 !== undefined) return { low: ip.class1, exact: true, missing: [] };
  return { low: ip.inventionGranted ?? 0, exact: false, missing: ['Ⅰ类知识产权数（ip.class1）'] };
}

export function class2Of(input: QualificationInput): CountInfo {
  const ip = input.ip ?? {};
  if (ip.class2 !== undefined) return { low: ip.class2, exact: true, missing: [] };
  const parts = [ip.utility, ip.design, ip.software];
  return {
    low: parts.reduce<number>((s, x) => s + (x ?? 0), 0),
    exact: parts.every((x) => x !== undefined),
    missing: ['Ⅱ类知识产权数（ip.class2，或实用新型 ip.utility、外观设计 ip.design、软件著作权 ip.software 三项）'],
  };
}

export const possiblyAny = (c: CountInfo): boolean => !(c.exact && c.low === 0);

export function countText(c: CountInfo): string {
  if (c.exact) return `${c.low} 项`;
  return c.low > 0 ? `至少 ${c.low} 项` : '未填';
}

/** Points of count bands (ordered from the highest) for a count known exactly or from below. */
export function countBandPoints(bands: readonly Band[], c: CountInfo): Points {
  const b = bandFor(bands, { n: BigInt(c.low), d: 1n });
  const low = b?.low ?? 0;
  if (c.exact || b?.index === 0) return { low, high: b?.high ?? 0, missing: [] };
  return { low, high: range(bands[0]!.points)[1], missing: c.missing };
}

// ---------------------------------------------------------------------------------------------
// Years

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

export const YEAR_FIELD_LABELS: Record<Exclude<keyof QualificationYear, 'year'>, string> = {
  revenueFen: '营业收入',
  mainRevenueFen: '主营业务收入',
  rdFen: '研发费用',
  domesticRdFen: '境内研发费用',
  highTechRevenueFen: '高新技术产品（服务）收入',
  totalIncomeFen: '总收入',
  costsFen: '成本费用支出总额',
  netAssetsFen: '年末净资产',
  totalAssetsFen: '年末资产总额',
  totalLiabilitiesFen: '年末负债总额',
  netProfitFen: '净利润',
};
export type YearField = keyof typeof YEAR_FIELD_LABELS;

/**
 * The same text object for the same datum: a district's self-check names missing data
 * millions of times, and deduplicating fresh strings would hash each one in full.
 */
export function interned(key: string, build: () => string): string {
  let text = INTERNED.get(key);
  if (text === undefined) {
    if (INTERNED.size > 10_000) INTERNED.clear();
    INTERNED.set(key, (text = build()));
  }
  return text;
}
const INTERNED = new Map<string, string>();

const YEAR_FIELD_TEXTS = new Map<number, Map<YearField, string>>();
export function missingYearField(year: number, key: YearField): string {
  let byKey = YEAR_FIELD_TEXTS.get(year);
  if (!byKey) YEAR_FIELD_TEXTS.set(year, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) byKey.set(key, (text = `${year} 年${YEAR_FIELD_LABELS[key]}（years 中 ${year} 年的 ${key}）`));
  return text;
}

/** Rows by year, and the most recent fiscal year: the latest given, else the year before the check. */
export class Years {
  readonly rows: Map<number, QualificationYear>;
  readonly latest: number;

  constructor(
    readonly input: QualificationInput,
    readonly asOf: string,
  ) {
    this.rows = new Map((input.years ?? []).map((y) => [y.year, y]));
    this.latest = this.rows.size ? Math.max(...this.rows.keys()) : yearOf(asOf) - 1;
  }

  /**
   * The last `n` fiscal years, ascending. With `shortenToFounding`, an enterprise founded within
   * them counts from its founding year (实际经营期不满 n 年的按实际经营时间计算).
   */
  window(n: number, shortenToFounding: boolean): { years: number[]; shortened: boolean } {
    let start = this.latest - n + 1;
    let shortened = false;
    if (shortenToFounding && this.input.foundedOn) {
      const founded = Math.min(yearOf(this.input.foundedOn), this.latest);
      if (founded > start) {
        start = founded;
        shortened = true;
      }
    }
    const years: number[] = [];
    for (let y = start; y <= this.latest; y++) years.push(y);
    return { years, shortened };
  }

  /** The field for each year, with what is missing; `values` only when none is. */
  values(years: readonly number[], key: YearField): { values: number[] | null; missing: string[]; partial: number[] } {
    const missing: string[] = [];
    const partial: number[] = [];
    for (const y of years) {
      const v = this.rows.get(y)?.[key];
      if (v === undefined) missing.push(missingYearField(y, key));
      else partial.push(v);
    }
    return { values: missing.length ? null : partial, missing, partial };
  }

  /** One year's value of a field. */
  value(year: number, key: YearField): { value: number | undefined; missing: string[] } {
    const v = this.rows.get(year)?.[key];
    return { value: v, missing: v === undefined ? [missingYearField(year, key)] : [] };
  }

  /** Total liabilities: given, or total assets − net assets. */
  liabilities(year: number): { value: number | undefined; missing: string[] } {
    const row = this.rows.get(year);
    if (row?.totalLiabilitiesFen !== undefined) return { value: row.totalLiabilitiesFen, missing: [] };
    if (row?.totalAssetsFen !== undefined && row.netAssetsFen !== undefined)
      return { value: row.totalAssetsFen - row.netAssetsFen, missing: [] };
    return {
      value: undefined,
      missing: [
        interned(
          `l${year}`,
          () => `${year} 年年末负债总额（years 中 ${year} 年的 totalLiabilitiesFen，或 totalAssetsFen 与 netAssetsFen）`,
        ),
      ],
    };
  }
}

/** Years counted by "近 N 年": from N years before the check's year to that year, inclusive. */
export const withinYears = (eventYear: number, n: number | null, asOf: string): boolean =>
  n === null || (eventYear >= yearOf(asOf) - n && eventYear <= yearOf(asOf));

export const withinText = (n: number | null, asOf: string): string =>
  n === null ? '' : `近 ${n} 年（${yearOf(asOf) - n}–${yearOf(asOf)} 年）`;

// ---------------------------------------------------------------------------------------------
// Shares against a minimum

/** Numbers with their display: people (人) or money (fen → 万元). */
export type Quantity = { kind: 'people'; value: number } | { kind: 'fen'; value: bigint | number };

export const quantityText = (q: Quantity): string => (q.kind === 'people' ? `${q.value} 人` : wan(q.value));

/**
 * num ÷ den ≥ minPercent, exactly; a zero denominator is not met (there is nothing to take
 * a share of). The working line shows the figures and the share rounded to 0.01%.
 */
export function shareLine(
  key: string,
  meta: Meta,
  f: {
    num: Quantity | undefined;
    den: Quantity | undefined;
    missing: string[];
    minPercent: number;
    /** "科技人员 ÷ 职工总数". */
    formula: string;
    working: string[];
    note?: string;
  },
): { line: IndicatorResult; share: Ratio | null } {
  const threshold = `≥ ${f.minPercent}%`;
  if (!f.num || !f.den || f.missing.length)
    return { line: line(key, meta, { value: '未填', threshold, status: 'unknown', missing: f.missing, note: f.note }), share: null };
  const denValue = BigInt(f.den.value);
  if (denValue === 0n) {
    f.working.push(`${meta.label}：${f.formula}，分母为 0，无法计算，按不符合`);
    return {
      line: line(key, meta, { value: `分母为 0（${quantityText(f.den)}）`, threshold, status: 'not_met', note: f.note }),
      share: null,
    };
  }
  const share = percentOf(BigInt(f.num.value), denValue);
  const ok = compare(share, f.minPercent) >= 0;
  f.working.push(
    `${meta.label}：${f.formula} = ${quantityText(f.num)} ÷ ${quantityText(f.den)} = ${percentText(share)}（${threshold}，${ok ? '符合' : '不符合'}）`,
  );
  return {
    line: line(key, meta, { value: percentText(share), threshold, status: isMet(ok), note: f.note }),
    share,
  };
}

/** What each kind's evaluator returns; evaluate() adds the set, the missing list and the verdict. */
export interface KindResult {
  indicators: IndicatorResult[];
  status: Status;
  route?: string;
  score?: ScoreResult;
}

/** The better of options (a score taken on whichever measure gives more). */
export function bestOf(...options: Points[]): Points {
  const low = Math.max(...options.map((o) => o.low));
  const high = Math.max(...options.map((o) => o.high));
  return { low, high, missing: low === high ? [] : options.filter((o) => o.high > low).flatMap((o) => o.missing) };
}

/** Any Class I item gives `class1Points`; otherwise the Class II bands. */
export function class1ElseClass2(class1Points: BandPoints, class2Bands: readonly Band[], c1: CountInfo, c2: CountInfo): Points {
  const [lo1, hi1] = range(class1Points);
  if (c1.low >= 1) return { low: lo1, high: hi1, missing: [] };
  const p2 = countBandPoints(class2Bands, c2);
  return c1.exact ? p2 : { low: p2.low, high: Math.max(hi1, p2.high), missing: [...c1.missing, ...p2.missing] };
}

/** Points of bands on a share num ÷ den, or open (0 to max) naming what is missing; a zero denominator scores 0. */
export function shareBandPoints(
  bands: readonly Band[],
  maxPoints: number,
  num: number | bigint | undefined,
  den: number | bigint | undefined,
  missing: string[],
): { points: Points; share: Ratio | null } {
  if (num === undefined || den === undefined) return { points: { low: 0, high: maxPoints, missing }, share: null };
  if (BigInt(den) === 0n) return { points: exactly(0), share: null };
  const share = percentOf(num, den);
  return { points: bandPoints(bands, share), share };
}
