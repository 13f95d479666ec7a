/**
 * Lines of a check (the pre-loan checklist, the pre-filing check), and the lines one IP item
 * contributes to either: every reason its record shows, and the debt period against its
 * expiry. Risk and confirm lines are settled once the steward confirms them.
 */
import type { IpKind } from './ip';
import type { Pledgeability, ReasonLevel } from './pledgeability';

export interface CheckLine {
  code: string;
  level: ReasonLevel | 'ok';
  subject: string;
  message: string;
  /** Set when the steward can settle this line by confirming it. */
  confirmKey?: string;
  confirmed?: boolean;
}

export interface CheckedItem {
  id: string;
  label: string;
  kind: IpKind;
  assessment: Pledgeability;
}

/** A line that still stops the case: a refusal, or a confirmation not given yet. */
export const isOpen = (l: CheckLine): boolean => l.level === 'block' || (l.confirmKey !== undefined && !l.confirmed);

/** A line the steward settles by confirming it under `confirmKey`, with whether they have. */
export function confirmable(line: CheckLine & { confirmKey: string }, confirmations: Record<string, boolean>): CheckLine {
  return { ...line, confirmed: confirmations[line.confirmKey] === true };
}

/** `debt` is when the debt ends and how to say where that date comes from (may be empty). */
export function itemLines(
  item: CheckedItem,
  debt: { end: string; basis: string } | null,
  confirmations: Record<string, boolean>,
): CheckLine[] {
  const lines = item.assessment.reasons.map((r): CheckLine => {
    const line: CheckLine = { code: r.code, level: r.level, subject: item.label, message: r.message };
    return r.level === 'risk' || r.level === 'confirm' ? confirmable({ ...line, confirmKey: `${item.id}:${r.code}` }, confirmations) : line;
  });
  const exp = item.assessment.expiresOn;
  // A trademark renews every 10 years, so its current term does not bound the debt.
  if (debt && exp && item.kind !== 'trademark' && debt.end >= exp) {
    lines.push({
      code: 'debt_past_expiry',
      level: 'block',
      subject: item.label,
      message: `${debt.basis}债务履行期至 ${debt.end}，超过保护期届满日 ${exp}`,
    });
  }
  return lines;
}
