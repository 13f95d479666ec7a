/**
 * Checks of the CNIPA pledge-registration application before filing (《专利权质押登记办法》):
 * the contract carries the required terms, the pledgor is the registered owner of every
 * item, the debt performance period ends before every item expires, and every item is
 * pledgeable. Risk and confirm lines count as settled once the steward confirms them.
 */
import type { CheckLine } from './guidance';
import { isPatentKind, type IpKind } from './ip';
import type { Pledgeability } from './pledgeability';

export interface RegistrationDraft {
  pledgor: string;
  pledgee: string;
  loanContractNo: string;
  loanFen: number | null;
  loanStart: string | null;
  loanEnd: string | null;
  pledgeContractNo: string;
  securedFen: number | null;
  pledgeStart: string | null;
  pledgeEnd: string | null;
}

export interface RegistrationItem {
  id: string;
  label: string;
  kind: IpKind;
  assessment: Pledgeability;
}

export interface RegistrationCheck {
  ok: boolean;
  lines: CheckLine[];
  /** CNIPA wants an Excel list of patent numbers when more than 10 patents are pledged. */
  needsExcelList: boolean;
}

/** More patents than this need the Excel list of numbers. */
export const FORM_PATENT_LIMIT = 10;

export function checkRegistration(d: RegistrationDraft, items: readonly RegistrationItem[], confirmations: Record<string, boolean>): RegistrationCheck {
  const lines: CheckLine[] = [];
  const missing = [
    [!d.pledgor.trim(), '出质人'],
    [!d.pledgee.trim(), '质权人'],
    [!d.loanContractNo.trim(), '主合同编号'],
    [!d.loanFen, '主债权数额'],
    [!d.loanStart || !d.loanEnd, '债务履行期限'],
    [!d.pledgeContractNo.trim(), '质押合同编号'],
    [!d.securedFen, '担保债权数额'],
    [!d.pledgeStart, '质押期限起始日'],
  ]
    .filter(([miss]) => miss)
    .map(([, label]) => label as string);
  if (missing.length) lines.push({ code: 'contract_terms', level: 'block', subject: '合同', message: `缺少必要条款：${missing.join('、')}` });
  if (d.loanStart && d.loanEnd && d.loanEnd <= d.loanStart) lines.push({ code: 'loan_dates', level: 'block', subject: '合同', message: '债务履行期限的结束日应晚于开始日' });
  if (d.pledgeStart && d.pledgeEnd && d.pledgeEnd <= d.pledgeStart) lines.push({ code: 'pledge_dates', level: 'block', subject: '合同', message: '质押期限的结束日应晚于开始日' });
  if (d.securedFen && d.loanFen && d.securedFen > d.loanFen) lines.push({ code: 'secured_over_loan', level: 'warn', subject: '合同', message: '担保债权数额大于主债权数额，请核对' });
  if (items.length === 0) lines.push({ code: 'no_items', level: 'block', subject: '质押物', message: '尚未选择质押物' });
  for (const item of items) {
    for (const r of item.assessment.reasons) {
      const confirmKey = r.level === 'risk' || r.level === 'confirm' ? `${item.id}:${r.code}` : undefined;
      lines.push({ code: r.code, level: r.level, subject: item.label, message: r.message, ...(confirmKey ? { confirmKey, confirmed: confirmations[confirmKey] === true } : {}) });
    }
    const exp = item.assessment.expiresOn;
    if (d.loanEnd && exp && item.kind !== 'trademark' && d.loanEnd >= exp) {
      lines.push({ code: 'debt_past_expiry', level: 'block', subject: item.label, message: `债务履行期至 ${d.loanEnd}，超过保护期届满日 ${exp}` });
    }
  }
  if (items.some((i) => i.kind === 'trademark')) {
    const confirmKey = 'trademark_together';
    lines.push({ code: confirmKey, level: 'confirm', subject: '商标', message: '同一权利人在相同或类似商品上注册的相同或近似商标须一并质押', confirmKey, confirmed: confirmations[confirmKey] === true });
  }
  const ok = !lines.some((l) => l.level === 'block' || (l.confirmKey && !l.confirmed));
  return { ok, lines, needsExcelList: items.filter((i) => isPatentKind(i.kind)).length > FORM_PATENT_LIMIT };
}
