/**
 * Money is stored and computed as integer fen (分). These helpers parse user input and
 * format for display in 元, 万元 or 亿元 without floating-point drift.
 */
export type Fen = number;

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`金额必须是以分为单位的整数，实际为 ${value}`);
  return value;
}

/** What people type for a number: full-width digits, grouping commas, spaces and currency marks removed. */
function normalizeNumberText(text: string): string {
  return text
    .replace(/[\s,，￥¥]/g, '')
    .replace(/[\uFF10-\uFF19．－]/g, (c) => (c === '．' ? '.' : c === '－' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export type DecimalParse = { ok: true; value: number } | { ok: false; reason: 'not_a_number' | 'too_precise' | 'too_large' };

/**
 * A typed decimal as an integer count of 10^-decimals units, exactly (no floating point):
 * ("1,234.5", 2) → 123450 fen; ("0.000001", 6) → 1 (1 fen as 万元). Negative values are
 * returned as such, so a range check can name them instead of losing the sign.
 */
export function parseDecimalUnits(text: string, decimals: number): DecimalParse {
  const m = /^([-+])?(\d+)(?:\.(\d*))?$|^([-+])?\.(\d+)$/.exec(normalizeNumberText(text));
  if (!m) return { ok: false, reason: 'not_a_number' };
  const sign = (m[1] ?? m[4]) === '-' ? -1 : 1;
  const whole = m[2] ?? '0';
  const frac = (m[3] ?? m[5] ?? '').replace(/0+$/, '');
  if (frac.length > decimals) return { ok: false, reason: 'too_precise' };
  const value = Number(whole) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: sign * value || 0 };
}

/** Parses "1,234.5", "１２３４.５６" or "-8" (yuan) into fen; null when not a valid amount. */
export function parseYuan(text: string): Fen | null {
  const r = parseDecimalUnits(text.replace(/元$/, ''), 2);
  return r.ok ? r.value : null;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1,234.56" from 123456 fen, exact (integer arithmetic only). */
export function formatYuan(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(yuan))}.${cents}`;
}

/** Picks 元, 万元 or 亿元 so the figure stays readable; at most `digits` decimals. */
export function formatChineseAmount(fen: Fen, digits = 2): string {
  assertFen(fen);
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return `${(yuan / 1e8).toFixed(digits)} 亿元`;
  if (abs >= 1e4) return `${(yuan / 1e4).toFixed(digits)} 万元`;
  return `${formatYuan(fen)} 元`;
}

/** An amount in 万元 as lists and reports show it: "1,234.5 万元" (at most 2 decimals, a no-break space before the unit). */
export function formatWan(fen: Fen): string {
  assertFen(fen);
  return `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}\u00a0万元`;
}
