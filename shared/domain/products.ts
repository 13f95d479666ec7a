/**
 * Ranks bank products for one enterprise: eligible products first, then by how much of the
 * pledgeable portfolio they accept and the loan it could support. Every rank says why.
 */
import { formatChineseAmount } from '../money';
import type { BankProduct } from '../types/valuation';
import { daysBetween } from './dates';
import type { Qualification } from './enterprise';
import { IP_KIND_LABELS, type IpKind } from './ip';

export interface MatchFacts {
  needFen: number | null;
  termMonths: number | null;
  foundedOn: string | null;
  qualifications: Qualification[];
  /** Pledgeable items only, with their value when a valuation gave one. */
  items: { kind: IpKind; valueFen: number | null }[];
  /** The case's value when items have none of their own (an agreed value), split evenly. */
  portfolioValueFen?: number | null;
  today: string;
}

export interface ProductMatch {
  product: BankProduct;
  rank: number;
  eligible: boolean;
  /** Σ value × loan-to-value over accepted items, when every accepted item has a value. */
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
    const accepted = f.items.filter((i) => p.ipKinds.includes(i.kind) && (p.loanToValue[i.kind] ?? 0) > 0);
    if (accepted.length === 0) problems.push(f.items.length ? `不接受现有可出质资产的类型（仅接受${p.ipKinds.map((k) => IP_KIND_LABELS[k]).join('、')}）` : '没有可出质的知识产权');
    else reasons.push(`接受 ${accepted.length}/${f.items.length} 项可出质资产（${[...new Set(accepted.map((i) => IP_KIND_LABELS[i.kind]))].join('、')}）`);
    if (f.needFen !== null) {
      const range = `${formatChineseAmount(p.minAmountFen, 0)}–${formatChineseAmount(p.maxAmountFen, 0)}`;
      if (f.needFen < p.minAmountFen || f.needFen > p.maxAmountFen) problems.push(`需求 ${formatChineseAmount(f.needFen, 0)} 不在额度 ${range} 内`);
      else reasons.push(`需求在额度 ${range} 内`);
    }
    if (f.termMonths !== null) {
      if (f.termMonths > p.maxTermMonths) problems.push(`期限 ${f.termMonths} 个月超过产品上限 ${p.maxTermMonths} 个月`);
      else reasons.push(`期限 ${f.termMonths} 个月在上限 ${p.maxTermMonths} 个月内`);
    }
    if (p.minYearsInBusiness && years !== null && years < p.minYearsInBusiness) problems.push(`要求成立满 ${p.minYearsInBusiness} 年`);
    if (p.qualificationsAny?.length && !p.qualificationsAny.some((q) => f.qualifications.includes(q))) problems.push(`要求具备${p.qualificationsAny.join('或')}资质`);
    const valued = accepted.length > 0 && accepted.every((i) => i.valueFen !== null);
    const share = f.portfolioValueFen && f.items.length ? f.portfolioValueFen / f.items.length : null;
    const capacityFen = valued
      ? accepted.reduce((s, i) => s + Math.floor(i.valueFen! * (p.loanToValue[i.kind] ?? 0)), 0)
      : share !== null && accepted.length > 0
        ? accepted.reduce((s, i) => s + Math.floor(share * (p.loanToValue[i.kind] ?? 0)), 0)
        : null;
    if (capacityFen !== null) reasons.push(`按${valued ? '估值' : '协商价值（各项均摊）'}可支持约 ${formatChineseAmount(capacityFen)}`);
    const avgLtv = accepted.length ? accepted.reduce((s, i) => s + (p.loanToValue[i.kind] ?? 0), 0) / accepted.length : 0;
    if (capacityFen === null && accepted.length) reasons.push(`平均质押率 ${Math.round(avgLtv * 100)}%`);
    const score = (problems.length === 0 ? 1e6 : 0) + (f.items.length ? (accepted.length / f.items.length) * 1e3 : 0) + (capacityFen !== null ? Math.min(capacityFen / 1e8, 999) : avgLtv * 100);
    return { product: p, eligible: problems.length === 0, capacityFen, acceptedItems: accepted.length, reasons, problems, score };
  });
  scored.sort((a, b) => b.score - a.score || a.product.bank.localeCompare(b.product.bank, 'zh'));
  return scored.map(({ score: _score, ...m }, n) => ({ ...m, rank: n + 1 }));
}
