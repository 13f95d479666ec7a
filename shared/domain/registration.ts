/**
 * Checks of the CNIPA pledge-registration application before filing (《专利权质押登记办法》):
 * the contract carries the required terms, the pledgor is the registered owner of every
 * item, the debt performance period ends before every item expires, every item is
 * pledgeable, and the loan is within what the valuation supports under the chosen product.
 * Risk and confirm lines count as settled once the steward confirms them.
 */
import { confirmable, isOpen, itemLines, type CheckedItem, type CheckLine } from './check-lines';
import { isPatentKind } from './ip';
import { wanText } from './loan-capacity';

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

export type RegistrationItem = CheckedItem;

export interface RegistrationCheck {
  ok: boolean;
  lines: CheckLine[];
  /** Items with a line that makes registration refused. */
  blockedItems: number;
  /** CNIPA wants an Excel list of patent numbers when more than 10 patents are pledged. */
  needsExcelList: boolean;
}

/** What the case's valuation supports under the chosen product (the loan rule), and what that product does about a loan above it. */
export interface LoanSupport {
  productName: string;
  capacityFen: number;
  onExcess: 'warn' | 'block';
}

/** More patents than this need the Excel list of numbers. */
export const FORM_PATENT_LIMIT = 10;

export function checkRegistration(
  d: RegistrationDraft,
  items: readonly RegistrationItem[],
  confirmations: Record<string, boolean>,
  support: LoanSupport | null = null,
): RegistrationCheck {
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
  if (missing.length)
    lines.push({ code: 'contract_terms', level: 'block', subject: '合同', message: `缺少必要条款：${missing.join('、')}` });
  if (d.loanStart && d.loanEnd && d.loanEnd <= d.loanStart)
    lines.push({ code: 'loan_dates', level: 'block', subject: '合同', message: '债务履行期限的结束日应晚于开始日' });
  if (d.pledgeStart && d.pledgeEnd && d.pledgeEnd <= d.pledgeStart)
    lines.push({ code: 'pledge_dates', level: 'block', subject: '合同', message: '质押期限的结束日应晚于开始日' });
  if (d.securedFen && d.loanFen && d.securedFen > d.loanFen)
    lines.push({ code: 'secured_over_loan', level: 'warn', subject: '合同', message: '担保债权数额大于主债权数额，请核对' });
  if (support && d.loanFen && d.loanFen > support.capacityFen) lines.push(overCapacity(d.loanFen, support, confirmations));
  if (items.length === 0) lines.push({ code: 'no_items', level: 'block', subject: '质押物', message: '尚未选择质押物' });
  const debt = d.loanEnd ? { end: d.loanEnd, basis: '' } : null;
  let blockedItems = 0;
  for (const item of items) {
    const found = itemLines(item, debt, confirmations);
    if (found.some((l) => l.level === 'block')) blockedItems++;
    lines.push(...found);
  }
  if (items.some((i) => i.kind === 'trademark')) {
    lines.push(
      confirmable(
        {
          code: 'trademark_together',
          level: 'confirm',
          subject: '商标',
          message: '同一权利人在相同或类似商品上注册的相同或近似商标须一并质押',
          confirmKey: 'trademark_together',
        },
        confirmations,
      ),
    );
  }
  return {
    ok: !lines.some(isOpen),
    lines,
    blockedItems,
    needsExcelList: items.filter((i) => isPatentKind(i.kind)).length > FORM_PATENT_LIMIT,
  };
}

/**
 * A loan above what the valuation supports: refused where the product says so, otherwise to
 * be confirmed (the bank agreeing to lend more). The key names both amounts, so a changed
 * loan or valuation asks again.
 */
function overCapacity(loanFen: number, s: LoanSupport, confirmations: Record<string, boolean>): CheckLine {
  const message = `主债权数额 ${wanText(loanFen)}，超过估值可支持的贷款额度 ${wanText(s.capacityFen)}（${s.productName}）`;
  if (s.onExcess === 'block')
    return { code: 'loan_over_capacity', level: 'block', subject: '贷款额度', message: `${message}，该产品不允许超过可支持额度放款` };
  return confirmable(
    {
      code: 'loan_over_capacity',
      level: 'warn',
      subject: '贷款额度',
      message: `${message}，请确认银行已同意按此金额放款`,
      confirmKey: `loan_over_capacity:${loanFen}:${s.capacityFen}`,
    },
    confirmations,
  );
}
