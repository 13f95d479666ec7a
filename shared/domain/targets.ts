/**
 * Yearly targets per district and the progress against them. One record per district and year,
 * its id made of both, so two officers setting the same target offline edit one record (a
 * conflict to settle) rather than making two.
 */
import type { District } from './districts';

export const targetId = (district: District, year: number): string => `target-${year}-${district}`;

export interface TargetProgress {
  year: number;
  /** The districts whose targets are summed (those of the filter that have one). */
  districts: District[];
  registrations: { target: number; actual: number; share: number | null } | null;
  amountFen: { target: number; actual: number; share: number | null } | null;
}

interface TargetRow {
  district: District;
  registrations: number | null;
  amountFen: number | null;
}

/**
 * The targets of the year summed over the districts that set one, each against what those same
 * districts registered in the year so far (a district without a target adds to neither side).
 */
export function targetProgress(
  year: number,
  targets: readonly TargetRow[],
  actual: ReadonlyMap<District, { count: number; amountFen: number }>,
): TargetProgress | null {
  if (targets.length === 0) return null;
  const part = (pick: (t: TargetRow) => number | null, got: (a: { count: number; amountFen: number }) => number) => {
    const set = targets.filter((t) => pick(t) !== null);
    if (set.length === 0) return null;
    const target = set.reduce((s, t) => s + pick(t)!, 0);
    const done = set.reduce((s, t) => s + got(actual.get(t.district) ?? { count: 0, amountFen: 0 }), 0);
    return { target, actual: done, share: target > 0 ? done / target : null };
  };
  return {
    year,
    districts: targets.map((t) => t.district),
    registrations: part(
      (t) => t.registrations,
      (a) => a.count,
    ),
    amountFen: part(
      (t) => t.amountFen,
      (a) => a.amountFen,
    ),
  };
}
