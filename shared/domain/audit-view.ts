/**
 * How an audit-trail entry reads: each changed field by its Chinese name, with its value as
 * people write it (amounts in 元 / 万元, statuses and stages by their labels, yes/no), never
 * the stored JSON. The trail keeps the raw before/after; this is only how it is shown.
 */
import { formatChineseAmount } from '../money';
import { OUTCOME_LABELS, STAGE_LABELS, type Outcome, type Stage } from './case-stages';
import {
  PAYMENT_KIND_LABELS,
  PLEDGE_STATUS_LABELS,
  SUBSIDY_STATUS_LABELS,
  type PaymentKind,
  type PledgeStatus,
  type SubsidyStatus,
} from './case-statuses';
import { BASE_DOCUMENTS, CO_OWNER_CONSENT, GENERAL_CONFIRMATIONS } from './guidance';

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

const LABELS: Record<string, string> = {
  steward: '管家',
  bankOfficer: '银行客户经理',
  needFen: '融资需求',
  needTermMonths: '需求期限',
  purpose: '资金用途',
  productId: '意向产品',
  confirmations: '确认事项',
  documents: '材料清单',
  valuationId: '关联估值',
  manualValueFen: '协商价值',
  manualValueBasis: '价值依据',
  bank: '贷款银行',
  pledgee: '质权人',
  loanContractNo: '主合同编号',
  loanFen: '贷款金额',
  ratePercent: '年利率',
  loanStart: '贷款起始日',
  loanEnd: '贷款到期日',
  pledgeContractNo: '质押合同编号',
  securedFen: '担保债权数额',
  pledgeStart: '质押起始日',
  pledgeEnd: '质押结束日',
  submittedOn: '提交日期',
  appraised: '已评估',
  agent: '代理机构',
  status: '状态',
  regNo: '登记号',
  regDate: '登记日期',
  stage: '阶段',
  paused: '暂停',
  outcome: '结案结果',
  paidOn: '支付日期',
  kind: '类型',
  amountFen: '金额',
  approvedFen: '核定金额',
  approvedOn: '批准日期',
  paidFen: '拨付金额',
  paidOutOn: '拨付日期',
  materials: '申报材料',
  note: '备注',
  policyId: '贴息政策',
  eligible: '符合条件',
  visitedOn: '走访日期',
  place: '地点',
  attendees: '参加人员',
  notes: '走访情况',
  nextSteps: '下一步',
  followUpOn: '跟进日期',
};

/** The Chinese name of a recorded field (the key itself when unknown). */
export const fieldLabel = (key: string): string => LABELS[key] ?? key;

/** Ids mean nothing to a reader; the summary line already names the record. */
const HIDDEN = new Set(['id', 'caseId', 'enterpriseId']);

const FLAG_LABELS: Record<string, string> = Object.fromEntries(
  [...GENERAL_CONFIRMATIONS, ...BASE_DOCUMENTS, CO_OWNER_CONSENT, { key: 'trademark_together', label: '商标一并质押' }].map((x) => [
    x.key,
    x.label,
  ]),
);

function flagsText(v: unknown): string {
  if (!v || typeof v !== 'object') return '—';
  const on = Object.entries(v as Record<string, boolean>).filter(([, x]) => x);
  if (on.length === 0) return '无';
  // Item-level confirmations are keyed by item id; count them instead of showing the id.
  const named = on.map(([k]) => FLAG_LABELS[k]).filter((x): x is string => x !== undefined);
  const others = on.length - named.length;
  return [...named, ...(others ? [`质押物风险确认 ${others} 项`] : [])].join('、');
}

function valueText(action: string, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'confirmations' || key === 'documents') return flagsText(v);
  // Subsidy materials are keyed by their own names.
  if (key === 'materials' && typeof v === 'object')
    return (
      Object.entries(v as Record<string, boolean>)
        .filter(([, x]) => x)
        .map(([k]) => k)
        .join('、') || '无'
    );
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key.endsWith('Fen') && typeof v === 'number' && Number.isSafeInteger(v)) return formatChineseAmount(v);
  if (key === 'ratePercent' && typeof v === 'number') return `${v}%`;
  if (key === 'needTermMonths' && typeof v === 'number') return `${v} 个月`;
  if (key === 'stage') return STAGE_LABELS[v as Stage] ?? String(v);
  if (key === 'outcome') return OUTCOME_LABELS[v as Outcome] ?? String(v);
  if (key === 'kind') return PAYMENT_KIND_LABELS[v as PaymentKind] ?? String(v);
  if (key === 'status')
    return (
      (action.startsWith('subsidy') ? SUBSIDY_STATUS_LABELS[v as SubsidyStatus] : PLEDGE_STATUS_LABELS[v as PledgeStatus]) ?? String(v)
    );
  if (Array.isArray(v)) return v.length ? v.map(String).join('、') : '无';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The changed fields of one event, in the order they were recorded. */
export function describeEvent(action: string, before: unknown, after: unknown): ChangeLine[] {
  const b = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : null;
  const a = after && typeof after === 'object' && !Array.isArray(after) ? (after as Record<string, unknown>) : null;
  // A list (the pledged items by number) has no fields: one line for the whole list.
  if (!a && !b)
    return before === null && after === null
      ? []
      : [{ field: '内容', before: valueText(action, '', before), after: valueText(action, '', after) }];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k));
  return keys
    .map((k) => ({ field: fieldLabel(k), before: b ? valueText(action, k, b[k]) : '', after: a ? valueText(action, k, a[k]) : '' }))
    .filter((l) => l.before !== l.after);
}
