import { describe, expect, it } from 'vitest';
import type { CompensationPool } from '../../schemas/loan';
import { computeCompensation } from './compensation';
import { recoveryByRoute, recoveryOf, type DefaultRecord, type Disposal } from './disposal';
import { poolView, type PoolLoan } from './pool';
import { securityWeakened, watchPledge, type WatchedItem } from './watch';

const patent: WatchedItem = {
  id: 'p1',
  number: 'ZL201910000001.X',
  title: '一种传感器',
  kind: 'invention',
  legalStatus: 'granted',
  filingDate: '2019-03-01',
  feePaidThrough: '2027-03-01',
};

describe('watching the pledged IP', () => {
  it('a fee due before the loan ends: a notice while far, a warning within 60 days, a danger once unpaid, lapsed after the grace', () => {
    const at = (asOf: string) => watchPledge({ items: [patent], events: [], loanEndOn: '2027-06-30', pledgeEndOn: '2027-06-30', asOf });
    expect(at('2026-10-01').map((w) => [w.level, w.code])).toEqual([['notice', 'fee_due_in_loan']]);
    expect(at('2027-01-15').map((w) => [w.level, w.code])).toEqual([['warning', 'fee_due_soon']]);
    const late = at('2027-04-10');
    expect(late).toMatchObject([
      { level: 'danger', code: 'fee_overdue', message: '年费应于 2027-03-01 缴纳，已逾期 40 天（滞纳期至 2027-08-31）' },
    ]);
    expect(securityWeakened(late)).toBe(true);
    expect(at('2027-09-01')[0]).toMatchObject({ level: 'danger', code: 'fee_lapsed' });
    // A fee due after the loan ends is not the loan's concern.
    expect(watchPledge({ items: [patent], events: [], loanEndOn: '2027-02-01', pledgeEndOn: null, asOf: '2026-10-01' })).toEqual([]);
  });

  it('a term ending before the loan, a lapse, an open invalidation request, an ended preservation, a short pledge period', () => {
    const old = { ...patent, id: 'p2', filingDate: '2007-05-01', feePaidThrough: '2027-05-01' }; // expires 2027-05-01
    const w = watchPledge({
      items: [patent, old],
      events: [
        { ipAssetId: 'p1', kind: 'lapse', occurredOn: '2026-09-01', endedOn: null, note: '欠费终止' },
        { ipAssetId: 'p2', kind: 'invalidation_request', occurredOn: '2026-08-01', endedOn: null, note: '' },
        { ipAssetId: 'p2', kind: 'preservation', occurredOn: '2026-07-01', endedOn: '2026-08-15', note: '' },
        { ipAssetId: 'p1', kind: 'transfer', occurredOn: '2026-12-01', endedOn: null, note: '' }, // after asOf: not yet
      ],
      loanEndOn: '2027-06-30',
      pledgeEndOn: '2027-03-31',
      asOf: '2026-10-01',
    });
    expect(w.map((x) => [x.itemId, x.level, x.code])).toEqual([
      ['p1', 'danger', 'event_lapse'],
      ['p2', 'danger', 'term_short'],
      [null, 'warning', 'pledge_period_short'],
      ['p2', 'warning', 'event_invalidation_request'],
      ['p1', 'notice', 'fee_due_in_loan'],
      ['p2', 'notice', 'fee_due_in_loan'],
    ]);
    expect(w[0]!.message).toBe('2026-09-01 权利终止：欠费终止');
    expect(w[0]!.action).toContain('通知质权银行');
  });
});

const pool: CompensationPool = {
  id: 'test-pool',
  title: '测试资金池',
  version: '1',
  level: 'city',
  district: null,
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  source: '测试',
  weak: false,
  note: '',
  sharePercent: 50,
  basis: 'principal',
  loanPartCapFen: 1_000_000_000, // 1,000 万元
  perLoanCapFen: 200_000_000, // 200 万元
  perEnterpriseCapFen: 300_000_000, // 300 万元
  minOverdueDays: 90,
  materials: [],
};
const claim = {
  poolId: 'test-pool',
  loanFen: 2_000_000_000, // 2,000 万元
  loanStartOn: '2025-01-01',
  defaultOn: '2026-03-01',
  overdueDays: 120,
  outstandingPrincipalFen: 1_500_000_000,
  outstandingInterestFen: 20_000_000,
  recoveredFen: 500_000_000,
  insurancePaidFen: 100_000_000,
  priorEnterpriseFen: 0,
};

