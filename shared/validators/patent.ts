/**
 * Chinese patent application / patent numbers (CNIPA).
 * Since 2003: 4-digit year, 1 type digit, 7-digit serial, then a check digit after a dot.
 * Before 2003: 8 digits plus check. Check = Σ digit·weight mod 11 with weights
 * 2 3 4 5 6 7 8 9 2 3 4 5 from the left; 10 is written X. "ZL" marks a granted patent.
 */
import { toHalfWidth } from './text';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export type PatentType = 'invention' | 'utility' | 'design' | 'pct-invention' | 'pct-utility';

const TYPE_BY_DIGIT: Record<string, PatentType> = {
  '1': 'invention',
  '2': 'utility',
  '3': 'design',
  '8': 'pct-invention',
  '9': 'pct-utility',
};

export type PatentCheck =
  | { valid: true; normalized: string; digits: string; type: PatentType; filingYear: number; granted: boolean }
  | { valid: false; normalized: string; reason: string };

export function patentCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Strips the ZL prefix, spaces, the dot and full-width characters people paste. */
function clean(raw: string): { body: string; hasZl: boolean } {
  let s = toHalfWidth(raw)
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
  const hasZl = s.startsWith('ZL');
  if (hasZl) s = s.slice(2);
  s = s.replace(/^CN/, '').replace(/[.·．]/g, '');
  return { body: s, hasZl };
}

export function checkPatent(raw: string): PatentCheck {
  const { body, hasZl } = clean(raw);
  if (!/^\d+[\dX]$/.test(body)) {
    return { valid: false, normalized: body, reason: '专利号只能包含数字，末位校验位可为 X' };
  }
  const length = body.length - 1;
  if (length !== 12 && length !== 8) {
    return {
      valid: false,
      normalized: body,
      reason: `专利号应为 12 位（2003 年起）或 8 位（2003 年前）加 1 位校验位，实际 ${body.length} 位`,
    };
  }
  const digits = body.slice(0, length);
  const given = body[length]!;
  let type: PatentType | undefined;
  let filingYear: number;
  if (length === 12) {
    filingYear = Number(digits.slice(0, 4));
    type = TYPE_BY_DIGIT[digits[4]!];
    if (filingYear < 2003) {
      return { valid: false, normalized: body, reason: `12 位专利号的年份应不早于 2003 年，实际 ${filingYear}` };
    }
  } else {
    const yy = Number(digits.slice(0, 2));
    filingYear = yy >= 85 ? 1900 + yy : 2000 + yy;
    type = TYPE_BY_DIGIT[digits[2]!];
    if (filingYear >= 2003) {
      return { valid: false, normalized: body, reason: '8 位专利号只用于 2003 年以前的申请' };
    }
  }
  if (!type) {
    return { valid: false, normalized: body, reason: `专利类型位“${length === 12 ? digits[4] : digits[2]}”无效（应为 1、2、3、8 或 9）` };
  }
  const expected = patentCheckDigit(digits);
  const normalized = `${hasZl ? 'ZL' : ''}${digits}.${given}`;
  if (expected !== given) {
    return { valid: false, normalized, reason: `校验位错误：应为“${expected}”，实际为“${given}”` };
  }
  return { valid: true, normalized, digits, type, filingYear, granted: hasZl };
}
