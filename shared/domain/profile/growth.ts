/** Growth and R&D intensity from the years a steward typed (integer fen; shown to 0.1%). */
import type { QualificationYear } from '../../schemas/criteria';

export interface YearFigures {
  year: number;
  revenueFen: number | null;
  rdFen: number | null;
  /** R&D / revenue, null without both. */
  rdIntensity: number | null;
  /** Revenue against the year before, null without both. */
  revenueGrowth: number | null;
  netAssetsFen: number | null;
}

export interface Growth {
  years: YearFigures[];
  /** Revenue CAGR from the first to the last year given, null with fewer than two. */
  revenueCagr: number | null;
}

export function growthOf(input: readonly QualificationYear[] | undefined): Growth {
  const ys = [...(input ?? [])].sort((a, b) => a.year - b.year);
  const years = ys.map((y, i): YearFigures => {
    const prev = i > 0 && ys[i - 1]!.year === y.year - 1 ? ys[i - 1]!.revenueFen : undefined;
    return {
      year: y.year,
      revenueFen: y.revenueFen ?? null,
      rdFen: y.rdFen ?? null,
      rdIntensity: y.rdFen !== undefined && y.revenueFen ? y.rdFen / y.revenueFen : null,
      revenueGrowth: prev && y.revenueFen !== undefined ? y.revenueFen / prev - 1 : null,
      netAssetsFen: y.netAssetsFen ?? null,
    };
  });
  const first = years.find((y) => y.revenueFen);
  const last = [...years].reverse().find((y) => y.revenueFen);
  const span = first && last ? last.year - first.year : 0;
  const revenueCagr = first && last && span > 0 ? (last.revenueFen! / first.revenueFen!) ** (1 / span) - 1 : null;
  return { years, revenueCagr };
}
