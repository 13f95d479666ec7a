/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 * 18 characters from a 31-symbol alphabet (no I O S V Z); the last is a check character
 * computed with weights 3^k mod 31 over the first 17.
 */
import { toHalfWidth } from './text';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck = { valid: true; normalized: string } | { valid: false; normalized: string; reason: string };

/** Upper-cases and drops spaces and hyphens people type or paste from forms. */
export function normalizeUscc(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function checkUscc(raw: string): UsccCheck {
  const normalized = normalizeUscc(raw);
  if (normalized.length !== 18) {
    return { valid: false, normalized, reason: `统一社会信用代码应为 18 位，实际 ${normalized.length} 位` };
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(normalized[i]!)) {
      return { valid: false, normalized, reason: `第 ${i + 1} 位字符“${normalized[i]}”不允许（不得含 I、O、S、V、Z）` };
    }
  }
  const expected = usccCheckChar(normalized.slice(0, 17));
  if (expected !== normalized[17]) {
    return { valid: false, normalized, reason: `校验码错误：应为“${expected}”，实际为“${normalized[17]}”` };
  }
  return { valid: true, normalized };
}
