import { describe, expect, it } from 'vitest';
import { headBank } from './banks';
import { headsAndBranches, registrationFigures, type RegistrationRow } from './stats';

describe('banks by head institution', () => {
  it.each([
    ['中国银行', '中国银行'],
    ['中国银行深圳南山支行', '中国银行'],
    ['中国工商银行深圳宝安支行', '工商银行'],
    ['工商银行', '工商银行'],
    ['深圳农村商业银行科技园支行', '深圳农商银行'],
    ['深圳前海微众银行', '微众银行'],
    ['招商银行深圳分行', '招商银行'],
    ['某某村镇银行', '某某村镇银行'],
    ['  ', '（未填）'],
  ])('%s → %s', (text, head) => expect(headBank(text)).toBe(head));

  it('counts a head bank once, with the branches as written below it', () => {
    const row = (bank: string, amountFen: number, regDate = '2026-03-01'): RegistrationRow => ({
      caseId: `${bank}${amountFen}`,
      district: '南山',
      bank: headBank(bank),
      branch: bank,
      kind: 'invention',
      regDate,
      amountFen,
      steward: '',
    });
    const rows = [row('中国银行深圳南山支行', 300), row('中国银行', 100), row('招商银行', 50)];
    const before = [row('中国银行深圳南山支行', 100, '2025-03-01')];
    const f = registrationFigures(rows, before, { from: '2026-01-01', to: '2026-12-31' }, true);
    expect(
      f.byBank.map((s) => [s.key, s.count, s.amountFen, s.branches?.map((b) => [b.key, b.count, b.amountFen, b.countGrowth])]),
    ).toEqual([
      [
        '中国银行',
        2,
        400,
        [
          ['中国银行深圳南山支行', 1, 300, { kind: 'ratio', value: 0 }],
          ['中国银行', 1, 100, { kind: 'zero-base' }],
        ],
      ],
      ['招商银行', 1, 50, undefined],
    ]);
    expect(headsAndBranches(f.byBank).map((s) => s.key)).toEqual(['中国银行', '\u3000中国银行深圳南山支行', '\u3000中国银行', '招商银行']);
  });
});
