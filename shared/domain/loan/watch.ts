/**
 * Watching the pledged IP while the loan runs (DOMAIN.md §5): each item's annual fee, its
 * remaining term against the loan's end, and its legal events. A warning names what happened
 * and what to do next; a `danger` means the bank's security has weakened.
 */
import { addDays, daysBetween } from '../dates';
import { isPatentKind, legalExpiry, type IpKind, type LegalStatus } from '../ip';

export const IP_EVENT_KINDS = [
  'lapse',
  'invalidation_request',
  'invalidated',
  'transfer',
  'licence',
  'litigation',
  'preservation',
] as const;
export type IpEventKind = (typeof IP_EVENT_KINDS)[number];
export const IP_EVENT_LABELS: Record<IpEventKind, string> = {
  lapse: '权利终止',
  invalidation_request: '无效宣告请求',
  invalidated: '宣告无效',
  transfer: '转让',
  licence: '许可',
  litigation: '诉讼',
  preservation: '财产保全',
};

export interface IpEvent {
  id?: string;
  ipAssetId: string;
  kind: IpEventKind;
  occurredOn: string;
  /** The day it stopped mattering (a request withdrawn, a preservation lifted); null while it stands. */
  endedOn: string | null;
  note: string;
}

export interface WatchedItem {
  id: string;
  number: string;
  title: string;
  kind: IpKind;
  legalStatus: LegalStatus;
  filingDate?: string | null;
  grantDate?: string | null;
  registrationDate?: string | null;
  validUntil?: string | null;
  publishedOn?: string | null;
  feePaidThrough: string | null;
}

export type WatchLevel = 'danger' | 'warning' | 'notice';
export const WATCH_LEVEL_LABELS: Record<WatchLevel, string> = { danger: '担保削弱', warning: '需关注', notice: '提示' };

export interface WatchWarning {
  itemId: string | null;
  level: WatchLevel;
  code: string;
  message: string;
  action: string;
}

/** 专利法实施细则: a fee not paid by its day may be paid within six months with a surcharge; after that the patent ends. */
export const FEE_GRACE_DAYS = 183;
/** How far ahead a fee falling due is a warning rather than a notice. */
export const FEE_SOON_DAYS = 60;

const EVENT_WARNINGS: Record<IpEventKind, { level: WatchLevel; what: string; action: string }> = {
  lapse: { level: 'danger', what: '权利终止', action: '核实终止原因（欠费终止可在期限内请求恢复权利），通知质权银行，协商追加担保物' },
  invalidation_request: { level: 'warning', what: '被提出无效宣告请求', action: '协助企业答辩，告知质权银行并关注审查进展' },
  invalidated: { level: 'danger', what: '被宣告无效', action: '通知质权银行，协商追加或更换担保物' },
  transfer: { level: 'danger', what: '质押期间发生转让（须经质权人同意）', action: '核实是否经质权人书面同意，立即告知质权银行' },
  licence: { level: 'warning', what: '质押期间许可他人实施（须经质权人同意）', action: '核实质权人同意情况；许可费可约定优先用于还款' },
  litigation: { level: 'warning', what: '涉及诉讼（权属或侵权）', action: '关注诉讼进展，评估对质物价值的影响并告知银行' },
  preservation: { level: 'danger', what: '被法院采取保全措施', action: '通知质权银行，了解案件情况，评估处置风险' },
};

export interface WatchInput {
  items: readonly WatchedItem[];
  events: readonly IpEvent[];
  loanEndOn: string;
  pledgeEndOn: string | null;
  asOf: string;
}

function feeWarnings(item: WatchedItem, loanEndOn: string, asOf: string): WatchWarning[] {
  if (!isPatentKind(item.kind) || item.legalStatus !== 'granted') return [];
  const w = (level: WatchLevel, code: string, message: string, action: string): WatchWarning[] => [
    { itemId: item.id, level, code, message, action },
  ];
  const due = item.feePaidThrough;
  if (!due) return w('warning', 'fee_unknown', '未记录年费缴纳情况', '向企业核实年费缴纳情况，录入年费缴至日');
  if (due < asOf) {
    const graceEnd = addDays(due, FEE_GRACE_DAYS);
    return asOf <= graceEnd
      ? w(
          'danger',
          'fee_overdue',
          `年费应于 ${due} 缴纳，已逾期 ${daysBetween(due, asOf)} 天（滞纳期至 ${graceEnd}）`,
          '督促企业在滞纳期内补缴年费及滞纳金，并告知质权银行',
        )
      : w(
          'danger',
          'fee_lapsed',
          `年费应于 ${due} 缴纳，逾期已超过滞纳期（${graceEnd}），专利权可能已终止`,
          '核实专利法律状态，通知质权银行，协商追加担保物',
        );
  }
  if (due > loanEndOn) return [];
  return daysBetween(asOf, due) <= FEE_SOON_DAYS
    ? w('warning', 'fee_due_soon', `年费将于 ${due} 到期（贷款 ${loanEndOn} 到期之前）`, '提醒企业按时缴纳年费，缴费后更新年费缴至日')
    : w('notice', 'fee_due_in_loan', `贷款期内年费于 ${due} 到期`, '到期前提醒企业缴纳年费');
}

export function watchPledge(input: WatchInput): WatchWarning[] {
  const out: WatchWarning[] = [];
  if (input.pledgeEndOn && input.pledgeEndOn < input.loanEndOn) {
    out.push({
      itemId: null,
      level: 'warning',
      code: 'pledge_period_short',
      message: `质押期限至 ${input.pledgeEndOn}，早于贷款到期日 ${input.loanEndOn}（如已展期）`,
      action: '办理质押登记变更，延长质押期限至贷款到期之后',
    });
  }
  for (const item of input.items) {
    if (item.legalStatus === 'lapsed' || item.legalStatus === 'invalidated') {
      out.push({
        itemId: item.id,
        level: 'danger',
        code: `status_${item.legalStatus}`,
        message: item.legalStatus === 'lapsed' ? '法律状态为失效' : '法律状态为已宣告无效',
        action: '通知质权银行，协商追加或更换担保物',
      });
      continue;
    }
    out.push(...feeWarnings(item, input.loanEndOn, input.asOf));
    const expiry = legalExpiry(item);
    if (expiry && expiry < input.loanEndOn) {
      out.push({
        itemId: item.id,
        level: 'danger',
        code: 'term_short',
        message: `保护期于 ${expiry} 届满，早于贷款到期日 ${input.loanEndOn}`,
        action: '协商追加担保物，或调整贷款期限',
      });
    }
    for (const ev of input.events) {
      if (ev.ipAssetId !== item.id || ev.occurredOn > input.asOf || (ev.endedOn && ev.endedOn <= input.asOf)) continue;
      const rule = EVENT_WARNINGS[ev.kind];
      out.push({
        itemId: item.id,
        level: rule.level,
        code: `event_${ev.kind}`,
        message: `${ev.occurredOn} ${rule.what}${ev.note ? `：${ev.note}` : ''}`,
        action: rule.action,
      });
    }
  }
  const rank: Record<WatchLevel, number> = { danger: 0, warning: 1, notice: 2 };
  return out.sort((a, b) => rank[a.level] - rank[b.level]);
}

/** The bank's security has weakened when any warning is a danger. */
export const securityWeakened = (warnings: readonly WatchWarning[]): boolean => warnings.some((w) => w.level === 'danger');
