/**
 * The dashboard's figures against values worked out by hand from a small seeded store: counts
 * and sums, 同比 against a zero base and with no base, empty months, registrations changed or
 * cancelled within the period, a loan across a year boundary, the time from first visit.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../shared/domain/dates';
import { growthText } from '../../../shared/domain/stats';
import { statsFilter } from '../../../shared/schemas/stats';
import { seedStatsFixture } from '../../../test/support/stats-fixture';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { listCases } from '../cases/repository';
import { caseFilter } from '../../../shared/schemas/case';
import { listTargets, saveTarget } from '../targets/repository';
import { dashboard } from './dashboard';

const tmp = tempDir();
let db: Database;
const NOW = '2026-11-22T08:00:00.000Z';
beforeAll(() => {
  db = openDatabase({ file: path.join(tmp.dir, 'd.sqlite') }).db;
  seedStatsFixture(db);
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const year = (y: number, extra: Record<string, unknown> = {}) => statsFilter.parse({ from: `${y}-01-01`, to: `${y}-12-31`, ...extra });

describe('the officer dashboard', () => {
  it('counts registrations and amounts of a year with 同比, by district, bank and kind, and every month', () => {
    const d = dashboard(db, year(2026), NOW);
    const r = d.registrations;
    // 400,000,000 + 123,456,789 + 100,000,000 (secured, else the loan).
    expect(r.total).toMatchObject({ count: 3, amountFen: 623_456_789 });
    expect(r.total.countGrowth).toEqual({ kind: 'ratio', value: 0.5 });
    expect(r.total.amountGrowth).toEqual({ kind: 'ratio', value: 623_456_789 / 400_000_000 - 1 });
    expect(r.byDistrict.map((s) => [s.key, s.count, s.amountFen, growthText(s.countGrowth)])).toEqual([
      ['南山', 2, 523_456_789, '0.0%'],
      ['宝安', 1, 100_000_000, '上年同期为 0'],
    ]);
    expect(r.byBank.map((s) => [s.key, s.count, growthText(s.countGrowth)])).toEqual([
      ['中国银行', 1, '-50.0%'],
      ['招商银行', 1, '上年同期为 0'],
      ['微众银行', 1, '上年同期为 0'],
    ]);
    expect(r.byKind.map((s) => [s.key, s.count])).toEqual([
      ['invention', 1],
      ['utility', 1],
      ['software', 1],
    ]);
    // Twelve months, the empty ones as zero.
    expect(r.byMonth).toHaveLength(12);
    expect(r.byMonth.filter((m) => m.count > 0).map((m) => m.month)).toEqual(['2026-01', '2026-05', '2026-08']);
    expect(r.byMonth.find((m) => m.month === '2026-02')).toEqual({ month: '2026-02', count: 0, amountFen: 0 });
  });

  it('says when there is no base year instead of dividing by it', () => {
    const d = dashboard(db, year(2025), NOW);
    expect(d.registrations.total).toMatchObject({ count: 2, amountFen: 400_000_000 });
    expect(growthText(d.registrations.total.countGrowth)).toBe('无上年同期数据');
    expect(d.registrations.byKind.map((s) => s.key)).toEqual(['invention', 'mixed']);
  });

  it('filters by district, bank and steward, and a short period', () => {
    expect(dashboard(db, year(2026, { districts: ['宝安'] }), NOW).registrations.total).toMatchObject({ count: 1, amountFen: 100_000_000 });
    expect(dashboard(db, year(2026, { bank: '中国银行' }), NOW).registrations.total).toMatchObject({ count: 1, amountFen: 400_000_000 });
    expect(dashboard(db, year(2026, { steward: '王管家' }), NOW).registrations.total).toMatchObject({ count: 2 });
    const q2 = dashboard(db, statsFilter.parse({ from: '2026-04-01', to: '2026-06-30' }), NOW);
    expect(q2.registrations.total).toMatchObject({ count: 1, amountFen: 123_456_789 });
    expect(q2.registrations.byMonth.map((m) => m.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    // 2025 Q2 had one registration (100,000,000): the base is the same months a year before.
    expect(q2.registrations.total.countGrowth).toEqual({ kind: 'ratio', value: 0 });
  });

  it('gives the pipeline, days from first visit, subsidies and steward workload', () => {
    const d = dashboard(db, year(2026), NOW);
    // Opened in 2026: five cases; financed (a registered pledge): two; a draft or a refusal is not a loan.
    expect(d.pipeline).toEqual({ opened: 5, loaned: 2, registered: 2, conversion: 2 / 5 });
    // Registered in 2026: first visits 2025-12-22 → loan 2025-12-30 (8 d) / reg 2026-01-10 (19 d);
    // 2026-02-03 → 2026-04-20 (76 d) / 2026-05-01 (87 d); 2026-03-02 → 2026-07-25 (145 d) / 2026-08-01 (152 d).
    expect(d.days.toLoan).toEqual({ n: 3, median: 76, p25: 42, p75: 110.5 });
    expect(d.days.toRegistration).toMatchObject({ n: 3, median: 87 });
    expect(d.subsidies.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'paid', count: 1, amountFen: 2_000_000, approvedFen: 1_800_000, paidFen: 1_800_000 },
      { status: 'submitted', count: 1, amountFen: 500_000, approvedFen: 0, paidFen: 0 },
    ]);
    expect(d.workload).toEqual([
      { steward: '李管家', openCases: 5, visits: 2, registrations: 1, amountFen: 400_000_000 },
      { steward: '王管家', openCases: 2, visits: 2, registrations: 2, amountFen: 223_456_789 },
    ]);
    // Every case is in 南山 or 宝安: the two districts' workloads add up to the whole (the joins a filter needs).
    const add = new Map<string, number[]>();
    for (const district of ['南山', '宝安'])
      for (const w of dashboard(db, year(2026, { districts: [district] }), NOW).workload) {
        const a = add.get(w.steward) ?? [0, 0, 0, 0];
        add.set(w.steward, [a[0]! + w.openCases, a[1]! + w.visits, a[2]! + w.registrations, a[3]! + w.amountFen]);
      }
    expect(Object.fromEntries(add)).toEqual(
      Object.fromEntries(d.workload.map((w) => [w.steward, [w.openCases, w.visits, w.registrations, w.amountFen]])),
    );
    expect(d.asOf).toBe(NOW);
  });

  it('drills down from every segment to exactly the cases behind it', () => {
    const f = year(2026);
    const d = dashboard(db, f, NOW);
    const cases = (extra: Record<string, unknown>) =>
      listCases(db, { ...caseFilter.parse({ includeClosed: true, regFrom: f.from, regTo: f.to, ...extra }), offset: 0, limit: 500 });
    expect(cases({}).total).toBe(d.registrations.total.count);
    for (const s of d.registrations.byBank) expect(cases({ bank: s.key }).total).toBe(s.count);
    for (const s of d.registrations.byDistrict) expect(cases({ districts: [s.key] }).total).toBe(s.count);
    for (const s of d.registrations.byKind) expect(cases({ ipKind: s.key }).total).toBe(s.count);
    for (const m of d.registrations.byMonth) {
      const first = `${m.month}-01`;
      expect(cases({ regFrom: first, regTo: addDays(addMonths(first, 1), -1) }).total).toBe(m.count);
    }
  });

  it('refuses a period that ends before it starts, at the field', () => {
    const r = statsFilter.safeParse({ from: '2026-05-01', to: '2026-04-01' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['to'], message: '结束日期不能早于开始日期' });
  });
});

describe('yearly targets', () => {
  it('shows progress against the districts’ targets, each part summed over the districts that set it', () => {
    const who = { actor: '光明专员', now: NOW };
    saveTarget(db, { district: '南山', year: 2026, registrations: 4, amountFen: 1_000_000_000 }, who);
    saveTarget(db, { district: '宝安', year: 2026, amountFen: 200_000_000 }, who);
    expect(dashboard(db, year(2026), NOW).targets).toEqual({
      year: 2026,
      districts: ['南山', '宝安'].sort(),
      // Only 南山 set a count: its 2 against 4.
      registrations: { target: 4, actual: 2, share: 0.5 },
      amountFen: { target: 1_200_000_000, actual: 623_456_789, share: 623_456_789 / 1_200_000_000 },
    });
    expect(dashboard(db, year(2026, { districts: ['宝安'] }), NOW).targets).toEqual({
      year: 2026,
      districts: ['宝安'],
      registrations: null,
      amountFen: { target: 200_000_000, actual: 100_000_000, share: 0.5 },
    });
    // Targets are per district: none under a bank filter, none for a year without any.
    expect(dashboard(db, year(2026, { bank: '中国银行' }), NOW).targets).toBeNull();
    expect(dashboard(db, year(2025), NOW).targets).toBeNull();
    // Setting it again edits the one record of that district and year.
    saveTarget(db, { district: '南山', year: 2026, registrations: 8, amountFen: 1_000_000_000 }, who);
    expect(listTargets(db, 2026).map((t) => [t.district, t.registrations])).toEqual(
      [
        ['南山', 8],
        ['宝安', null],
      ].sort(),
    );
  });

  it('refuses a year or an amount out of range at its field, in Chinese', () => {
    const who = { actor: '光明专员', now: NOW };
    expect(() => saveTarget(db, { district: '南山', year: 1999, registrations: 1 }, who)).toThrow(/年份不能小于 2000/);
    expect(() => saveTarget(db, { district: '南山', year: 2026, registrations: -1 }, who)).toThrow(/目标笔数不能小于 0/);
    expect(() => saveTarget(db, { district: '南山', year: 2026, registrations: 1.5 }, who)).toThrow(/目标笔数应为整数/);
    expect(listTargets(db, 1999)).toEqual([]);
  });
});
