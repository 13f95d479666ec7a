import type { Database } from 'better-sqlite3-multiple-ciphers';
import { addDays } from '../../../shared/domain/dates';
import type { Policy } from '../../../shared/schemas/policy';
import type { Reminder } from '../../../shared/types/case';

/**
 * What needs doing within `days`: follow-ups promised at the last visit, annual fees of
 * pledged or to-be-pledged items, pledges about to end, loans whose subsidy can now be
 * claimed, and policies whose window closes. Overdue items come first.
 */
export function reminders(db: Database, today: string, days: number, policies: Policy[]): Reminder[] {
  const until = addDays(today, days);
  const out: Reminder[] = [];
  const push = (r: Omit<Reminder, 'overdue'>) => out.push({ ...r, overdue: r.due < today });

  const followUps = db
    .prepare(
      `SELECT v.case_id AS caseId, e.name, v.follow_up_on AS due, v.next_steps AS nextSteps, v.visited_on AS visitedOn
       FROM visits v JOIN cases c ON c.id = v.case_id JOIN enterprises e ON e.id = c.enterprise_id
       WHERE c.stage <> 'closed' AND v.follow_up_on IS NOT NULL AND v.follow_up_on <= ?
         AND v.visited_on = (SELECT max(visited_on) FROM visits w WHERE w.case_id = v.case_id)`,
    )
    .all(until) as { caseId: string; name: string; due: string; nextSteps: string; visitedOn: string }[];
  for (const f of followUps)
    push({
      kind: 'follow_up',
      due: f.due,
      caseId: f.caseId,
      enterpriseName: f.name,
      subject: `${f.visitedOn} 走访`,
      message: f.nextSteps ? `跟进：${f.nextSteps}` : '约定的跟进日期',
    });

  const fees = db
    .prepare(
      `SELECT DISTINCT c.id AS caseId, e.name, a.number, a.title, a.fee_paid_through AS due
       FROM case_items i JOIN cases c ON c.id = i.case_id JOIN ip_assets a ON a.id = i.ip_asset_id JOIN enterprises e ON e.id = c.enterprise_id
       WHERE (c.stage <> 'closed' OR a.pledged = 1) AND a.legal_status = 'granted' AND a.kind IN ('invention', 'utility', 'design') AND a.fee_paid_through IS NOT NULL AND a.fee_paid_through <= ?`,
    )
    .all(until) as { caseId: string; name: string; number: string; title: string; due: string }[];
  for (const f of fees)
    push({
      kind: 'fee_due',
      due: f.due,
      caseId: f.caseId,
      enterpriseName: f.name,
      subject: f.title,
      message: `年费缴至 ${f.due}，逾期未缴将导致专利权终止、质押落空`,
    });

  const pledges = db
    .prepare(
      `SELECT c.id AS caseId, e.name, p.reg_no AS regNo, coalesce(p.pledge_end, p.loan_end) AS due
       FROM pledges p JOIN cases c ON c.id = p.case_id JOIN enterprises e ON e.id = c.enterprise_id
       WHERE p.status IN ('registered', 'changed') AND coalesce(p.pledge_end, p.loan_end) <= ?`,
    )
    .all(until) as { caseId: string; name: string; regNo: string; due: string }[];
  for (const p of pledges)
    push({
      kind: 'pledge_expiring',
      due: p.due,
      caseId: p.caseId,
      enterpriseName: p.name,
      subject: `质押登记 ${p.regNo}`,
      message: '质押期限届满：贷款结清后办理注销，或与银行办理变更',
    });

  const claims = db
    .prepare(
      `SELECT c.id AS caseId, e.name, p.loan_end AS due FROM cases c JOIN enterprises e ON e.id = c.enterprise_id JOIN pledges p ON p.case_id = c.id
       LEFT JOIN subsidy_applications s ON s.case_id = c.id
       WHERE c.stage = 'subsidy' AND (s.status IS NULL OR s.status = 'draft') AND p.loan_end <= ?`,
    )
    .all(until) as { caseId: string; name: string; due: string }[];
  for (const c of claims)
    push({
      kind: 'subsidy_window',
      due: c.due,
      caseId: c.caseId,
      enterpriseName: c.name,
      subject: '贴息申报',
      message: `贷款 ${c.due} 到期，还本付息后即可申报贴息`,
    });

  for (const p of policies) {
    if (p.effectiveTo && p.effectiveTo >= today && p.effectiveTo <= until)
      push({
        kind: 'subsidy_window',
        due: p.effectiveTo,
        caseId: null,
        enterpriseName: '',
        subject: p.title,
        message: `政策有效期至 ${p.effectiveTo}，符合条件的案件请尽快申报`,
      });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh'));
}
