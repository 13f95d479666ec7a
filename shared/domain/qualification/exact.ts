/**
 * Exact arithmetic for the qualification checks: amounts are integer fen, and every ratio is
 * a fraction of BigInts compared with its threshold exactly, so 5,000 万元 and 5,000 万元 + 1 分
 * fall on the right side of a band. Only the display rounds (half away from zero).
 */

/** n / d with d > 0. */
export interface Ratio {
  n: bigint;
  d: bigint;
}

export function ratio(n: number | bigint, d: number | bigint): Ratio {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('分母不能为 0');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  return { n: nn, d: dd };
}

/** The same ratio in percent (× 100). */
export const inPercent = (r: Ratio): Ratio => ({ n: r.n * 100n, d: r.d });

/** a / b in percent. */
export const percentOf = (a: number | bigint, b: number | bigint): Ratio => inPercent(ratio(a, b));

const SCALE = 1_000_000n;
/** A threshold × 10^6 as a BigInt: integers exactly (fen can pass 2^53 / 10^6), decimals to 6 places. */
function scaled(x: number): bigint {
  return Number.isInteger(x) ? BigInt(x) * SCALE : BigInt(Math.round(x * 1_000_000));
}

/** Sign of r − x. */
export function compare(r: Ratio, x: number): -1 | 0 | 1 {
  const a = r.n * SCALE;
  const b = scaled(x) * r.d;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sign of a − b. */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "12345678" → "12,345,678". */
function group(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** r rounded half away from zero to `decimals` places, as text ("5.00"). */
export function roundText(r: Ratio, decimals = 2): string {
  const neg = r.n < 0n;
  const abs = neg ? -r.n : r.n;
  const unit = 10n ** BigInt(decimals);
  const q = (abs * unit * 2n + r.d) / (2n * r.d);
  const whole = q / unit;
  const frac = (q % unit).toString().padStart(decimals, '0');
  const text = decimals > 0 ? `${group(whole.toString())}.${frac}` : group(whole.toString());
  return neg && q !== 0n ? `-${text}` : text;
}

/** A ratio already in percent: "12.35%" (two decimals, half away from zero). */
export const percentText = (r: Ratio): string => `${roundText(r)}%`;

function trimZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

const WAN_TEXTS = new Map<number, string>();

/** Fen as 万元, exactly (1 分 = 0.000001 万元), trailing zeros dropped: "5,000 万元", "5,000.000001 万元". */
export function wan(fen: number | bigint): string {
  if (typeof fen === 'number' && Number.isSafeInteger(fen)) {
    // The common case, in plain numbers and remembered: a district's self-check formats the
    // same thresholds millions of times.
    let text = WAN_TEXTS.get(fen);
    if (text === undefined) {
      const abs = Math.abs(fen);
      const frac = trimZeros(String(abs % 1_000_000).padStart(6, '0'));
      text = `${fen < 0 ? '-' : ''}${group(String(Math.floor(abs / 1_000_000)))}${frac ? `.${frac}` : ''} 万元`;
      if (WAN_TEXTS.size >= 50_000) WAN_TEXTS.clear();
      WAN_TEXTS.set(fen, text);
    }
    return text;
  }
  const f = BigInt(fen);
  const neg = f < 0n;
  const abs = neg ? -f : f;
  const whole = abs / 1_000_000n;
  const frac = trimZeros((abs % 1_000_000n).toString().padStart(6, '0'));
  return `${neg ? '-' : ''}${group(whole.toString())}${frac ? `.${frac}` : ''} 万元`;
}

export const sumFen = (xs: readonly number[]): bigint => xs.reduce((s, x) => s + BigInt(x), 0n);
