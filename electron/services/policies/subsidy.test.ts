import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEE_TYPES } from '../../../shared/domain/case-statuses';
import { DISTRICTS } from '../../../shared/domain/districts';
import { IP_KINDS } from '../../../shared/domain/ip';
import { computeSubsidy } from '../../../shared/domain/subsidy';
import { subsidyInput, type SubsidyInput } from '../../../shared/schemas/policy';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { getPolicy, loadPolicies } from './load';

const policy = (id: string) => getPolicy(DEV_RESOURCES_DIR, id);
const input = (over: Partial<Omit<SubsidyInput, 'loan'>> & { loan?: Partial<SubsidyInput['loan']> }): SubsidyInput =>
  subsidyInput.parse({
    policyId: 'x',
    interestPaidFen: 0,
    enterprise: { district: '福田', qualifications: [] },
    ipKinds: ['invention'],
    ...over,
    loan: { principalFen: 500_000_000, startDate: '2022-03-01', endDate: '2023-02-28', repaid: true, ...over.loan },
  });

describe('shipped subsidy policies', () => {
  it('loads 福田, 南山 and the city policy, each with its source', () => {
    const all = loadPolicies(DEV_RESOURCES_DIR);
    expect(all.map((p) => p.id)).toEqual(['futian-2021', 'nanshan-2022', 'shenzhen-2020']);
    for (const p of all) expect(p.source.length).toBeGreaterThan(10);
  });

  it('福田: 50% of interest, fees on a base capped at 4% of principal at 50%', () => {
    // Principal 5,000,000.00; interest paid 190,000.00 → 95,000.00.
    // Fees 150,000 + 80,000 = 230,000.00, base capped at 4% × 5,000,000 = 200,000.00 → 100,000.00.
    const r = computeSubsidy(
      policy('futian-2021'),
      input({
        interestPaidFen: 19_000_000,
        fees: [
          { type: 'guarantee', amountFen: 15_000_000 },
          { type: 'appraisal', amountFen: 8_000_000 },
        ],
      }),
    );
    expect(r.eligible).toBe(true);
    expect(r.lines.map((l) => [l.baseFen, l.amountFen])).toEqual([
      [19_000_000, 9_500_000],
      [20_000_000, 10_000_000],
    ]);
    expect(r.totalFen).toBe(19_500_000);
    expect(r.working[1]).toBe(
      '服务费（担保、评估、保险等）：实付担保费、评估费、保险费、其他服务费 230,000.00 元；计算基数上限为本金的 4% 即 200,000.00 元（已封顶），基数 200,000.00 元；× 50% = 100,000.00 元，核定 100,000.00 元',
    );
    expect(r.working.at(-1)).toBe('核定贴息 195,000.00 元（各项按分向下取整）');
  });

  it('福田: rounds each line down to the fen and applies the annual cap of 2,000,000', () => {
    // 12,345.67 × 50% = 6,172.835 → 6,172.83.
    expect(computeSubsidy(policy('futian-2021'), input({ interestPaidFen: 1_234_567 })).totalFen).toBe(617_283);
    // 1,900,000 already granted this year leaves 100,000 of the cap.
    const capped = computeSubsidy(policy('futian-2021'), input({ interestPaidFen: 19_000_000, alreadyGrantedThisYearFen: 190_000_000 }));
    expect(capped.subtotalFen).toBe(9_500_000);
    expect(capped.totalFen).toBe(9_500_000); // 95,000 is under the 100,000 the cap leaves
    expect(
      computeSubsidy(policy('futian-2021'), input({ interestPaidFen: 30_000_000, alreadyGrantedThisYearFen: 190_000_000 })).totalFen,
    ).toBe(10_000_000);
  });

  it('福田: an ineligible application names every failed rule and pays nothing', () => {
    const r = computeSubsidy(
      policy('futian-2021'),
      input({
        interestPaidFen: 19_000_000,
        enterprise: { district: '南山', qualifications: [] },
        ipKinds: ['invention', 'trademark'],
        loan: { startDate: '2024-02-01', endDate: '2025-08-01', repaid: false },
      }),
    );
    expect(r.eligible).toBe(false);
    expect(r.totalFen).toBe(0);
    expect(r.failures.map((f) => f.message)).toEqual([
      '贷款发放日 2024-02-01 不在本政策有效期（2021-01-01 至 2023-12-31）内',
      '企业属南山，本政策仅适用于在福田区备案的企业',
      '质押物含注册商标，本政策只支持发明专利、实用新型、外观设计质押贷款',
      '贷款期限（2024-02-01 至 2025-08-01）超过本政策上限 12 个月',
      '尚未还清本息，本政策要求还本付息后再申报',
    ]);
  });

  it('a policy asking for a qualification: held passes; 预计符合 by the self-check is named but not counted as held', () => {
    const base = policy('futian-2021');
    const asks = { ...base, rules: { ...base.rules, qualificationsAny: ['高新技术企业' as const, '专精特新' as const] } };
    const held = computeSubsidy(
      asks,
      input({ interestPaidFen: 1_000_000, enterprise: { district: '福田', qualifications: ['专精特新'] } }),
    );
    expect(held.eligible).toBe(true);
    const none = computeSubsidy(asks, input({ interestPaidFen: 1_000_000 }));
    expect(none.failures).toEqual([{ rule: 'qualifications', message: '企业须具备以下资质之一：高新技术企业、专精特新' }]);
    const expected = computeSubsidy(
      asks,
      input({
        interestPaidFen: 1_000_000,
        enterprise: { district: '福田', qualifications: [], expectedQualifications: ['高新技术企业', '规上'] },
      }),
    );
    expect(expected.eligible).toBe(false);
    expect(expected.totalFen).toBe(0);
    expect(expected.failures).toEqual([
      {
        rule: 'qualifications',
        message: '企业须具备以下资质之一：高新技术企业、专精特新（资质自评高新技术企业预计符合，取得认定证书并录入后即可满足）',
      },
    ]);
  });

  it('南山 (weak): 70% of interest and of guarantee, insurance and appraisal fees, 1,500,000 a year', () => {
    const base = {
      enterprise: { district: '南山' as const, qualifications: [] },
      loan: { startDate: '2026-01-10', endDate: '2027-01-09' },
    };
    // 100,000.01 × 70% = 70,000.007 → 70,000.00; fees 30,000 + 10,000 + 20,000 = 60,000 × 70% = 42,000 (其他服务费 not counted).
    const fees = [
      { type: 'guarantee' as const, amountFen: 3_000_000 },
      { type: 'insurance' as const, amountFen: 1_000_000 },
      { type: 'appraisal' as const, amountFen: 2_000_000 },
      { type: 'other' as const, amountFen: 500_000 },
    ];
    const r = computeSubsidy(policy('nanshan-2022'), input({ ...base, interestPaidFen: 10_000_001, fees }));
    expect(r.lines.map((l) => l.amountFen)).toEqual([7_000_000, 4_200_000]);
    expect(r.totalFen).toBe(11_200_000);
    expect(
      computeSubsidy(policy('nanshan-2022'), input({ ...base, interestPaidFen: 10_000_001, fees, alreadyGrantedThisYearFen: 145_000_000 }))
        .totalFen,
    ).toBe(5_000_000);
  });

  it('city 2020 (weak): interest 50% up to 500,000; patent insurance 60% up to 200,000; any district, patents only', () => {
    const r = computeSubsidy(
      policy('shenzhen-2020'),
      input({
        enterprise: { district: '光明', qualifications: [] },
        interestPaidFen: 120_000_000,
        fees: [{ type: 'patent_insurance', amountFen: 1_000_000 }],
        loan: { startDate: '2026-01-01', endDate: '2028-01-01', repaid: false },
      }),
    );
    expect(r.lines.map((l) => [l.computedFen, l.amountFen])).toEqual([
      [60_000_000, 50_000_000],
      [600_000, 600_000],
    ]);
    expect(r.totalFen).toBe(50_600_000);
    expect(
      computeSubsidy(policy('shenzhen-2020'), input({ ipKinds: ['trademark'], interestPaidFen: 1 })).failures.map((f) => f.rule),
    ).toEqual(['ipKinds']);
  });
});

