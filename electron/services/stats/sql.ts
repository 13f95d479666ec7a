/**
 * SQL pieces the dashboard and the case list's drill-down share, so a segment's number and the
 * list behind it are selected by the same rule.
 */
import { PLEDGE_WAS_REGISTERED } from '../../../shared/domain/case-statuses';

/** A pledge CNIPA recorded (registered, changed or cancelled since). */
export const WAS_REGISTERED = `p.reg_no <> '' AND p.reg_date IS NOT NULL AND p.status IN (${PLEDGE_WAS_REGISTERED.map((s) => `'${s}'`).join(', ')})`;

/** 登记金额: the secured amount, else the loan. */
export const REG_AMOUNT = 'coalesce(p.secured_fen, p.loan_fen, 0)';

/** The kind of every pledged item of case c, 'mixed' when they differ, 'none' without items (kept on the case by triggers: migration 11). */
export const CASE_KIND = 'c.items_kind';
