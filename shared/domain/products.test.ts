import { describe, expect, it } from 'vitest';
import type { BankProduct } from '../types/valuation';
import { supportableLoanFen } from './loan-capacity';
import { rankProducts, type MatchFacts } from './products';

const product = (id: string, over: Partial<BankProduct> = {}): BankProduct => ({
  id,
  bank: `银行${id}`,
  name: '知产贷',
  minAmountFen: 0,
  maxAmountFen: 1_000_000_000,
  maxTermMonths: 36,
  ipKinds: ['invention', 'utility'],
  loanToValue: { invention: 0.25, utility: 0.15, design: 0.1, trademark: 0.5, software: 0.1 },
  source: '测试',
  ...over,
});
const facts = (over: Partial<MatchFacts>): MatchFacts => ({
  needFen: null,
  termMonths: null,
  foundedOn: null,
  qualifications: [],
  items: [],
  today: '2026-11-22',
  ...over,
});
const capacity = (p: BankProduct, f: MatchFacts) => rankProducts([p], f)[0]!.capacityFen;

describe('product capacity follows the one loan rule', () => {
  // The case: a valuation with P10 252.04 万元 over two inventions.
  const valuation = { conservativeFen: 252_040_000, totalFen: 400_000_000 };

  it('is the valuation’s P10 × rate for inventions only, not each item’s P10 share summed down', () => {
    const f = facts({
      items: [
        { kind: 'invention', valueFen: 300_000_000 },
        { kind: 'invention', valueFen: 100_000_000 },
      ],
      valuation,
    });
    expect(capacity(product('a'), f)).toBe(63_010_000);
    expect(rankProducts([product('a')], f)[0]!.reasons.join('；')).toContain(
      '按估值可支持约 63.01 万元（保守值按各项估值占比分摊后乘以各类型质押率）',
    );
  });

  it('gives each kind its share at its own rate, and nothing for a kind the product does not take', () => {
    const items: MatchFacts['items'] = [
      { kind: 'invention', valueFen: 300_000_000 },
      { kind: 'utility', valueFen: 60_000_000 },
      { kind: 'design', valueFen: 40_000_000 },
    ];
    const expected = supportableLoanFen(
      valuation.conservativeFen,
      [
        { valueFen: 300_000_000, rate: 0.25 },
        { valueFen: 60_000_000, rate: 0.15 },
      ],
      valuation.totalFen,
    );
    expect(capacity(product('a'), facts({ items, valuation }))).toBe(expected);
    // The design keeps its share of the value: leaving it out of the valuation would lend more.
    expect(expected).toBeLessThan(
      supportableLoanFen(valuation.conservativeFen, [
        { valueFen: 300_000_000, rate: 0.25 },
        { valueFen: 60_000_000, rate: 0.15 },
      ]),
    );
  });

  it('splits an agreed value evenly over the items', () => {
    const f = facts({
      items: [
        { kind: 'invention', valueFen: null },
        { kind: 'utility', valueFen: null },
      ],
      portfolioValueFen: 100_000_000,
    });
    expect(capacity(product('a'), f)).toBe(20_000_000);
  });
});

describe('a product asking for a qualification', () => {
  const p = product('gq', { qualificationsAny: ['高新技术企业'] });
  it('is out of reach without the certificate or a passed self-check', () => {
    const items = [{ kind: 'invention' as const, valueFen: null }];
    const [m] = rankProducts([p], facts({ qualifications: [], items }));
    expect(m!.eligible).toBe(false);
    expect(m!.problems.join('')).toContain('要求具备高新技术企业资质');
    expect(rankProducts([p], facts({ qualifications: ['高新技术企业'], items }))[0]!.eligible).toBe(true);
  });
  it('is reachable as 预计符合 when the self-check passes, and said so', () => {
    const items = [{ kind: 'invention' as const, valueFen: null }];
    const [m] = rankProducts([p], facts({ qualifications: [], expectedQualifications: ['高新技术企业'], items }));
    expect(m!.eligible).toBe(true);
    expect(m!.reasons.join('')).toContain('高新技术企业：预计符合（资质自评，证书未在档');
  });
});
