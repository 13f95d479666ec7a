/**
 * The pre-loan checklist (贷前指导): every refusal reason the records reveal for each item,
 * the debt term against each item's expiry, what the steward must confirm, and the documents
 * still missing. Pure: the service passes assessments computed from the records.
 */
import { addMonths, daysBetween } from './dates';
import type { Qualification } from './enterprise';
import { confirmable, isOpen, itemLines, type CheckedItem, type CheckLine } from './check-lines';

export interface GuidanceInput {
  enterprise: { foundedOn: string | null; qualifications: Qualification[] };
  items: CheckedItem[];
  needTermMonths: number | null;
  confirmations: Record<string, boolean>;
  documents: Record<string, boolean>;
  today: string;
}

export interface Checklist {
  checks: CheckLine[];
  /** Items with a reason that makes registration refused. */
  blockedItems: number;
  /** Check lines still open: blocks, and confirm/risk lines not yet confirmed. */
  open: number;
  documents: { key: string; label: string; provided: boolean }[];
  missingDocuments: string[];
}

export const GENERAL_CONFIRMATIONS = [
  { key: 'register_checked', label: '已在专利登记簿核对权利人、法律状态和年费' },
  { key: 'no_dispute', label: '企业书面确认质押物无权属纠纷、未被保全' },
  { key: 'bank_contacted', label: '已与银行客户经理沟通融资需求' },
] as const;

export const BASE_DOCUMENTS = [
  { key: 'licence', label: '营业执照' },
  { key: 'legal_rep_id', label: '法定代表人身份证明' },
  { key: 'financials', label: '近两年财务报表' },
  { key: 'ip_certificates', label: '知识产权证书及登记簿副本' },
  { key: 'fee_receipts', label: '年费缴纳凭证' },
  { key: 'loan_application', label: '贷款申请书' },
  { key: 'appraisal', label: '评估报告或协商价值确认书' },
];

export const CO_OWNER_CONSENT = { key: 'co_owner_consent', label: '全体共有人同意出质的书面文件' };

/** Banks often ask for two years in business (weak figure: a warning). */
export const MIN_YEARS_IN_BUSINESS_WARN = 2;

export function guidanceChecklist(input: GuidanceInput): Checklist {
  const checks: CheckLine[] = [];
  if (input.enterprise.foundedOn && daysBetween(input.enterprise.foundedOn, input.today) < MIN_YEARS_IN_BUSINESS_WARN * 365) {
    checks.push({
      code: 'young_enterprise',
      level: 'warn',
      subject: '企业',
      message: `成立不满 ${MIN_YEARS_IN_BUSINESS_WARN} 年，银行通常要求经营 2 年以上`,
    });
  }
  if (input.items.length === 0) checks.push({ code: 'no_items', level: 'block', subject: '企业', message: '尚未选择拟质押的知识产权' });
  const debt = input.needTermMonths
    ? { end: addMonths(input.today, input.needTermMonths), basis: `按需求期限 ${input.needTermMonths} 个月，` }
    : null;
  let blockedItems = 0;
  for (const item of input.items) {
    const lines = itemLines(item, debt, input.confirmations);
    if (lines.some((l) => l.level === 'block')) blockedItems++;
    checks.push(...(lines.length ? lines : [{ code: 'ok', level: 'ok' as const, subject: item.label, message: '未发现不予登记的情形' }]));
  }
  const coOwned = input.items.some((i) => i.assessment.reasons.some((r) => r.code === 'co_owners'));
  for (const c of GENERAL_CONFIRMATIONS)
    checks.push(
      confirmable({ code: c.key, level: 'confirm', subject: '管家确认', message: c.label, confirmKey: c.key }, input.confirmations),
    );
  const documents = [...BASE_DOCUMENTS, ...(coOwned ? [CO_OWNER_CONSENT] : [])].map((d) => ({
    ...d,
    provided: input.documents[d.key] === true,
  }));
  return {
    checks,
    blockedItems,
    open: checks.filter(isOpen).length,
    documents,
    missingDocuments: documents.filter((d) => !d.provided).map((d) => d.label),
  };
}