describe('risk compensation', () => {
  it('loss 1,500 万 − 500 万 recovered − 100 万 insured = 900 万; half the loan counted: 450 万; 50%: 225 万; per-loan cap 200 万', () => {
    const r = computeCompensation(pool, claim);
    expect(r.lines.map((l) => l.amountFen)).toEqual([1_500_000_000, 900_000_000, 450_000_000, 225_000_000, 200_000_000]);
    expect(r).toMatchObject({ eligible: true, capApplied: 'loan', amountFen: 200_000_000 });
  });

  it('the enterprise cap leaves 300 − 150 = 150 万; interest counts when the basis says so; too early or outside the dates is refused', () => {
    expect(computeCompensation(pool, { ...claim, priorEnterpriseFen: 150_000_000 })).toMatchObject({
      capApplied: 'enterprise',
      amountFen: 150_000_000,
    });
    const withInterest = computeCompensation(
      { ...pool, basis: 'principal_and_interest', loanPartCapFen: null, perLoanCapFen: null, perEnterpriseCapFen: null },
      claim,
    );
    // (1,500 万 + 20 万 − 600 万) × 50% = 460 万
    expect(withInterest.amountFen).toBe(460_000_000);
    const early = computeCompensation(pool, { ...claim, overdueDays: 30 });
    expect(early).toMatchObject({ eligible: false, amountFen: 0, failures: ['贷款逾期 30 天，须逾期满 90 天方可申请补偿'] });
    expect(computeCompensation({ ...pool, effectiveTo: '2024-12-31' }, claim).failures[0]).toContain('不在资金池有效期');
    // Recovered beyond the loss: nothing to compensate, never negative.
    expect(computeCompensation(pool, { ...claim, recoveredFen: 2_000_000_000 }).amountFen).toBe(0);
  });
});

describe('default, disposal and recovery', () => {
  const d: DefaultRecord = {
    declaredOn: '2026-03-01',
    cause: '经营困难',
    outstandingPrincipalFen: 3_000_000,
    outstandingInterestFen: 30_000,
  };
  const licence: Disposal = {
    route: 'reverse_licence',
    startedOn: '2026-03-10',
    steps: [],
    proceeds: [
      { receivedOn: '2026-05-01', amountFen: 1_000_000, note: '' },
      { receivedOn: '2026-08-01', amountFen: 1_000_000, note: '' },
    ],
    lenderSharePercent: 100,
    closedOn: null,
  };

  it('recovery = the lender share of proceeds + insurance + compensation, over principal and interest at default', () => {
    const r = recoveryOf(d, licence, 300_000, 500_000);
    expect(r).toMatchObject({ lossFen: 3_030_000, lenderProceedsFen: 2_000_000, recoveredFen: 2_800_000 });
    expect(r.rate).toBeCloseTo(2_800_000 / 3_030_000, 10);
    // A third-party manager keeping 30%: 70% of 2,000,000.
    expect(recoveryOf(d, { ...licence, route: 'third_party_manager', lenderSharePercent: 70 }).lenderProceedsFen).toBe(1_400_000);
  });

  it('by route: the rate of the sums', () => {
    const a = recoveryOf(d, licence);
    const b = recoveryOf(
      { ...d, outstandingPrincipalFen: 970_000 },
      { ...licence, route: 'judicial', proceeds: [{ receivedOn: '2026-09-01', amountFen: 500_000, note: '' }] },
    );
    const c = recoveryOf({ ...d, outstandingPrincipalFen: 1_970_000 }, { ...licence, route: 'judicial', proceeds: [] });
    const rows = recoveryByRoute([
      { route: 'reverse_licence', ...a },
      { route: 'judicial', ...b },
      { route: 'judicial', ...c },
    ]);
    expect(rows.map((r) => [r.route, r.count, r.lossFen, r.recoveredFen])).toEqual([
      ['reverse_licence', 1, 3_030_000, 2_000_000],
      ['judicial', 2, 3_000_000, 500_000],
    ]);
    expect(rows[1]!.rate).toBeCloseTo(1 / 6, 10);
  });
});

describe('a securitisation pool', () => {
  const loan = (over: Partial<PoolLoan>): PoolLoan => ({
    caseId: 'c',
    borrower: '甲',
    district: '南山',
    sector: '电子信息',
    bank: '银行',
    principalFen: 100,
    outstandingFen: 100,
    ratePercent: 4,
    maturityOn: '2027-06-01',
    state: 'current',
    items: [{ number: 'ZL1', title: 't', status: '有效', weakened: false }],
    ...over,
  });
  it('totals, weighted rate and concentration of the outstanding principal', () => {
    const v = poolView(
      [
        loan({ caseId: 'a', outstandingFen: 600, principalFen: 1000, ratePercent: 3.5, maturityOn: '2027-08-01' }),
        loan({
          caseId: 'b',
          borrower: '乙',
          district: '宝安',
          outstandingFen: 300,
          ratePercent: 4,
          maturityOn: '2027-01-15',
          state: 'overdue',
        }),
        loan({
          caseId: 'c',
          borrower: '丙',
          sector: '',
          outstandingFen: 100,
          ratePercent: 5,
          maturityOn: '2026-11-01',
          items: [{ number: 'ZL2', title: 't', status: '失效', weakened: true }],
        }),
      ],
      '2026-12-01',
    );
    expect(v).toMatchObject({
      count: 3,
      principalFen: 1200,
      outstandingFen: 1000,
      itemCount: 3,
      weakenedLoans: 1,
      overdueLoans: 1,
      largestBorrowerShare: 0.6,
    });
    // (3.5 × 600 + 4 × 300 + 5 × 100) / 1000 = 3.8
    expect(v.weightedRatePercent).toBeCloseTo(3.8, 10);
    expect(v.byDistrict.map((g) => [g.key, g.share])).toEqual([
      ['南山', 0.7],
      ['宝安', 0.3],
    ]);
    expect(v.bySector.map((g) => g.key)).toEqual(['电子信息', '未填写']);
    expect(v.byMaturity.map((g) => [g.key, g.outstandingFen])).toEqual([
      ['已到期', 100],
      ['3 个月内', 300],
      ['6–12 个月', 600],
    ]);
  });
});
