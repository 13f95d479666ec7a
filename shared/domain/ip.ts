/**
 * IP kinds and their legal terms (DOMAIN.md). An expiry here is exclusive: the first day the
 * right is no longer in force; the last day in force is the day before.
 */
import { addYears } from './dates';

export const IP_KINDS = ['invention', 'utility', 'design', 'trademark', 'software'] as const;
export type IpKind = (typeof IP_KINDS)[number];
export const PATENT_KINDS: readonly IpKind[] = ['invention', 'utility', 'design'];
export const isPatentKind = (k: IpKind): boolean => PATENT_KINDS.includes(k);

export const IP_KIND_LABELS: Record<IpKind, string> = {
  invention: '发明专利',
  utility: '实用新型',
  design: '外观设计',
  trademark: '注册商标',
  software: '软件著作权',
};

export const LEGAL_STATUSES = ['pending', 'granted', 'lapsed', 'invalidated'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  pending: '审查中',
  granted: '有效',
  lapsed: '失效',
  invalidated: '已宣告无效',
};

/** Design patents filed on or after this date have 15 years instead of 10. */
export const DESIGN_15_YEAR_FROM = '2021-06-01';

export interface TermInput {
  kind: IpKind;
  filingDate?: string | null;
  /** Trademark: registration approval date. */
  registrationDate?: string | null;
  /** Trademark: end of the current term after renewals, when known. */
  validUntil?: string | null;
  /** Software copyright: first publication date. */
  publishedOn?: string | null;
}

export function patentTermYears(kind: IpKind, filingDate: string): number {
  if (kind === 'invention') return 20;
  if (kind === 'utility') return 10;
  if (kind === 'design') return filingDate >= DESIGN_15_YEAR_FROM ? 15 : 10;
  throw new RangeError(`${kind} 不是专利`);
}

/**
 * Exclusive end of the legal term, or null when it cannot be known from the record.
 * - patents: filing date + 20 / 10 / 15-or-10 years;
 * - trademark: the renewed term end if recorded, else registration + 10 years (renewable);
 * - software copyright of a legal person: 31 December of the 50th year after publication,
 *   so the exclusive end is 1 January of the 51st.
 */
export function legalExpiry(t: TermInput): string | null {
  switch (t.kind) {
    case 'invention':
    case 'utility':
    case 'design':
      return t.filingDate ? addYears(t.filingDate, patentTermYears(t.kind, t.filingDate)) : null;
    case 'trademark':
      if (t.validUntil) return t.validUntil;
      return t.registrationDate ? addYears(t.registrationDate, 10) : null;
    case 'software':
      return t.publishedOn ? `${Number(t.publishedOn.slice(0, 4)) + 51}-01-01` : null;
  }
}
