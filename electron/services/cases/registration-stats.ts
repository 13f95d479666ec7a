import type { Database } from 'better-sqlite3';
import { PLEDGE_WAS_REGISTERED } from '../../../shared/domain/case-statuses';
import type { RegistrationStats, StatRow } from '../../../shared/types/case';

const growth = (now: number, before: number | undefined) => (before ? (now - before) / before : null);

/**
 * Pledge registrations as the annual typical-cases list reports them: 笔数 (registrations
 * CNIPA recorded), 登记金额 (the secured amount, else the loan) and 同比增长, by year, and by
 * district and by bank for one year (the latest by default).
 */
export function registrationStats(db: Database, year?: string): RegistrationStats {
  const base = `FROM pledges p JOIN cases c ON c.id = p.case_id JOIN enterprises e ON e.id = c.enterprise_id
    WHERE p.reg_no <> '' AND p.reg_date IS NOT NULL AND p.status IN (${PLEDGE_WAS_REGISTERED.map((s) => `'${s}'`).join(', ')})`;
  const amount = 'coalesce(sum(coalesce(p.secured_fen, p.loan_fen)), 0)';
  const years = db
    .prepare(`SELECT substr(p.reg_date, 1, 4) AS year, count(*) AS count, ${amount} AS amountFen ${base} GROUP BY year ORDER BY year`)
    .all() as { year: string; count: number; amountFen: number }[];
  const prev = new Map(years.map((y) => [String(Number(y.year) + 1), y]));
  const byYear = years.map((y) => ({
    ...y,
    countGrowth: growth(y.count, prev.get(y.year)?.count),
    amountGrowth: growth(y.amountFen, prev.get(y.year)?.amountFen),
  }));
  const chosen = year ?? years.at(-1)?.year ?? null;
  if (!chosen) return { year: null, byYear, byDistrict: [], byBank: [] };
  const last = String(Number(chosen) - 1);
  const grouped = <K extends string>(column: string, key: K) => {
    const rows = db
      .prepare(
        `SELECT ${column} AS k, substr(p.reg_date, 1, 4) AS year, count(*) AS count, ${amount} AS amountFen ${base} AND substr(p.reg_date, 1, 4) IN (?, ?) GROUP BY k, year`,
      )
      .all(chosen, last) as { k: string; year: string; count: number; amountFen: number }[];
    const before = new Map(rows.filter((r) => r.year === last).map((r) => [r.k, r]));
    return rows
      .filter((r) => r.year === chosen)
      .map(
        (r) =>
          ({
            [key]: r.k,
            count: r.count,
            amountFen: r.amountFen,
            countGrowth: growth(r.count, before.get(r.k)?.count),
            amountGrowth: growth(r.amountFen, before.get(r.k)?.amountFen),
          }) as StatRow & Record<K, string>,
      )
      .sort((a, b) => b.amountFen - a.amountFen);
  };
  return {
    year: chosen,
    byYear,
    byDistrict: grouped('e.district', 'district') as RegistrationStats['byDistrict'],
    byBank: grouped("coalesce(nullif(p.bank, ''), '（未填）')", 'bank'),
  };
}
