import { formatWan } from '../../../shared/money';
/**
 * fen → "1,234.5 万元" for lists where amounts are in the tens of thousands. The space before
 * the unit does not break, so a narrow column never leaves 万元 on a line of its own.
 */
export function fenToWanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatWan(fen);
}

/** fen → 万元 for a form field. */
export function fenToWan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 1_000_000;
}

/** 元 typed in a form → fen (rounded to the fen). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 万元 typed in a form → fen (rounded to the fen). */
export function wanToFen(wan: number | null | undefined): number | null {
  return wan === null || wan === undefined ? null : Math.round(wan * 1_000_000);
}
