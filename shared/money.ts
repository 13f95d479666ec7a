/**
 * Money is stored and computed as integer fen (分). These helpers parse user input and
 * format for display in 元, 万元 or 亿元 without floating-point drift.
 */
export type Fen = number;

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`金额必须是以分为单位的整数，实际为 ${value}`);
  return value;
}

/** Parses "1,234.5", "１２３４.５６" or "-8" (yuan) into fen; null when not a valid amount. */
export function parseYuan(text: string): Fen | null {
  const s = text.replace(/[\s,，￥¥元]/g, '').replace(/[\uFF10-\uFF19．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] ? -fen : fen;
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
