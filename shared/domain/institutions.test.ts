import { describe, expect, it } from 'vitest';
import { institutionsFile } from '../schemas/institutions';
import { Directory, mergeInstitutions, SHIPPED_DIRECTORY, SHIPPED_INSTITUTIONS, type Institution } from './institutions';
import { headsAndBranches, registrationFigures, type RegistrationRow } from './stats';
import shipped from './institutions.directory.json';

const inst = (id: string, name: string, extra: Partial<Institution> = {}): Institution => ({
  id,
  kind: 'bank',
  name,
  headId: null,
  aliases: [],
  greenChannel: [],
  active: true,
  ...extra,
});

describe('the institutions directory', () => {
  it('ships a valid list: unique ids and names, every branch under a head of its kind', () => {
    const file = institutionsFile.parse(shipped);
    const ids = new Set(file.institutions.map((i) => i.id));
    expect(ids.size).toBe(file.institutions.length);
    expect(new Set(file.institutions.map((i) => i.name)).size).toBe(file.institutions.length);
    for (const i of SHIPPED_INSTITUTIONS.filter((x) => x.headId)) {
      const head = SHIPPED_DIRECTORY.get(i.headId!);
      expect(head, i.name).toBeDefined();
      expect([head!.kind, head!.headId]).toEqual([i.kind, null]);
    }
  });

  it.each([
    ['中国银行', '中国银行', '中国银行', 'exact'],
    ['中国银行深圳分行', '中国银行', '中国银行深圳市分行', 'exact'],
    ['中国银行深圳南山支行', '中国银行', '中国银行深圳南山支行', 'prefix'],
    ['中国工商银行深圳宝安支行', '工商银行', '中国工商银行深圳宝安支行', 'prefix'],
    ['深圳农村商业银行科技园支行', '深圳农商银行', '深圳农村商业银行科技园支行', 'prefix'],
    ['深圳前海微众银行', '微众银行', '微众银行', 'exact'],
    [' 招商银行深圳分行 ', '招商银行', '招商银行深圳分行', 'exact'],
    ['国任保险', '国任财产保险股份有限公司', '国任财产保险股份有限公司', 'exact'],
    ['某某村镇银行', '某某村镇银行', '某某村镇银行', 'none'],
    ['  ', '（未填）', '（未填）', 'blank'],
  ])('%s → head %s, branch %s (%s)', (text, head, branch, how) => {
    expect(SHIPPED_DIRECTORY.resolve(text)).toMatchObject({ head, branch, how });
  });

  it('takes a synced edit over the shipped entry, and a new branch with its aliases', () => {
    const boc = SHIPPED_INSTITUTIONS.find((i) => i.name === '中国银行')!;
    const dir = new Directory(
      mergeInstitutions([
        { ...boc, aliases: ['中行'] },
        inst('x-nanshan', '中国银行深圳南山支行', { headId: boc.id, aliases: ['中行南山支行'] }),
      ]),
    );
    expect(dir.resolve('中行')).toMatchObject({ head: '中国银行', how: 'exact' });
    expect(dir.resolve('中行南山支行')).toMatchObject({ head: '中国银行', branch: '中国银行深圳南山支行', how: 'exact' });
    expect(dir.list.filter((i) => i.name === '中国银行')).toHaveLength(1);
  });

  it('counts a head bank once, with its branches below it', () => {
    const row = (bank: string, amountFen: number, regDate = '2026-03-01'): RegistrationRow => {
      const r = SHIPPED_DIRECTORY.resolve(bank);
      return {
        caseId: `${bank}${amountFen}`,
        district: '南山',
        bank: r.head,
        branch: r.branch,
        kind: 'invention',
        regDate,
        amountFen,
        steward: '',
      };
    };
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
