import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BankProduct } from '../types/valuation';
import { LOAN_RULE, productRate, supportableLoanFen } from './loan-capacity';

const fen = fc.integer({ min: 0, max: 1_000_000_000_000 });
const rate = fc.integer({ min: 0, max: 100 }).map((p) => p / 100);

describe('the loan a valuation supports', () => {
  it('is the conservative value × the rate for a portfolio of one kind, whatever the items’ values', () => {
    fc.assert(
      fc.property(fen, fc.array(fen, { minLength: 1, maxLength: 30 }), rate, (basis, values, r) => {
        fc.pre(values.some((v) => v > 0));
        return (
          supportableLoanFen(
            basis,
            values.map((valueFen) => ({ valueFen, rate: r })),
          ) === Math.round(basis * r)
        );
      }),
      { numRuns: 500 },
    );
  });

  it('splits the conservative value by value shares, each share at its kind’s rate', () => {
    // P10 100 万元 over an invention worth 3 and a utility model worth 1: 75% × 25% + 25% × 15%.
    expect(
      supportableLoanFen(100_000_000, [
        { valueFen: 300, rate: 0.25 },
        { valueFen: 100, rate: 0.15 },
      ]),
    ).toBe(22_500_000);
    // An item that is valued but not pledged keeps its share of the value and lends nothing.
    expect(
      supportableLoanFen(100_000_000, [
        { valueFen: 300, rate: 0.25 },
        { valueFen: 100, rate: 0 },
      ]),
    ).toBe(18_750_000);
    expect(supportableLoanFen(100_000_000, [{ valueFen: 300, rate: 0.25 }], 400)).toBe(18_750_000);
    expect(supportableLoanFen(0, [{ valueFen: 0, rate: 0.25 }])).toBe(0);
  });

  it('lies between the conservative value at the lowest and at the highest rate, and never below 0', () => {
    fc.assert(
      fc.property(fen, fc.array(fc.tuple(fen, rate), { minLength: 1, maxLength: 20 }), (basis, parts) => {
        fc.pre(parts.some(([v]) => v > 0));
        const loan = supportableLoanFen(
          basis,
          parts.map(([valueFen, r]) => ({ valueFen, rate: r })),
        );
        const rates = parts.filter(([v]) => v > 0).map(([, r]) => r);
        return loan >= 0 && loan >= Math.floor(basis * Math.min(...rates)) && loan <= Math.ceil(basis * Math.max(...rates));
      }),
      { numRuns: 500 },
    );
  });

  it('lends nothing on a kind the product does not accept, and states the rule in one Chinese sentence', () => {
    const p = {
      ipKinds: ['invention'],
      loanToValue: { invention: 0.25, utility: 0.15, design: 0.1, trademark: 0.5, software: 0.1 },
    } as unknown as BankProduct;
    expect(productRate(p, 'invention')).toBe(0.25);
    expect(productRate(p, 'design')).toBe(0);
    expect(LOAN_RULE).toMatch(/^可支持贷款额度 = .*P10.*质押率.*。$/);
  });
});
