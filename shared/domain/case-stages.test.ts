import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMove,
  entryBlockers,
  INITIAL_STATE,
  isLegalState,
  OUTCOMES,
  STAGES,
  type CaseFacts,
  type CaseState,
  type Move,
} from './case-stages';

const READY: CaseFacts = {
  needFen: 500_000_00,
  itemCount: 2,
  blockedItems: 0,
  hasValuation: true,
  hasLoan: true,
  pledgeRegistered: true,
  pledgeRefused: false,
  subsidyPaid: true,
  pledgeStands: false,
  loanOpen: false,
  disposalClosed: false,
};
const NOTHING: CaseFacts = {
  needFen: null,
  itemCount: 0,
  blockedItems: 0,
  hasValuation: false,
  hasLoan: false,
  pledgeRegistered: false,
  pledgeRefused: false,
  subsidyPaid: false,
  pledgeStands: false,
  loanOpen: false,
  disposalClosed: false,
};

const factsArb: fc.Arbitrary<CaseFacts> = fc.record({
  needFen: fc.option(fc.integer({ min: 1, max: 1e10 })),
  itemCount: fc.integer({ min: 0, max: 3 }),
  blockedItems: fc.integer({ min: 0, max: 2 }),
  hasValuation: fc.boolean(),
  hasLoan: fc.boolean(),
  pledgeRegistered: fc.boolean(),
  pledgeRefused: fc.boolean(),
  subsidyPaid: fc.boolean(),
  pledgeStands: fc.boolean(),
  loanOpen: fc.boolean(),
  disposalClosed: fc.boolean(),
});
const reasonArb = fc.constantFrom('', '  ', '企业暂缓融资');
const moveArb: fc.Arbitrary<Move> = fc.oneof(
  fc.constant({ type: 'advance' as const }),
  fc.record({ type: fc.constant('back' as const), to: fc.constantFrom(...STAGES), reason: reasonArb }),
  fc.record({ type: fc.constant('pause' as const), reason: reasonArb }),
  fc.constant({ type: 'resume' as const }),
  fc.record({ type: fc.constant('close' as const), outcome: fc.constantFrom(...OUTCOMES), reason: reasonArb }),
);

