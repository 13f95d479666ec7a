import type { Database } from 'better-sqlite3';
import {
  PAYMENT_KIND_LABELS,
  SUBSIDY_MOVE_VERBS,
  SUBSIDY_MOVES,
  SUBSIDY_STATUS_LABELS,
  type FeeType,
  type SubsidyStatus,
} from '../../../shared/domain/case-statuses';
import { decisionDateProblem, paymentDateProblem } from '../../../shared/domain/date-order';
import { computeSubsidy, type SubsidyResult } from '../../../shared/domain/subsidy';
import { AppError } from '../../../shared/errors';
import { formatYuan } from '../../../shared/money';
import type { Policy, SubsidyInput } from '../../../shared/schemas/policy';
import type { PaymentView, SubsidyView } from '../../../shared/types/case';
import type { WriteContext } from '../enterprises/repository';
import { getEnterprise } from '../enterprises/repository';
import { newId } from '../ids';
import { recordEvent } from './audit';
import { getPledge } from './pledge';
import { getCaseRecord } from './repository';

export function listPayments(db: Database, caseId: string): PaymentView[] {
  return db
    .prepare(
      'SELECT id, paid_on AS paidOn, kind, amount_fen AS amountFen, note, created_by AS createdBy, created_at AS createdAt FROM payments WHERE case_id = ? ORDER BY paid_on, created_at',
    )
    .all(caseId) as PaymentView[];
}

