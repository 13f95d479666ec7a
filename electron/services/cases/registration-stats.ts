import type { Database } from 'better-sqlite3-multiple-ciphers';
import { growth, registrationFigures, type Segment } from '../../../shared/domain/stats';
import type { District } from '../../../shared/domain/districts';
import type { RegistrationStats, StatRow } from '../../../shared/types/case';
import type { StatsFilter } from '../../../shared/schemas/stats';
import { registrationRows } from '../stats/dashboard';

const row = (s: Segment): StatRow => ({ count: s.count, amountFen: s.amountFen, countGrowth: s.countGrowth, amountGrowth: s.amountGrowth });

/**
 * Pledge registrations as the annual typical-cases list reports them: 笔数, 登记金额 and 同比, by
 * year, and by district and by bank for one year (the latest by default). The rows and the
 * figures are the dashboard's (stats/dashboard.ts, shared/domain/stats.ts): one rule for both.
 */
export function registrationStats(db: Database, year?: string): RegistrationStats {
  // Every registration ever: no district, bank or steward narrows it.
  const everything: StatsFilter = { from: '0001-01-01', to: '9999-12-31', districts: [] };
  const all = registrationRows(db, everything, everything.from, everything.to);
  const perYear = new Map<string, { count: number; amountFen: number }>();
  for (const r of all) {
    const y = perYear.get(r.regDate.slice(0, 4)) ?? { count: 0, amountFen: 0 };
    y.count++;
    y.amountFen += r.amountFen;
    perYear.set(r.regDate.slice(0, 4), y);
  }
  const years = [...perYear.keys()].sort();
  const byYear = years.map((y, i) => {
    const before = i > 0 ? perYear.get(String(Number(y) - 1)) : undefined;
    const now = perYear.get(y)!;
    // The first year with data has no base; a later year without registrations a base of zero.
    const base = i === 0 ? undefined : (before ?? { count: 0, amountFen: 0 });
    return { year: y, ...now, countGrowth: growth(now.count, base?.count), amountGrowth: growth(now.amountFen, base?.amountFen) };
  });
  const chosen = year ?? years.at(-1) ?? null;
  if (!chosen) return { year: null, byYear, byDistrict: [], byBank: [] };
  const inYear = (y: string) => all.filter((r) => r.regDate.startsWith(y));
  const last = String(Number(chosen) - 1);
  const f = registrationFigures(inYear(chosen), inYear(last), { from: `${chosen}-01-01`, to: `${chosen}-12-31` }, years[0]! <= last);
  return {
    year: chosen,
    byYear,
    byDistrict: f.byDistrict.map((s) => ({ district: s.key as District, ...row(s) })),
    byBank: f.byBank.map((s) => ({ bank: s.key, ...row(s) })),
  };
}
