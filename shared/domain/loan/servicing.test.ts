import { describe, expect, it } from 'vitest';
import { buildSchedule, levelPayment, monthlyDueDates, planProblems, type ScheduleTerms } from './schedule';
import { serviceLoan, type Repayment } from './servicing';

// 12,000.00 元 at 6% a year for 12 months from 2026-01-15: the monthly rate is 0.5%.
const base: ScheduleTerms = {
  principalFen: 1_200_000,
  annualRatePercent: 6,
  startOn: '2026-01-15',
  endOn: '2027-01-15',
  method: 'equal_instalment',
};
const pay = (paidOn: string, amountFen: number, kind: Repayment['kind'] = 'instalment'): Repayment => ({ paidOn, amountFen, kind });

describe('repayment schedules, worked by hand', () => {
  it('等额本息: 1,200,000 × 0.5% × 1.005^12 / (1.005^12 − 1) = 103,279.6 → 103,280 fen a month, the last one taking what is left', () => {
    expect(levelPayment(1_200_000, 6, 12)).toBe(103_280);
    const rows = buildSchedule(base);
    expect(rows).toHaveLength(12);
    // Month 1: interest 1,200,000 × 0.5% = 6,000; principal 103,280 − 6,000 = 97,280.
    expect(rows[0]).toEqual({
      no: 1,
      dueOn: '2026-02-15',
      principalFen: 97_280,
      interestFen: 6_000,
      totalFen: 103_280,
      remainingFen: 1_102_720,
    });
    // Month 2: interest 1,102,720 × 0.5% = 5,513.6 → 5,514; principal 97,766.
    expect(rows[1]).toMatchObject({ principalFen: 97_766, interestFen: 5_514, remainingFen: 1_004_954 });
    // Month 12: the remaining 102,764 plus 102,764 × 0.5% = 513.82 → 514.
    expect(rows[11]).toEqual({ no: 12, dueOn: '2027-01-15', principalFen: 102_764, interestFen: 514, totalFen: 103_278, remainingFen: 0 });
    expect(rows.reduce((s, r) => s + r.principalFen, 0)).toBe(1_200_000);
    expect(rows.reduce((s, r) => s + r.interestFen, 0)).toBe(39_358);
  });

  it('等额本金: 100,000 fen of principal a month, interest 0.5% of 1,200,000, 1,100,000, … 100,000 = 500 × 78', () => {
    const rows = buildSchedule({ ...base, method: 'equal_principal' });
    expect(rows.map((r) => r.principalFen)).toEqual(Array(12).fill(100_000));
    expect(rows.map((r) => r.interestFen)).toEqual([6000, 5500, 5000, 4500, 4000, 3500, 3000, 2500, 2000, 1500, 1000, 500]);
    expect(rows.reduce((s, r) => s + r.interestFen, 0)).toBe(39_000);
  });

  it('先息后本: 6,000 fen of interest each month and the principal with the last', () => {
    const rows = buildSchedule({ ...base, method: 'interest_only' });
    expect(rows.slice(0, 11).every((r) => r.principalFen === 0 && r.interestFen === 6_000)).toBe(true);
    expect(rows[11]).toMatchObject({ dueOn: '2027-01-15', principalFen: 1_200_000, interestFen: 6_000, totalFen: 1_206_000 });
  });

  it('a typed plan charges its days at 年利率 / 360: 1,000,000 × 3.6% × 181 / 360 = 18,100, then 500,000 × 3.6% × 184 / 360 = 9,200', () => {
    const plan = [
      { dueOn: '2026-07-01', principalFen: 500_000 },
      { dueOn: '2027-01-01', principalFen: 500_000 },
    ];
    const terms: ScheduleTerms = {
      principalFen: 1_000_000,
      annualRatePercent: 3.6,
      startOn: '2026-01-01',
      endOn: '2027-01-01',
      method: 'custom',
      plan,
    };
    expect(planProblems(1_000_000, '2026-01-01', '2027-01-01', plan)).toEqual([]);
    expect(buildSchedule(terms).map((r) => [r.principalFen, r.interestFen])).toEqual([
      [500_000, 18_100],
      [500_000, 9_200],
    ]);
    expect(planProblems(1_000_000, '2026-01-01', '2027-01-01', [{ dueOn: '2026-07-01', principalFen: 400_000 }])).toEqual([
      '各期本金合计 400000 分，应等于贷款本金 1000000 分',
      '最后一期的还款日（2026-07-01）应为贷款到期日 2027-01-01',
    ]);
  });

  it('due dates fall on the start day each month, month ends falling back, the last on the end day', () => {
    expect(monthlyDueDates('2026-01-31', '2026-04-30')).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
    // A loan written 2026-01-15 to 2027-01-14 has its last instalment on the 14th.
    expect(monthlyDueDates('2026-01-15', '2027-01-14').slice(-2)).toEqual(['2026-12-15', '2027-01-14']);
  });
});