describe('case stage machine', () => {
  it('walks the whole loop when every condition holds', () => {
    let s: CaseState = INITIAL_STATE;
    for (const stage of ['valuation', 'registration', 'subsidy'] as const) {
      const r = applyMove(s, { type: 'advance' }, READY);
      expect(r).toEqual({ ok: true, state: { stage, paused: false, outcome: null } });
      s = (r as { state: CaseState }).state;
    }
    expect(applyMove(s, { type: 'advance' }, READY)).toEqual({ ok: false, reasons: ['已是最后一个阶段，请以结案完成'] });
    expect(applyMove(s, { type: 'close', outcome: 'subsidised', reason: '' }, READY)).toEqual({
      ok: true,
      state: { stage: 'closed', paused: false, outcome: 'subsidised' },
    });
  });

  it('names every unmet condition of a stage in Chinese', () => {
    expect(entryBlockers('valuation', NOTHING)).toEqual(['尚未填写融资需求金额', '尚未选择拟质押的知识产权']);
    expect(entryBlockers('registration', { ...READY, hasLoan: false, blockedItems: 1 })).toEqual([
      '尚未录入贷款合同（银行、合同编号、金额、起止日期）',
      '有 1 项质押物存在不予登记的情形，需先处理或移出',
    ]);
    expect(
      applyMove({ stage: 'registration', paused: false, outcome: null }, { type: 'advance' }, { ...READY, pledgeRegistered: false }),
    ).toEqual({ ok: false, reasons: ['质押尚未登记，登记后方可申报贴息'] });
  });

  it('goes back only to an earlier stage and only with a reason', () => {
    const at: CaseState = { stage: 'registration', paused: false, outcome: null };
    expect(applyMove(at, { type: 'back', to: 'guidance', reason: '' }, READY).ok).toBe(false);
    expect(applyMove(at, { type: 'back', to: 'subsidy', reason: '误操作' }, READY).ok).toBe(false);
    expect(applyMove(at, { type: 'back', to: 'guidance', reason: '银行要求补充专利' }, READY)).toEqual({
      ok: true,
      state: { ...at, stage: 'guidance' },
    });
  });

  it('a loan closes its case once it has ended: the pledge cancelled and the tracked schedule repaid; a default once disposed of', () => {
    const at: CaseState = { stage: 'subsidy', paused: false, outcome: null };
    const close = (outcome: 'loaned' | 'subsidised' | 'disposed', facts: CaseFacts) =>
      applyMove(at, { type: 'close', outcome, reason: '违约' }, facts);
    expect(close('loaned', { ...READY, pledgeStands: true })).toEqual({
      ok: false,
      reasons: ['质押尚在登记状态（贷后管理中）：贷款结清并办理质押注销后方可结案'],
    });
    expect(close('subsidised', { ...READY, loanOpen: true })).toEqual({
      ok: false,
      reasons: ['贷款尚未结清（见贷后管理的还款计划），结清后方可结案'],
    });
    expect(close('loaned', READY).ok).toBe(true);
    expect(close('disposed', READY)).toEqual({ ok: false, reasons: ['没有已完成的违约处置记录，不能以“违约后处置完毕”结案'] });
    expect(close('disposed', { ...READY, pledgeStands: true, disposalClosed: true })).toEqual({
      ok: false,
      reasons: ['质押尚在登记状态：处置完成后请先办理质押注销（或转让登记），再结案'],
    });
    expect(close('disposed', { ...READY, loanOpen: true, disposalClosed: true }).ok).toBe(true);
  });

  it('a paused case only resumes or closes; closing needs its outcome condition and a reason', () => {
    const paused: CaseState = { stage: 'valuation', paused: true, outcome: null };
    expect(applyMove(paused, { type: 'advance' }, READY)).toEqual({ ok: false, reasons: ['案件已暂停，请先恢复'] });
    expect(applyMove(paused, { type: 'resume' }, READY)).toEqual({ ok: true, state: { ...paused, paused: false } });
    expect(applyMove(paused, { type: 'close', outcome: 'loaned', reason: '' }, NOTHING)).toEqual({
      ok: false,
      reasons: ['质押尚未登记，不能以“已放款”结案'],
    });
    expect(applyMove(paused, { type: 'close', outcome: 'withdrawn', reason: ' ' }, NOTHING)).toEqual({
      ok: false,
      reasons: ['结案须填写原因'],
    });
    expect(applyMove(paused, { type: 'close', outcome: 'withdrawn', reason: '企业已获其他融资' }, NOTHING)).toEqual({
      ok: true,
      state: { stage: 'closed', paused: false, outcome: 'withdrawn' },
    });
  });

  it('no sequence of moves reaches an illegal state or skips a stage condition', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(moveArb, factsArb), { maxLength: 40 }), (steps) => {
        let s = INITIAL_STATE;
        for (const [move, facts] of steps) {
          const r = applyMove(s, move, facts);
          if (s.stage === 'closed') expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.reasons.length).toBeGreaterThan(0);
            continue;
          }
          const next = r.state;
          expect(isLegalState(next)).toBe(true);
          const from = STAGES.indexOf(s.stage);
          const to = STAGES.indexOf(next.stage);
          if (move.type === 'advance') {
            expect(to).toBe(from + 1);
            expect(entryBlockers(next.stage, facts)).toEqual([]);
            expect(s.paused).toBe(false);
          } else if (move.type === 'close') {
            expect(next.outcome).toBe(move.outcome);
            if (move.outcome === 'subsidised') expect(facts.subsidyPaid).toBe(true);
            if (move.outcome === 'loaned') expect(facts.pledgeRegistered).toBe(true);
            // A loan closes its case only once it has ended: the pledge cancelled, the schedule repaid.
            if (move.outcome === 'loaned' || move.outcome === 'subsidised') expect(facts.pledgeStands || facts.loanOpen).toBe(false);
            if (move.outcome === 'disposed') expect(facts.disposalClosed && !facts.pledgeStands).toBe(true);
          } else {
            if (move.type === 'back') expect(to).toBeLessThan(from);
            else expect(to).toBe(from);
            if (move.type !== 'resume') expect(move.reason.trim()).not.toBe('');
          }
          if (next.stage === 'subsidy' && s.stage !== 'subsidy') expect(facts.pledgeRegistered).toBe(true);
          s = next;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
