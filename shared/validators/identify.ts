import { checkPatent } from './patent';
import { toHalfWidth } from './text';
import { checkUscc } from './uscc';

export type IdKind = 'uscc' | 'patent' | 'unknown';
export interface IdResult {
  kind: IdKind;
  valid: boolean;
  normalized: string | null;
  reason: string | null;
}

/**
 * Decides what a typed identifier is meant to be, then validates it as that.
 * A credit code has 18 characters from an alphanumeric alphabet; a patent number is at most
 * 13 digits (the last may be X), often with a ZL prefix or a dot before the check digit.
 */
export function identify(raw: string): IdResult {
  const compact = toHalfWidth(raw)
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
  if (compact === '') return { kind: 'unknown', valid: false, normalized: null, reason: '输入为空' };
  const digitsOnly = compact.replace(/^(ZL|CN)/, '').replace(/[.·]/g, '');
  const patentShaped = /^\d{6,15}X?$/.test(digitsOnly) && digitsOnly.length <= 14;
  if (compact.startsWith('ZL') || compact.includes('.') || patentShaped) {
    const p = checkPatent(raw);
    return { kind: 'patent', valid: p.valid, normalized: p.normalized, reason: p.valid ? null : p.reason };
  }
  if (/^[0-9A-Z]{15,20}$/.test(compact)) {
    const u = checkUscc(raw);
    return { kind: 'uscc', valid: u.valid, normalized: u.normalized, reason: u.valid ? null : u.reason };
  }
  return { kind: 'unknown', valid: false, normalized: null, reason: '无法识别：既不是统一社会信用代码，也不是专利号' };
}
