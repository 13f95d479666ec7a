/**
 * The one rule for the loan a valuation supports (可支持贷款额度). The engine, the portfolio
 * total, the stored run, the report, the result view, the product ranking and the pre-filing
 * check all compute it here and state it with LOAN_RULE, so no two of them can disagree.
 */
import type { BankProduct } from '../types/valuation';
import type { IpKind } from './ip';

export const LOAN_RULE =
  '可支持贷款额度 = 组合保守值（有模拟区间时取 P10，否则取评估值）按各项评估值的占比分摊到各项，各乘以该项类型的质押率后相加；只有一种类型时即为保守值 × 质押率。';

/** Said of a run stored before this rule, whose loan figure was worked out otherwise. */
export const LEGACY_LOAN_RULE =
  '本记录由旧版估值引擎生成，其贷款额度为各项自身的 P10（或评估值）× 质押率之和，与现行规则不同；请重新估值。';

export interface LoanPart {
  /** The item's value: only its share of `totalFen` matters. */
  valueFen: number;
  /** Its kind's loan-to-value; 0 when it is not pledged or the product does not take its kind. */
  rate: number;
}

/**
 * The rule, in fen (rounded to the fen, as every amount of the engine). `totalFen` is the value
 * the shares are of: by default the parts' own, larger when valued items are left out of the
 * pledge. Items are grouped by rate and each group's value summed first (integer sums, exact),
 * so one rate gives exactly basis × rate and the result does not depend on the items' order.
 */
export function supportableLoanFen(
  basisFen: number,
  parts: readonly LoanPart[],
  totalFen = parts.reduce((s, p) => s + p.valueFen, 0),
): number {
  if (totalFen <= 0 || basisFen <= 0) return 0;
  const byRate = new Map<number, number>();
  for (const p of parts) byRate.set(p.rate, (byRate.get(p.rate) ?? 0) + p.valueFen);
  let loan = 0;
  for (const rate of [...byRate.keys()].sort((a, b) => a - b)) loan += basisFen * (byRate.get(rate)! / totalFen) * rate;
  return Math.round(loan);
}

/** A product's loan-to-value for a kind: 0 for a kind it does not accept. */
export function productRate(product: Pick<BankProduct, 'ipKinds' | 'loanToValue'>, kind: IpKind): number {
  return product.ipKinds.includes(kind) ? (product.loanToValue[kind] ?? 0) : 0;
}

/** fen → "56.54 万元", the unit the loan lines are stated in. */
export const wanText = (fen: number): string => `${(fen / 1_000_000).toFixed(2)} 万元`;