describe('subsidy calculator properties (every shipped policy)', () => {
  const policies = loadPolicies(DEV_RESOURCES_DIR);
  // Up to the schema's bound for one payment (10 亿元) and one loan (100 亿元).
  const money = fc.integer({ min: 0, max: 9e10 });
  const arb = fc.record({
    policy: fc.constantFrom(...policies),
    principalFen: fc.integer({ min: 1, max: 1e12 }),
    interestPaidFen: money,
    fees: fc.array(fc.record({ type: fc.constantFrom(...FEE_TYPES), amountFen: money }), { maxLength: 5 }),
    already: fc.integer({ min: 0, max: 3e8 }),
    district: fc.constantFrom(...DISTRICTS),
    kinds: fc.subarray([...IP_KINDS], { minLength: 1 }),
    repaid: fc.boolean(),
    extra: fc.integer({ min: 0, max: 1e10 }),
  });

  it('never pays above a cap, is fen-exact, and is monotone in interest paid', () => {
    fc.assert(
      fc.property(arb, (v) => {
        const make = (interest: number) =>
          input({
            interestPaidFen: interest,
            fees: v.fees,
            alreadyGrantedThisYearFen: v.already,
            enterprise: { district: v.district, qualifications: [] },
            ipKinds: v.kinds,
            loan: { principalFen: v.principalFen, startDate: '2022-06-01', endDate: '2023-05-31', repaid: v.repaid },
          });
        const r = computeSubsidy(v.policy, make(v.interestPaidFen));
        for (const l of r.lines) {
          expect(Number.isSafeInteger(l.amountFen)).toBe(true);
          if (l.capFen !== null) expect(l.amountFen).toBeLessThanOrEqual(l.capFen);
          if (l.baseCapFen !== null) expect(l.baseFen).toBeLessThanOrEqual(l.baseCapFen);
          expect(l.baseFen).toBeLessThanOrEqual(l.paidFen);
          // Fen-exact: computed = floor(base × rate), checked with exact integers.
          const scaled = BigInt(l.baseFen) * BigInt(Math.round(l.ratePercent * 100));
          expect(BigInt(l.computedFen) * 10000n <= scaled && scaled < BigInt(l.computedFen + 1) * 10000n).toBe(true);
        }
        expect(r.subtotalFen).toBe(r.lines.reduce((s, l) => s + l.amountFen, 0));
        if (r.annualCap) expect(r.totalFen).toBeLessThanOrEqual(r.annualCap.remainingFen);
        expect(r.totalFen).toBeLessThanOrEqual(r.subtotalFen);
        if (!r.eligible) expect(r.totalFen).toBe(0);
        const more = computeSubsidy(v.policy, make(v.interestPaidFen + v.extra));
        expect(more.totalFen).toBeGreaterThanOrEqual(r.totalFen);
        expect(more.eligible).toBe(r.eligible);
      }),
      { numRuns: 1000 },
    );
  });
});
