import { describe, expect, it } from 'vitest';
import { scoreExercise } from '../../../shared/domain/training/exercises';
import type { Policy } from '../../../shared/schemas/policy';
import type { PledgeExercise, SubsidyExercise } from '../../../shared/schemas/training';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { getPolicy } from '../policies/load';
import { loadExercises } from './library';

const set = loadExercises(DEV_RESOURCES_DIR);
const policy = (id: string): Policy => getPolicy(DEV_RESOURCES_DIR, id);
const byId = <T>(id: string) => set.exercises.find((e) => e.id === id) as T;

describe('exercises scored by the app’s own rules', () => {
  const pledge = byId<PledgeExercise>('ex-pledgeable-1');

  it('marks an answer right only when every item is judged as the pledge check judges it', () => {
    // The granted invention with its fee paid, and the co-owned design (pledgeable once the co-owner agrees).
    const right = scoreExercise(pledge, { type: 'pledgeable', exerciseId: pledge.id, pledgeable: ['a', 'd'] }, policy);
    expect(right).toMatchObject({ correct: true, right: 6, total: 6 });
    const wrong = scoreExercise(pledge, { type: 'pledgeable', exerciseId: pledge.id, pledgeable: ['a', 'b', 'd'] }, policy);
    expect(wrong).toMatchObject({ correct: false, right: 5 });
    if (wrong.type !== 'pledgeable') throw new Error('pledge score expected');
    const codes = Object.fromEntries(wrong.items.map((i) => [i.key, i.reasons.map((r) => r.code)]));
    expect(codes.b).toContain('fee_unpaid');
    expect(codes.c).toContain('not_granted');
    expect(codes.d).toContain('co_owners');
    expect(codes.e).toContain('already_pledged');
    expect(codes.f).toContain('not_owner');
  });

  it('follows the rules, not a stored answer: the same item paid up becomes pledgeable', () => {
    const paid = { ...pledge, items: pledge.items.map((i) => (i.key === 'b' ? { ...i, feePaidThrough: '2027-03-20' } : i)) };
    const s = scoreExercise(paid, { type: 'pledgeable', exerciseId: paid.id, pledgeable: ['a', 'b', 'd'] }, policy);
    expect(s.correct).toBe(true);
  });

  it('checks a subsidy amount against the calculator to the fen', () => {
    const ex = byId<SubsidyExercise>('ex-subsidy-nanshan');
    // 70% of 125,000 元 interest + 70% of 60,000 元 fees = 129,500 元.
    const right = scoreExercise(ex, { type: 'subsidy', exerciseId: ex.id, amountFen: 12_950_000 }, policy);
    expect(right).toMatchObject({ correct: true, expectedFen: 12_950_000 });
    expect(scoreExercise(ex, { type: 'subsidy', exerciseId: ex.id, amountFen: 12_950_001 }, policy).correct).toBe(false);
    expect(scoreExercise(ex, { type: 'subsidy', exerciseId: ex.id, amountFen: null }, policy).correct).toBe(false);
  });

  it('expects “not eligible” where the policy refuses, and says why', () => {
    for (const id of ['ex-subsidy-futian', 'ex-subsidy-city-trademark']) {
      const ex = byId<SubsidyExercise>(id);
      const s = scoreExercise(ex, { type: 'subsidy', exerciseId: id, amountFen: null }, policy);
      expect(s, id).toMatchObject({ correct: true, expectedFen: null });
      if (s.type !== 'subsidy') throw new Error('subsidy score expected');
      expect(s.explanation).toMatch(/不符合申报条件/);
      expect(scoreExercise(ex, { type: 'subsidy', exerciseId: id, amountFen: 4_500_000 }, policy).correct).toBe(false);
    }
  });
});
