import { addYears, daysBetween } from '../../../shared/domain/dates';
import { legalExpiry, type IpKind } from '../../../shared/domain/ip';

export interface YearWindow {
  t: number;
  from: string;
  to: string;
  /** Share of the year's days before the legal expiry (1 when the year is whole, 0 after). */
  fraction: number;
}

/**
 * The end of the legal term that caps income. A trademark renews without limit, so only its
 * economic life (the revenue years given) bounds it.
 */
export function incomeExpiry(asset: {
  kind: IpKind;
  filingDate?: string;
  registrationDate?: string;
  validUntil?: string;
  publishedOn?: string;
}): string | null {
  return asset.kind === 'trademark' ? null : legalExpiry(asset);
}

/** Year t covers [date + (t−1) years, date + t years); a year cut by the expiry counts its share of days. */
export function yearWindows(valuationDate: string, years: number, expiry: string | null): YearWindow[] {
  return Array.from({ length: years }, (_, i) => {
    const from = addYears(valuationDate, i);
    const to = addYears(valuationDate, i + 1);
    let fraction = 1;
    if (expiry !== null) {
      if (expiry <= from) fraction = 0;
      else if (expiry < to) fraction = daysBetween(from, expiry) / daysBetween(from, to);
    }
    return { t: i + 1, from, to, fraction };
  });
}
