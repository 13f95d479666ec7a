/**
 * SQL pieces the dashboard and the case list's drill-down share, so a segment's number and the
 * list behind it are selected by the same rule.
 */
import { PLEDGE_WAS_REGISTERED } from '../../../shared/domain/case-statuses';

/** A pledge CNIPA recorded (registered, changed or cancelled since). */
export const WAS_REGISTERED = `p.reg_no <> '' AND p.reg_date IS NOT NULL AND p.status IN (${PLEDGE_WAS_REGISTERED.map((s) => `'${s}'`).join(', ')})`;

/** 登记金额: the secured amount, else the loan. */
export const REG_AMOUNT = 'coalesce(p.secured_fen, p.loan_fen, 0)';

/** The kind of every pledged item of case c, 'mixed' when they differ, 'none' without items. */
export const CASE_KIND = `(SELECT CASE count(DISTINCT a.kind) WHEN 0 THEN 'none' WHEN 1 THEN min(a.kind) ELSE 'mixed' END
  FROM case_items ci JOIN ip_assets a ON a.id = ci.ip_asset_id WHERE ci.case_id = c.id)`;

/** The bank as grouped: blank shows as （未填）. */
export const BANK = "coalesce(nullif(p.bank, ''), '（未填）')";
