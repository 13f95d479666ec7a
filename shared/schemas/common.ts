import { z } from 'zod';
import { addDays, isIsoDate, todayIso } from '../domain/dates';
import { formatChineseAmount } from '../money';

/**
 * Building blocks of every schema. Each bound here is a realistic limit with a Chinese message
 * in the user's units: a value outside it is refused where it is typed (the forms validate with
 * these same schemas) and by the service, never clamped or changed.
 */

/** Dates outside these years are typing mistakes, and past 9999 ISO strings stop sorting. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2199-12-31';

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期应为有效的 YYYY-MM-DD' })
  .refine((d) => d >= DATE_MIN && d <= DATE_MAX, { message: '日期应在 1900 年至 2199 年之间' });

/** C0/C1 control characters other than tab and line breaks, and UTF-16 halves without a partner. */
const BAD_TEXT =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where a text holds a character that cannot be stored or exported faithfully (null when clean). */
export function badCharacterAt(s: string): number | null {
  const m = BAD_TEXT.exec(s);
  return m ? m.index : null;
}

export const cleanText = (s: z.ZodString) =>
  s.refine((v) => badCharacterAt(v) === null, { message: '含有不可见的控制字符或无效字符，请删除后重试' });

export const shortText = (max: number) => cleanText(z.string().trim().max(max, `不能超过 ${max} 个字符`));

export const id = z.string().min(1).max(64);

/** Upper bounds of amounts, in fen. */
export const MAX_FEN = {
  /** One loan, a need, a secured debt, a value: 100 亿元. */
  loan: 1_000_000_000_000,
  /** One payment or fee: 10 亿元. */
  payment: 100_000_000_000,
  /** An enterprise's capital, revenue or R&D: 1 万亿元. */
  enterprise: 100_000_000_000_000,
} as const;

/**
 * An amount in integer fen between `min` and `max`, with messages naming the field and the
 * bound in 元 / 万元 / 亿元.
 */
export function fenAmount(label: string, opts: { min?: number; max?: number } = {}) {
  const min = opts.min ?? 0;
  const max = opts.max ?? MAX_FEN.loan;
  return z
    .number({ message: `${label}应为数字` })
    .int(`${label}应精确到分`)
    .min(min, min <= 0 ? `${label}不能为负` : min === 1 ? `${label}应大于 0` : `${label}不能低于 ${formatChineseAmount(min, 0)}`)
    .max(max, `${label}不能超过 ${formatChineseAmount(max, 0)}`);
}

/** A generic non-negative amount (catalogue and policy data); forms use fenAmount with a label. */
export const fen = fenAmount('金额');

/** A bounded number with messages naming the field: counts, months, percentages. */
export function boundedNumber(label: string, min: number, max: number, opts: { int?: boolean; unit?: string } = {}) {
  const unit = opts.unit ?? '';
  const base = z.number({ message: `${label}应为数字` }).finite(`${label}应为有限的数字`);
  return (opts.int ? base.int(`${label}应为整数`) : base)
    .min(min, `${label}不能小于 ${min}${unit}`)
    .max(max, `${label}不能大于 ${max}${unit}`);
}

/**
 * A date that has already happened (a founding, a payment, a registration). One day of slack
 * allows for a server in another zone or a clock slightly behind.
 */
export function pastDate(label: string) {
  return isoDate.refine((d) => d <= addDays(todayIso(), 1), { message: `${label}不能晚于今天` });
}
