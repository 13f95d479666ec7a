/**
 * Numbers typed into forms. A field keeps the text as typed; its rule converts it to the stored
 * unit and checks it with the same zod schema the service uses, so an out-of-range value is
 * refused at the field with the schema's Chinese message, and nothing is clamped or rounded
 * (antd's InputNumber clamps to min/max on blur: lint forbids it in favour of NumberInput).
 */
import type { FormRule } from 'antd';
import type { ZodType } from 'zod';
import { parseDecimalUnits } from '../../../shared/money';

/** How a field's text maps to what is stored. */
export interface NumberUnit {
  /** The stored value for a typed text, or the reason it has none. */
  read(text: string): { ok: true; value: number } | { ok: false; message: string; tooLarge?: boolean };
  /** The text a stored value is shown as in the field. */
  write(value: number): string;
}

/** Money: an exact count of fen from a decimal with `places` digits after the point. */
const decimals = (places: number, tooPrecise: string): NumberUnit => ({
  read(text) {
    const r = parseDecimalUnits(text, places);
    if (r.ok) return r;
    return {
      ok: false,
      message: r.reason === 'too_precise' ? tooPrecise : r.reason === 'too_large' ? '数值过大' : '请输入数字',
      tooLarge: r.reason === 'too_large',
    };
  },
  write: (v) => {
    const sign = v < 0 ? '-' : '';
    const abs = Math.abs(v);
    const scale = 10 ** places;
    const frac = String(abs % scale)
      .padStart(places, '0')
      .replace(/0+$/, '');
    return `${sign}${Math.floor(abs / scale)}${frac ? `.${frac}` : ''}`;
  },
});

/** A plain decimal read as a float (rates, multipliers, counts). */
const plain = (scale: number): NumberUnit => ({
  read(text) {
    const r = parseDecimalUnits(text, 10);
    return r.ok
      ? { ok: true, value: r.value / 1e10 / scale }
      : {
          ok: false,
          message: r.reason === 'too_precise' ? '小数位过多' : r.reason === 'too_large' ? '数值过大' : '请输入数字',
          tooLarge: r.reason === 'too_large',
        };
  },
  write: (v) => String(Number((v * scale).toPrecision(12))),
});

export const UNITS = {
  /** Typed in 万元, stored in fen (exact: 6 decimals are one fen). */
  wan: decimals(6, '金额最多精确到分（万元小数点后 6 位）'),
  /** Typed in 元, stored in fen. */
  yuan: decimals(2, '金额最多精确到分（小数点后 2 位）'),
  /** Typed and stored as the number itself. */
  plain: plain(1),
  /** Typed in %, stored as a fraction of one (12 → 0.12). */
  percent: plain(100),
} satisfies Record<string, NumberUnit>;
export type UnitName = keyof typeof UNITS;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The stored value of a field's text; null when blank. Call after the form validated it. */
export function readNumber(text: unknown, unit: UnitName): number | null {
  if (blank(text)) return null;
  const r = UNITS[unit].read(String(text));
  if (!r.ok) throw new RangeError(r.message);
  return r.value;
}

/** The field text for a stored value ('' for none). */
export function numberText(value: number | null | undefined, unit: UnitName): string {
  return value === null || value === undefined ? '' : UNITS[unit].write(value);
}

/** A number schema's bounds, looking through nullable/optional/default wrappers. */
function boundsOf(schema: ZodType): { min: number | null; max: number | null } {
  let inner: unknown = schema;
  for (let i = 0; i < 5 && inner && typeof inner === 'object' && 'unwrap' in inner; i++)
    inner = (inner as { unwrap: () => unknown }).unwrap();
  const n = inner as { minValue?: number | null; maxValue?: number | null };
  return { min: Number.isFinite(n.minValue) ? n.minValue! : null, max: Number.isFinite(n.maxValue) ? n.maxValue! : null };
}

/**
 * A percentage typed for a fraction the schema bounds (12 → 0.12 within (0, 1)): the message
 * names the bound in percent, as typed, rather than the schema's fraction.
 */
function percentMessage(schema: ZodType, label: string, fraction: number): string | null {
  const { min, max } = boundsOf(schema);
  const pct = (v: number) => `${Number((v * 100).toPrecision(12))}%`;
  if (min !== null && fraction <= min) return schema.safeParse(min).success ? `${label}不能低于 ${pct(min)}` : `${label}应大于 ${pct(min)}`;
  if (max !== null && fraction >= max) return schema.safeParse(max).success ? `${label}不能高于 ${pct(max)}` : `${label}应小于 ${pct(max)}`;
  return null;
}

/**
 * A form rule: blank passes (add `required` separately), anything else must read as a number
 * and pass `schema` in its stored unit; the message is the schema's (for a percentage typed
 * for a fraction, its bound in percent, named by `label`).
 */
export function numberRule(schema: ZodType, unit: UnitName, opts: { label?: string } = {}): FormRule {
  return {
    validator: async (_rule, text: unknown) => {
      if (blank(text)) return;
      const r = UNITS[unit].read(String(text));
      // Too large to hold exactly: the schema's upper bound says so in the user's terms.
      if (!r.ok && r.tooLarge)
        throw new Error(schema.safeParse(Number.MAX_SAFE_INTEGER).error?.issues.find((i) => i.code === 'too_big')?.message ?? r.message);
      if (!r.ok) throw new Error(r.message);
      const parsed = schema.safeParse(r.value);
      if (parsed.success) return;
      throw new Error(
        (unit === 'percent' && opts.label ? percentMessage(schema, opts.label, r.value) : null) ??
          parsed.error.issues[0]?.message ??
          '数值不正确',
      );
    },
  };
}