export function savePayment(
  db: Database,
  p: { caseId: string; paidOn: string; kind: PaymentView['kind']; amountFen: number; note: string },
  ctx: WriteContext,
): void {
  db.transaction(() => {
    if (getCaseRecord(db, p.caseId).stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再修改');
    const problem = paymentDateProblem(p.kind, p.paidOn, getPledge(db, p.caseId)?.loanStart ?? null);
    if (problem) throw new AppError('INVALID_INPUT', problem, [{ path: 'paidOn', message: problem }]);
    const id = newId();
    db.prepare(
      'INSERT INTO payments (id, case_id, paid_on, kind, amount_fen, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, p.caseId, p.paidOn, p.kind, p.amountFen, p.note, ctx.actor, ctx.now);
    recordEvent(
      db,
      p.caseId,
      {
        action: 'payment',
        summary: `登记${PAYMENT_KIND_LABELS[p.kind]}支付 ${formatYuan(p.amountFen)} 元（${p.paidOn}）`,
        after: { id, ...p },
      },
      ctx,
    );
  }).immediate();
}

export function deletePayment(db: Database, id: string, ctx: WriteContext): string {
  let caseId = '';
  db.transaction(() => {
    const row = db
      .prepare('SELECT case_id AS caseId, paid_on AS paidOn, kind, amount_fen AS amountFen, note FROM payments WHERE id = ?')
      .get(id) as (Omit<PaymentView, 'id' | 'createdBy' | 'createdAt'> & { caseId: string }) | undefined;
    if (!row) throw new AppError('NOT_FOUND', '支付记录不存在或已删除');
    caseId = row.caseId;
    if (getCaseRecord(db, caseId).stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再修改');
    db.prepare('DELETE FROM payments WHERE id = ?').run(id);
    recordEvent(
      db,
      caseId,
      {
        action: 'payment_delete',
        summary: `删除${PAYMENT_KIND_LABELS[row.kind]}支付记录 ${formatYuan(row.amountFen)} 元（${row.paidOn}）`,
        before: row,
      },
      ctx,
    );
  }).immediate();
  return caseId;
}

export function getSubsidy(db: Database, caseId: string): SubsidyView | null {
  const r = db
    .prepare(
      `SELECT policy_id AS policyId, policy_version AS policyVersion, repaid, other_subsidy AS otherSubsidy, materials, calc, amount_fen AS amountFen, status,
       status_note AS statusNote, status_on AS statusOn, submitted_on AS submittedOn, approved_fen AS approvedFen, approved_on AS approvedOn,
       paid_fen AS paidFen, paid_on AS paidOn, updated_by AS updatedBy, updated_at AS updatedAt FROM subsidy_applications WHERE case_id = ?`,
    )
    .get(caseId) as
    | (Omit<SubsidyView, 'repaid' | 'otherSubsidy' | 'materials' | 'calc'> & {
        repaid: number;
        otherSubsidy: number;
        materials: string;
        calc: string;
      })
    | undefined;
  return r
    ? { ...r, repaid: r.repaid === 1, otherSubsidy: r.otherSubsidy === 1, materials: JSON.parse(r.materials), calc: JSON.parse(r.calc) }
    : null;
}

export interface SubsidyDraft {
  caseId: string;
  policyId: string;
  repaid: boolean;
  otherSubsidy: boolean;
  materials: Record<string, boolean>;
}

/** The calculator's input, from the case's loan, payments, enterprise and items. */
export function subsidyInputFor(db: Database, draft: Omit<SubsidyDraft, 'materials'>, policy: Policy, year: string): SubsidyInput {
  const record = getCaseRecord(db, draft.caseId);
  const pledge = getPledge(db, draft.caseId);
  if (!pledge?.loanFen || !pledge.loanStart || !pledge.loanEnd)
    throw new AppError('CONFLICT', '尚未录入完整的贷款信息（金额、发放日、到期日），无法计算贴息');
  const payments = listPayments(db, draft.caseId);
  // A payment that no longer fits the loan (its dates were corrected later) is not summed silently.
  const misdated = payments.map((p) => paymentDateProblem(p.kind, p.paidOn, pledge.loanStart)).filter((x): x is string => x !== null);
  if (misdated.length) throw new AppError('CONFLICT', `支付记录与贷款日期不符，请先更正：${misdated.join('；')}`);
  const enterprise = getEnterprise(db, record.enterpriseId);
  const kinds = db
    .prepare('SELECT DISTINCT a.kind FROM case_items i JOIN ip_assets a ON a.id = i.ip_asset_id WHERE i.case_id = ?')
    .pluck()
    .all(draft.caseId) as SubsidyInput['ipKinds'];
  const already = db
    .prepare(
      `SELECT coalesce(sum(coalesce(s.paid_fen, s.approved_fen)), 0) FROM subsidy_applications s JOIN cases c ON c.id = s.case_id
       WHERE c.enterprise_id = ? AND c.id <> ? AND s.policy_id = ? AND s.status IN ('approved', 'paid') AND substr(s.approved_on, 1, 4) = ?`,
    )
    .pluck()
    .get(record.enterpriseId, draft.caseId, policy.id, year) as number;
  return {
    policyId: policy.id,
    loan: { principalFen: pledge.loanFen, startDate: pledge.loanStart, endDate: pledge.loanEnd, repaid: draft.repaid },
    interestPaidFen: payments.filter((p) => p.kind === 'interest').reduce((s, p) => s + p.amountFen, 0),
    fees: payments.filter((p) => p.kind !== 'interest').map((p) => ({ type: p.kind as FeeType, amountFen: p.amountFen })),
    enterprise: { district: enterprise.district, qualifications: enterprise.qualifications },
    ipKinds: kinds,
    alreadyGrantedThisYearFen: already,
    otherSubsidyForThisLoan: draft.otherSubsidy,
  };
}

export function calcForCase(
  db: Database,
  draft: Omit<SubsidyDraft, 'materials'>,
  policy: Policy,
  today: string,
): { input: SubsidyInput; result: SubsidyResult } {
  const input = subsidyInputFor(db, draft, policy, today.slice(0, 4));
  if (input.ipKinds.length === 0) throw new AppError('CONFLICT', '案件没有质押物，无法计算贴息');
  return { input, result: computeSubsidy(policy, input) };
}

export function saveSubsidy(db: Database, draft: SubsidyDraft, policy: Policy, ctx: WriteContext, today: string): void {
  db.transaction(() => {
    const record = getCaseRecord(db, draft.caseId);
    if (record.stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再修改');
    const current = getSubsidy(db, draft.caseId);
    if (current && current.status !== 'draft')
      throw new AppError(
        'CONFLICT',
        `贴息申请状态为“${SUBSIDY_STATUS_LABELS[current.status]}”，不能修改${current.status === 'rejected' ? '（请先退回草稿）' : ''}`,
      );
    const { result } = calcForCase(db, draft, policy, today);
    const sameApplication =
      current &&
      current.policyId === policy.id &&
      current.repaid === draft.repaid &&
      current.otherSubsidy === draft.otherSubsidy &&
      current.amountFen === result.totalFen &&
      current.calc.eligible === result.eligible;
    const ticked = Object.entries(draft.materials).filter(([m, v]) => (current?.materials[m] === true) !== v);
    if (sameApplication && ticked.length === 0) return;
    const vals = [
      policy.id,
      policy.version,
      +draft.repaid,
      +draft.otherSubsidy,
      JSON.stringify({ ...current?.materials, ...draft.materials }),
      JSON.stringify(result),
      result.totalFen,
    ];
    if (current) {
      db.prepare(
        'UPDATE subsidy_applications SET (policy_id, policy_version, repaid, other_subsidy, materials, calc, amount_fen, updated_by, updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE case_id = ?',
      ).run(...vals, ctx.actor, ctx.now, draft.caseId);
    } else {
      db.prepare(
        "INSERT INTO subsidy_applications (case_id, policy_id, policy_version, repaid, other_subsidy, materials, calc, amount_fen, status, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)",
      ).run(draft.caseId, ...vals, ctx.actor, ctx.now);
    }
    if (sameApplication) {
      // Ticking a material is its own line in the trail, not another calculation.
      const summary = ticked.map(([m, v]) => `申报材料${v ? '已备' : '取消'}：${m}`).join('；');
      recordEvent(
        db,
        draft.caseId,
        {
          action: 'subsidy_materials',
          summary,
          before: { materials: current.materials },
          after: { materials: { ...current.materials, ...draft.materials } },
        },
        ctx,
      );
      return;
    }
    const summary = `贴息测算（${policy.title} ${policy.version}）：${result.eligible ? `${formatYuan(result.totalFen)} 元` : `不符合条件（${result.failures.length} 项）`}`;
    recordEvent(
      db,
      draft.caseId,
      {
        action: 'subsidy',
        summary,
        before: current ? { policyId: current.policyId, amountFen: current.amountFen } : undefined,
        after: { policyId: policy.id, amountFen: result.totalFen, eligible: result.eligible },
      },
      ctx,
    );
  }).immediate();
}

export interface SubsidyStatusChange {
  caseId: string;
  to: SubsidyStatus;
  note: string;
  /** The approved or paid amount (required for those two moves). */
  amountFen: number | null;
  /** The day of the approval or payment. */
  on: string | null;
}

/** Refuses an approval or payment that does not follow from the application before it. */
function decisionProblems(c: SubsidyStatusChange, current: SubsidyView, calc: SubsidyResult): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if ((c.to !== 'approved' && c.to !== 'paid') || c.amountFen === null || c.on === null) return out;
  const [ceiling, ceilingLabel, before] =
    c.to === 'approved'
      ? [calc.totalFen, '申请金额', { label: '提交申请', on: current.submittedOn }]
      : [current.approvedFen ?? calc.totalFen, '核定金额', { label: '批准', on: current.approvedOn }];
  if (c.amountFen > ceiling)
    out.push({
      path: 'amountFen',
      message: `${c.to === 'approved' ? '核定' : '拨付'}金额 ${formatYuan(c.amountFen)} 元超过${ceilingLabel} ${formatYuan(ceiling)} 元`,
    });
  const dateProblem = decisionDateProblem(c.on, before);
  if (dateProblem) out.push({ path: 'on', message: dateProblem });
  return out;
}

export function changeSubsidyStatus(
  db: Database,
  c: SubsidyStatusChange,
  policy: (id: string) => Policy,
  ctx: WriteContext,
  today: string,
): void {
  db.transaction(() => {
    const record = getCaseRecord(db, c.caseId);
    const current = getSubsidy(db, c.caseId);
    if (!current) throw new AppError('CONFLICT', '尚未填写贴息申请');
    if (record.stage === 'closed') throw new AppError('CONFLICT', '案件已结案，不能再变更');
    if (!SUBSIDY_MOVES[current.status].includes(c.to))
      throw new AppError('CONFLICT', `贴息申请不能从“${SUBSIDY_STATUS_LABELS[current.status]}”变为“${SUBSIDY_STATUS_LABELS[c.to]}”`);
    let calc = current.calc;
    if (c.to === 'submitted') {
      if (record.stage !== 'subsidy') throw new AppError('CONFLICT', '案件需处于“贴息申报”阶段才能提交申请');
      const p = policy(current.policyId);
      // Submit what the records say now, not what they said when the draft was saved.
      calc = calcForCase(
        db,
        { caseId: c.caseId, policyId: current.policyId, repaid: current.repaid, otherSubsidy: current.otherSubsidy },
        p,
        today,
      ).result;
      if (!calc.eligible)
        throw new AppError(
          'CONFLICT',
          `不符合申报条件：${calc.failures.map((f) => f.message).join('；')}`,
          calc.failures.map((f) => ({ path: f.rule, message: f.message })),
        );
      if (calc.totalFen === 0) throw new AppError('CONFLICT', '核定贴息为 0 元（没有可计入的利息或费用），无需申报');
      const missing = p.materials.filter((m) => current.materials[m] !== true);
      if (missing.length)
        throw new AppError(
          'CONFLICT',
          `不能${SUBSIDY_MOVE_VERBS.submitted}：申报材料尚缺 ${missing.length} 项（${missing.join('、')}）`,
          missing.map((m) => ({ path: '', message: `缺少：${m}` })),
        );
    }
    if (c.to === 'rejected' && !c.note.trim()) throw new AppError('CONFLICT', '“未通过”须填写原因');
    const problems = decisionProblems(c, current, calc);
    if (problems.length) throw new AppError('INVALID_INPUT', problems.map((p) => p.message).join('；'), problems);
    const next = {
      submittedOn: c.to === 'submitted' ? (c.on ?? today) : current.submittedOn,
      approvedFen: c.to === 'approved' ? c.amountFen : c.to === 'draft' ? null : current.approvedFen,
      approvedOn: c.to === 'approved' ? c.on : c.to === 'draft' ? null : current.approvedOn,
      paidFen: c.to === 'paid' ? c.amountFen : current.paidFen,
      paidOn: c.to === 'paid' ? c.on : current.paidOn,
    };
    db.prepare(
      `UPDATE subsidy_applications SET status = ?, status_note = ?, status_on = ?, calc = ?, amount_fen = ?, submitted_on = ?, approved_fen = ?, approved_on = ?,
       paid_fen = ?, paid_on = ?, updated_by = ?, updated_at = ? WHERE case_id = ?`,
    ).run(
      c.to,
      c.note.trim(),
      c.on ?? today,
      JSON.stringify(calc),
      calc.totalFen,
      next.submittedOn,
      next.approvedFen,
      next.approvedOn,
      next.paidFen,
      next.paidOn,
      ctx.actor,
      ctx.now,
      c.caseId,
    );
    const amount =
      c.to === 'approved' || c.to === 'paid'
        ? `${c.to === 'approved' ? '核定' : '拨付'} ${formatYuan(c.amountFen!)} 元，${c.on}`
        : `申请 ${formatYuan(calc.totalFen)} 元`;
    recordEvent(
      db,
      c.caseId,
      {
        action: 'subsidy_status',
        summary: `贴息申请：${SUBSIDY_STATUS_LABELS[current.status]} → ${SUBSIDY_STATUS_LABELS[c.to]}（${amount}）`,
        before: { status: current.status },
        after: {
          status: c.to,
          ...(c.to === 'approved' ? { approvedFen: c.amountFen, approvedOn: c.on } : {}),
          ...(c.to === 'paid' ? { paidFen: c.amountFen, paidOutOn: c.on } : {}),
        },
        reason: c.note.trim(),
      },
      ctx,
    );
  }).immediate();
}
