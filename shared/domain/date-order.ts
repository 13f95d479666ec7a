/**
 * Dates that depend on other records: checked by the service against what is stored, with
 * the same words on the desktop and the server. Each returns the problem in Chinese, or null.
 * (Dates that depend only on their own form are checked in the schemas.)
 */
import type { PaymentKind } from './case-statuses';

/** Interest accrues from the loan's start: an interest payment before it cannot be real. */
export function paymentDateProblem(kind: PaymentKind, paidOn: string, loanStart: string | null): string | null {
  if (kind !== 'interest') return null;
  if (!loanStart) return '请先在“质押登记”录入贷款起止日期，再登记利息支付';
  return paidOn < loanStart ? `利息支付日 ${paidOn} 早于贷款发放日 ${loanStart}` : null;
}

/** CNIPA registers what was filed: the registration day is on or after the filing day. */
export function registrationDateProblem(regDate: string, submittedOn: string | null): string | null {
  return submittedOn && regDate < submittedOn ? `登记日期 ${regDate} 早于提交登记的日期 ${submittedOn}` : null;
}

/** A decision follows the step before it (approval after submission, payment after approval). */
export function decisionDateProblem(on: string, after: { label: string; on: string | null }): string | null {
  return after.on && on < after.on ? `日期 ${on} 早于${after.label}日期 ${after.on}` : null;
}