describe('servicing a loan', () => {
  it('a missed instalment is overdue from the day after its due date; a later payment settles it as late', () => {
    const paid = [pay('2026-02-15', 103_280)];
    const april = serviceLoan(base, paid, [], '2026-04-20');
    expect(april.state).toBe('overdue');
    expect(april.rows.slice(0, 4).map((r) => r.status)).toEqual(['paid', 'overdue', 'overdue', 'due']);
    expect(april.rows[1]!.daysLate).toBe(36); // 2026-03-15 → 2026-04-20
    expect(april.overdueDays).toBe(36);
    expect(april.overdueCount).toBe(2);
    expect(april.overdueFen).toBe(2 * 103_280);
    expect(april.nextDue).toEqual({ dueOn: '2026-05-15', amountFen: 103_280 });

    // One instalment paid on 04-25 (41 days late) and 5,000 fen more: interest first, so month 3 still owes all its principal.
    const late = serviceLoan(base, [...paid, pay('2026-04-25', 103_280), pay('2026-04-28', 5_000)], [], '2026-04-30');
    expect(late.rows[1]).toMatchObject({ status: 'late', daysLate: 41, paidOn: '2026-04-25' });
    expect(late.rows[2]).toMatchObject({ status: 'overdue', daysLate: 15, paidFen: 5_000 });
    expect(late.overduePrincipalFen).toBe(98_255);
    expect(late.overdueInterestFen).toBe(25); // 5,025 of interest, 5,000 paid
    expect(late.lateCount).toBe(1);
    expect(late.interestPaidFen).toBe(6_000 + 5_514 + 5_000);
    expect(late.outstandingPrincipalFen).toBe(1_200_000 - 97_280 - 97_766);
  });

  it('over 90 days overdue the loan is non-performing; paying everything settles it, extra cash shown as overpaid', () => {
    // 2026-02-15 + 90 days = 05-16: 90 days overdue is not yet over 90.
    expect(serviceLoan(base, [], [], '2026-05-17').state).toBe('npl');
    expect(serviceLoan(base, [], [], '2026-05-16').state).toBe('overdue');
    const all = buildSchedule(base).map((r) => pay(r.dueOn, r.totalFen));
    all.push(pay('2027-01-15', 100));
    const done = serviceLoan(base, all, [], '2027-02-01');
    expect(done.state).toBe('settled');
    expect(done.settledOn).toBe('2027-01-15');
    expect(done.outstandingPrincipalFen).toBe(0);
    expect(done.interestPaidFen).toBe(39_358);
    expect(done.overpaidFen).toBe(100);
  });

  it('an early repayment: 300,000 on 05-05 accrues 300,000 × 6% × 20 / 360 = 1,000; the rest is rescheduled to the same end', () => {
    const terms: ScheduleTerms = { ...base, method: 'equal_principal' };
    const s = serviceLoan(
      terms,
      [pay('2026-02-15', 106_000), pay('2026-03-15', 105_500), pay('2026-04-15', 105_000), pay('2026-05-05', 300_000, 'prepayment')],
      [],
      '2026-05-10',
    );
    const pre = s.rows[3]!;
    expect(pre).toMatchObject({
      kind: 'prepayment',
      dueOn: '2026-05-05',
      principalFen: 300_000,
      interestFen: 1_000,
      remainingFen: 600_000,
      status: 'paid',
    });
    const rest = s.rows.slice(4);
    expect(rest).toHaveLength(9); // 05-15 … 2027-01-15
    // 600,000 / 9 = 66,666.7 → 66,667 a month, the last 600,000 − 8 × 66,667 = 66,664; interest 600,000 × 0.5% = 3,000 first.
    expect(rest[0]).toMatchObject({ dueOn: '2026-05-15', principalFen: 66_667, interestFen: 3_000 });
    expect(rest[8]).toMatchObject({ dueOn: '2027-01-15', principalFen: 66_664 });
    expect(s.outstandingPrincipalFen).toBe(600_000);
    expect(s.endOn).toBe('2027-01-15');
  });

  it('an extension reworks the instalments after it to the new end date, at the new rate', () => {
    const terms: ScheduleTerms = { ...base, method: 'interest_only' };
    const months = buildSchedule(terms)
      .slice(0, 11)
      .map((r) => pay(r.dueOn, r.totalFen));
    const s = serviceLoan(
      terms,
      months,
      [{ agreedOn: '2026-12-20', newEndOn: '2027-07-15', annualRatePercent: 4.8, method: 'interest_only' }],
      '2026-12-31',
    );
    expect(s.endOn).toBe('2027-07-15');
    expect(s.rows).toHaveLength(18); // 11 paid, then 2027-01-15 … 2027-07-15
    expect(s.rows[11]).toMatchObject({ dueOn: '2027-01-15', principalFen: 0, interestFen: 4_800 }); // 1,200,000 × 4.8% / 12
    expect(s.rows[17]).toMatchObject({ dueOn: '2027-07-15', principalFen: 1_200_000, interestFen: 4_800 });
    expect(s.state).toBe('current');
    expect(s.nextDue).toEqual({ dueOn: '2027-01-15', amountFen: 4_800 });
  });

  it('a loan written on the 31st keeps falling due on each month’s last day after it is reworked', () => {
    const terms: ScheduleTerms = {
      principalFen: 1_200_000,
      annualRatePercent: 6,
      startOn: '2026-01-31',
      endOn: '2027-01-31',
      method: 'equal_principal',
    };
    const s = serviceLoan(terms, [pay('2026-02-28', 106_000), pay('2026-03-10', 100_000, 'prepayment')], [], '2026-03-15');
    expect(s.rows.slice(2, 5).map((r) => r.dueOn)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);
    expect(s.rows.at(-1)!.dueOn).toBe('2027-01-31');
    // The first reworked month charges its interest from the last due date, on the smaller balance: 1,000,000 × 0.5%.
    expect(s.rows[2]).toMatchObject({ interestFen: 5_000 });
  });

  it('an early repayment above the balance is named as a problem, not silently cut', () => {
    const s = serviceLoan(base, [pay('2026-01-20', 2_000_000, 'prepayment')], [], '2026-02-01');
    expect(s.problems).toEqual(['2026-01-20 提前还本 20,000.00 元，超过当时按计划的剩余本金 12,000.00 元（逾期未还的各期请按期还款登记）']);
  });
});
