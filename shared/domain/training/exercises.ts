/**
 * Scoring the trainer's self-check exercises by the app's own rules: the same pledgeability
 * check a case runs on an IP item, the same subsidy calculator an application runs. An exercise
 * stores facts only, never its answer, so the answer follows the rules if they change.
 */
import { formatYuan } from '../../money';
import type { Policy } from '../../schemas/policy';
import type { ExerciseAnswer, PledgeExercise, SubsidyExercise, Exercise } from '../../schemas/training';
import { assessPledgeability, type PledgeReason } from '../pledgeability';
import { computeSubsidy, type SubsidyResult } from '../subsidy';

export interface PledgeItemVerdict {
  key: string;
  title: string;
  pledgeable: boolean;
  chosen: boolean;
  /** What stops (or endangers) its registration, as the case's check says it. */
  reasons: PledgeReason[];
}

export type ExerciseScore =
  | { type: 'pledgeable'; exerciseId: string; correct: boolean; right: number; total: number; items: PledgeItemVerdict[] }
  | {
      type: 'subsidy';
      exerciseId: string;
      correct: boolean;
      expectedFen: number | null;
      answeredFen: number | null;
      result: SubsidyResult;
      explanation: string;
    };

export function scorePledgeExercise(ex: PledgeExercise, chosen: readonly string[]): ExerciseScore {
  const picked = new Set(chosen);
  const items = ex.items.map((item) => {
    const check = assessPledgeability(item, ex.enterpriseName, ex.asOf);
    // Only what blocks registration makes an item unpledgeable; risks and confirmations are noted.
    return { key: item.key, title: item.title, pledgeable: check.pledgeable, chosen: picked.has(item.key), reasons: check.reasons };
  });
  const right = items.filter((i) => i.pledgeable === i.chosen).length;
  return { type: 'pledgeable', exerciseId: ex.id, correct: right === items.length, right, total: items.length, items };
}

export function scoreSubsidyExercise(ex: SubsidyExercise, policy: Policy, answeredFen: number | null): ExerciseScore {
  const result = computeSubsidy(policy, {
    policyId: policy.id,
    loan: { principalFen: ex.principalFen, startDate: ex.startDate, endDate: ex.endDate, repaid: ex.repaid },
    interestPaidFen: ex.interestPaidFen,
    fees: ex.fees,
    enterprise: { district: ex.district, qualifications: [] },
    ipKinds: ex.ipKinds,
    alreadyGrantedThisYearFen: ex.alreadyGrantedThisYearFen,
    otherSubsidyForThisLoan: false,
  });
  const expectedFen = result.eligible ? result.totalFen : null;
  const explanation = result.eligible
    ? `应核定贴息 ${formatYuan(result.totalFen)} 元`
    : `不符合申报条件：${result.failures.map((f) => f.message).join('；')}`;
  return { type: 'subsidy', exerciseId: ex.id, correct: answeredFen === expectedFen, expectedFen, answeredFen, result, explanation };
}

/** Scores an answer against its exercise; `policy` finds a subsidy exercise's policy. */
export function scoreExercise(ex: Exercise, answer: ExerciseAnswer, policy: (id: string) => Policy): ExerciseScore {
  if (ex.type === 'pledgeable' && answer.type === 'pledgeable') return scorePledgeExercise(ex, answer.pledgeable);
  if (ex.type === 'subsidy' && answer.type === 'subsidy') return scoreSubsidyExercise(ex, policy(ex.policyId), answer.amountFen);
  throw new Error(`练习 ${ex.id} 的答案类型不符`);
}
