/**
 * The stage machine of a service case (服务案件): 贷前指导 → 价值评估 → 质押登记 → 贴息申报 →
 * 结案. A move is checked against the facts of the case at that moment; a refused move
 * returns every reason in Chinese and leaves the state as it was.
 */
export const STAGES = ['guidance', 'valuation', 'registration', 'subsidy', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  guidance: '贷前指导',
  valuation: '价值评估',
  registration: '质押登记',
  subsidy: '贴息申报',
  closed: '结案',
};

export const OUTCOMES = ['subsidised', 'loaned', 'bank_declined', 'registration_refused', 'ineligible', 'withdrawn', 'disposed'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  subsidised: '已放款并获贴息',
  loaned: '已放款（未获贴息）',
  bank_declined: '银行未批贷',
  registration_refused: '质押登记未通过',
  ineligible: '不符合融资条件',
  withdrawn: '企业放弃',
  disposed: '违约后处置完毕',
};

export interface CaseState {
  stage: Stage;
  paused: boolean;
  outcome: Outcome | null;
}

/** What the machine needs to know about a case; computed from its records by the service. */
export interface CaseFacts {
  needFen: number | null;
  itemCount: number;
  /** Items with a reason that makes registration refused. */
  blockedItems: number;
  hasValuation: boolean;
  hasLoan: boolean;
  /** CNIPA registered the pledge (a registration number exists, whatever happened after). */
  pledgeRegistered: boolean;
  pledgeRefused: boolean;
  subsidyPaid: boolean;
  /** The pledge is registered and not yet cancelled (注销): the loan is in 贷后管理. */
  pledgeStands: boolean;
  /** Repayments are tracked and the loan is neither settled nor disposed of. */
  loanOpen: boolean;
  /** A default was recorded and its disposal closed. */
  disposalClosed: boolean;
}

export type Move =
  | { type: 'advance' }
  | { type: 'back'; to: Stage; reason: string }
  | { type: 'pause'; reason: string }
  | { type: 'resume' }
  | { type: 'close'; outcome: Outcome; reason: string };

export type MoveResult = { ok: true; state: CaseState } | { ok: false; reasons: string[] };

export const INITIAL_STATE: CaseState = { stage: 'guidance', paused: false, outcome: null };

/** The stage an advance leads to; none after 贴息申报 (a case then closes) or once closed. */
export const nextStage = (s: Stage): Stage | null => (s === 'subsidy' || s === 'closed' ? null : STAGES[STAGES.indexOf(s) + 1]!);

/** Why a case cannot enter `stage` now (empty when it can). */
export function entryBlockers(stage: Stage, f: CaseFacts): string[] {
  const out: string[] = [];
  if (stage === 'valuation') {
    if (!f.needFen) out.push('尚未填写融资需求金额');
    if (f.itemCount === 0) out.push('尚未选择拟质押的知识产权');
  }
  if (stage === 'registration') {
    if (!f.hasValuation) out.push('尚无估值结果（可关联估值记录或录入协商价值）');
    if (!f.hasLoan) out.push('尚未录入贷款合同（银行、合同编号、金额、起止日期）');
    if (f.itemCount === 0) out.push('尚未选择质押物');
    if (f.blockedItems > 0) out.push(`有 ${f.blockedItems} 项质押物存在不予登记的情形，需先处理或移出`);
  }
  if (stage === 'subsidy' && !f.pledgeRegistered) out.push('质押尚未登记，登记后方可申报贴息');
  return out;
}

/**
 * A loan closes its case once it has ended: the pledge cancelled (注销 needs proof the debt is
 * discharged) and, where repayments are tracked, the schedule repaid.
 */
function loanEnded(f: CaseFacts): string | null {
  if (f.pledgeStands) return '质押尚在登记状态（贷后管理中）：贷款结清并办理质押注销后方可结案';
  if (f.loanOpen) return '贷款尚未结清（见贷后管理的还款计划），结清后方可结案';
  return null;
}

const OUTCOME_NEEDS: Partial<Record<Outcome, (f: CaseFacts) => string | null>> = {
  subsidised: (f) => (f.subsidyPaid ? loanEnded(f) : '贴息尚未拨付，不能以“已获贴息”结案'),
  loaned: (f) => (f.pledgeRegistered ? loanEnded(f) : '质押尚未登记，不能以“已放款”结案'),
  registration_refused: (f) => (f.pledgeRefused ? null : '没有“不予登记”的记录，不能以“登记未通过”结案'),
  disposed: (f) =>
    !f.disposalClosed
      ? '没有已完成的违约处置记录，不能以“违约后处置完毕”结案'
      : f.pledgeStands
        ? '质押尚在登记状态：处置完成后请先办理质押注销（或转让登记），再结案'
        : null,
};

export function applyMove(state: CaseState, move: Move, facts: CaseFacts): MoveResult {
  const no = (...reasons: string[]): MoveResult => ({ ok: false, reasons });
  if (state.stage === 'closed') return no('案件已结案，不能再变更');
  if (state.paused && move.type !== 'resume' && move.type !== 'close') return no('案件已暂停，请先恢复');
  const needsReason = 'reason' in move && !move.reason.trim();
  switch (move.type) {
    case 'advance': {
      const to = nextStage(state.stage);
      if (!to) return no('已是最后一个阶段，请以结案完成');
      const blockers = entryBlockers(to, facts);
      return blockers.length ? no(...blockers) : { ok: true, state: { ...state, stage: to } };
    }
    case 'back':
      if (needsReason) return no('退回须填写原因');
      if (move.to === 'closed' || STAGES.indexOf(move.to) >= STAGES.indexOf(state.stage)) return no('只能退回到之前的阶段');
      return { ok: true, state: { ...state, stage: move.to } };
    case 'pause':
      if (state.paused) return no('案件已处于暂停状态');
      if (needsReason) return no('暂停须填写原因');
      return { ok: true, state: { ...state, paused: true } };
    case 'resume':
      return state.paused ? { ok: true, state: { ...state, paused: false } } : no('案件未暂停');
    case 'close': {
      const reasons = [
        OUTCOME_NEEDS[move.outcome]?.(facts) ?? null,
        move.outcome !== 'subsidised' && move.outcome !== 'loaned' && needsReason ? '结案须填写原因' : null,
      ].filter((r): r is string => r !== null);
      return reasons.length ? no(...reasons) : { ok: true, state: { stage: 'closed', paused: false, outcome: move.outcome } };
    }
  }
}

/** The state invariants every reachable state satisfies. */
export function isLegalState(s: CaseState): boolean {
  return STAGES.includes(s.stage) && (s.stage === 'closed') === (s.outcome !== null) && !(s.paused && s.stage === 'closed');
}
