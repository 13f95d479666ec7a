/**
 * Ranks bank products for one enterprise: eligible products first, then by how much of the
 * pledgeable portfolio they accept and the loan it could support. Every rank says why.
 */
import { formatChineseAmount } from '../money';
import type { BankProduct } from '../types/valuation';
import { daysBetween } from './dates';
import type { Qualification } from './enterprise';
import { IP_KIND_LABELS, type IpKind } from './ip';
import { productRate, supportableLoanFen } from './loan-capacity';

export interface MatchFacts {
  needFen: number | null;
  termMonths: number | null;
  foundedOn: string | null;
  qualifications: Qualification[];
  /** Qualifications the self-check expects the enterprise to meet (预计符合), without a certificate on file. */
  expectedQualifications?: readonly Qualification[];
  /** Pledgeable items only, with their value in the linked valuation when it valued them. */
  items: { kind: IpKind; valueFen: number | null }[];
  /** The linked valuation: the conservative value it lends on (P10, else its value) and the total its items' values are shares of. */
  valuation?: { conservativeFen: number; totalFen: number } | null;
  /** The case's value when items have none of their own (an agreed value), split evenly. */
  portfolioValueFen?: number | null;
  today: string;
}

export interface ProductMatch {
  product: BankProduct;
  rank: number;
  eligible: boolean;
  /** The loan rule (shared/domain/loan-capacity.ts) over the accepted items, when they have a value. */
  capacityFen: number | null;
  acceptedItems: number;
  reasons: string[];
  problems: string[];
}

export function rankProducts(products: readonly BankProduct[], f: MatchFacts): ProductMatch[] {
  const years = f.foundedOn ? daysBetween(f.foundedOn, f.today) / 365 : null;
  const scored = products.map((p) => {
    const reasons: string[] = [];
    const problems: string[] = [];
    const accepted = f.items.filter((i) => productRate(p, i.kind) > 0);
    if (accepted.length === 0)
      problems.push(
        f.items.length
          ? `不接受现有可出质资产的类型（仅接受${p.ipKinds.map((k) => IP_KIND_LABELS[k]).join('、')}）`
          : '没有可出质的知识产权',
      );
    else
      reasons.push(
        `接受 ${accepted.length}/${f.items.length} 项可出质资产（${[...new Set(accepted.map((i) => IP_KIND_LABELS[i.kind]))].join('、')}）`,
      );
    if (f.needFen !== null) {
      const range = `${formatChineseAmount(p.minAmountFen, 0)}–${formatChineseAmount(p.maxAmountFen, 0)}`;
      if (f.needFen < p.minAmountFen || f.needFen > p.maxAmountFen)
        problems.push(`需求 ${formatChineseAmount(f.needFen, 0)} 不在额度 ${range} 内`);
      else reasons.push(`需求在额度 ${range} 内`);
    }
    if (f.termMonths !== null) {
      if (f.termMonths > p.maxTermMonths) problems.push(`期限 ${f.termMonths} 个月超过产品上限 ${p.maxTermMonths} 个月`);
      else reasons.push(`期限 ${f.termMonths} 个月在上限 ${p.maxTermMonths} 个月内`);
    }
    if (p.minYearsInBusiness && years !== null && years < p.minYearsInBusiness) problems.push(`要求成立满 ${p.minYearsInBusiness} 年`);
    if (p.qualificationsAny?.length && !p.qualificationsAny.some((q) => f.qualifications.includes(q))) {
      const expected = p.qualificationsAny.find((q) => f.expectedQualifications?.includes(q));
      if (expected) reasons.push(`${expected}：预计符合（资质自评，证书未在档，申请前须取得认定）`);
      else problems.push(`要求具备${p.qualificationsAny.join('或')}资质`);
    }
    // Items the product does not take keep their share of the value and lend nothing.
    const valued = f.valuation && accepted.length > 0 && accepted.every((i) => i.valueFen !== null) ? f.valuation : null;
    const agreed = !valued && f.portfolioValueFen && accepted.length > 0 ? f.portfolioValueFen : null;
    const capacityFen = valued
      ? supportableLoanFen(
          valued.conservativeFen,
          accepted.map((i) => ({ valueFen: i.valueFen!, rate: productRate(p, i.kind) })),
          valued.totalFen,
        )
      : agreed !== null
        ? supportableLoanFen(
            agreed,
            accepted.map((i) => ({ valueFen: 1, rate: productRate(p, i.kind) })),
            f.items.length,
          )
        : null;
    if (capacityFen !== null)
      reasons.push(
        valued
          ? `按估值可支持约 ${formatChineseAmount(capacityFen)}（保守值按各项估值占比分摊后乘以各类型质押率）`
          : `按协商价值可支持约 ${formatChineseAmount(capacityFen)}（各项均摊后乘以各类型质押率）`,
      );
    const avgLtv = accepted.length ? accepted.reduce((s, i) => s + productRate(p, i.kind), 0) / accepted.length : 0;
    if (capacityFen === null && accepted.length) reasons.push(`平均质押率 ${Math.round(avgLtv * 100)}%`);
    const score =
      (problems.length === 0 ? 1e6 : 0) +
      (f.items.length ? (accepted.length / f.items.length) * 1e3 : 0) +
      (capacityFen !== null ? Math.min(capacityFen / 1e8, 999) : avgLtv * 100);
    return { product: p, eligible: problems.length === 0, capacityFen, acceptedItems: accepted.length, reasons, problems, score };
  });
  scored.sort((a, b) => b.score - a.score || a.product.bank.localeCompare(b.product.bank, 'zh'));
  return scored.map(({ score: _score, ...m }, n) => ({ ...m, rank: n + 1 }));
}
