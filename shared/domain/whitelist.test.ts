import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_STATUSES, funnelOf } from './whitelist';

describe('whitelist funnel', () => {
  it('counts each step with everything past it, and sets 暂缓 and 不符合 beside the funnel', () => {
    const f = funnelOf({ 待走访: 30, 已走访: 22, 推进中: 20, 已放款: 15, 暂缓: 8, 不符合: 5 });
    expect(f.steps.map((s) => [s.label, s.count])).toEqual([
      ['列入白名单', 100],
      ['已走访', 57],
      ['推进融资', 35],
      ['已放款', 15],
    ]);
    expect(f.exits).toEqual([
      { status: '暂缓', count: 8 },
      { status: '不符合', count: 5 },
    ]);
  });

  it('never widens from one step to the next', () => {
    fc.assert(
      fc.property(fc.tuple(...ENTRY_STATUSES.map(() => fc.nat(1000))), (ns) => {
        const { steps } = funnelOf(Object.fromEntries(ENTRY_STATUSES.map((s, i) => [s, ns[i]])));
        return steps.every((s, i) => i === 0 || s.count <= steps[i - 1]!.count);
      }),
    );
  });
});
