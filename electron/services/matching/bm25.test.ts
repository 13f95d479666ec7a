import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  buildIndex,
  deserializeIndex,
  describeMatch,
  IPC_BONUS,
  matchAchievement,
  matchNeed,
  referenceScores,
  serializeIndex,
} from './bm25';
import { parseIpc } from './ipc';
import { loadTestSet } from './testset';
import { createTokenizer, loadTokenizer, sourceResourcesDir } from './tokenize';
import type { Achievement, TechNeed } from './types';

const dir = sourceResourcesDir();
const tokenizer = loadTokenizer(dir);
const set = loadTestSet(dir);

const need = (over: Partial<TechNeed> = {}): TechNeed => ({
  id: 'n',
  title: '',
  description: '',
  field: '',
  ipcClasses: [],
  ...over,
});
const achievement = (over: Partial<Achievement> = {}): Achievement => ({
  id: 'a',
  title: '',
  abstract: '',
  holder: '深圳大学',
  ipcClasses: [],
  patents: [],
  maturity: '中试',
  transferModes: ['许可'],
  ...over,
});

describe('parseIpc', () => {
  it('reads subclass and main group, however it is spaced', () => {
    expect(parseIpc('H01M 10/0525')).toEqual({ subclass: 'H01M', group: 'H01M 10/' });
    expect(parseIpc('h01m4/13')).toEqual({ subclass: 'H01M', group: 'H01M 4/' });
    expect(parseIpc('Ｈ01Ｍ  4 / 13')).toEqual({ subclass: 'H01M', group: 'H01M 4/' });
    expect(parseIpc('G06T 7/00')).toEqual({ subclass: 'G06T', group: 'G06T 7/' });
    expect(parseIpc('H01M 4/')).toEqual({ subclass: 'H01M', group: 'H01M 4/' });
    expect(parseIpc('H01M')).toEqual({ subclass: 'H01M', group: null });
    expect(parseIpc('锂电池')).toBeNull();
    expect(parseIpc('Z01M 4/13')).toBeNull();
  });
});

describe('matching', () => {
  it('a need and an achievement sharing only stop words do not match', () => {
    const index = buildIndex(
      {
        achievements: [
          achievement({
            id: 'a1',
            title: '一种方法及其装置',
            abstract: '本发明涉及一种系统的制备方法，采用该装置进行。',
            ipcClasses: ['A01B 1/00'],
          }),
        ],
        needs: [need({ id: 'n1', title: '一种方法', description: '需要一种装置及其系统的方法。', ipcClasses: ['H01M 4/13'] })],
      },
      { tokenizer },
    );
    expect(matchNeed(index, need({ title: '一种系统及其方法', description: '的装置，用于进行', ipcClasses: ['H01M 4/13'] }))).toEqual([]);
    expect(matchAchievement(index, achievement({ title: '一种装置', abstract: '及其方法与系统' }))).toEqual([]);
  });

  it('an IPC overlap adds a bounded bonus: same main group > same subclass > none', () => {
    const text = { title: '锂电池极片涂布缺陷检测', abstract: '采用机器视觉在线检测极片表面缺陷。' };
    const index = buildIndex(
      {
        achievements: [
          achievement({ id: 'none', ...text, ipcClasses: ['G06T 7/00'] }),
          achievement({ id: 'subclass', ...text, ipcClasses: ['H01M 10/0525'] }),
          achievement({ id: 'group', ...text, ipcClasses: ['H01M 4/04'] }),
        ],
      },
      { tokenizer },
    );
    const query = need({ title: '极片缺陷检测', description: '需要检测锂电池极片表面缺陷', ipcClasses: ['H01M 4/13'] });
    const hits = matchNeed(index, query, 10);
    expect(hits.map((h) => h.id)).toEqual(['group', 'subclass', 'none']);
    expect(hits.map((h) => h.ipc)).toEqual([{ level: 'group', code: 'H01M 4/' }, { level: 'subclass', code: 'H01M' }, null]);
    // The subclass is also one query term (ipc:H01M); the text score otherwise equal, so the
    // group's edge over the subclass is exactly the ratio of their multipliers: bounded.
    expect(hits[0]!.score / hits[1]!.score).toBeCloseTo(IPC_BONUS.group / IPC_BONUS.subclass, 9);
    expect(hits[0]!.score / hits[2]!.score).toBeLessThan(2);
    expect(hits[0]!.reason).toBe('共同关键词：极片、缺陷检测、锂电池、表面缺陷；IPC 同属 H01M 4/');
    expect(hits[2]!.reason).toBe('共同关键词：极片、缺陷检测、锂电池、表面缺陷');
    // Without a word in common, the IPC alone makes only the weakest of matches.
    const ipcOnly = matchNeed(index, need({ title: '储能变流器', ipcClasses: ['H01M 4/13'] }), 10);
    expect(ipcOnly.map((h) => h.id)).toEqual(['group', 'subclass']);
    expect(ipcOnly[0]!.reason).toBe('IPC 同属 H01M 4/');
    expect(ipcOnly[0]!.score).toBeLessThan(hits[2]!.score / 2);
  });

  it('ranks a title word above the same word in the abstract', () => {
    const index = buildIndex(
      {
        achievements: [
          achievement({ id: 'abstract', title: '高镍三元正极', abstract: '可用于固态电池。' }),
          achievement({ id: 'title', title: '固态电池', abstract: '可用于高镍三元正极。' }),
        ],
      },
      { tokenizer },
    );
    expect(matchNeed(index, need({ title: '固态电池' })).map((h) => h.id)).toEqual(['title', 'abstract']);
  });

  it('queries both ways over the test set: each need finds its achievements, each achievement its need', () => {
    const index = buildIndex(set, { tokenizer });
    const n02 = set.needs.find((n) => n.id === 'N02')!;
    const top = matchNeed(index, n02, 5);
    expect(top.length).toBe(5);
    expect(top.slice(0, 2).map((h) => h.id)).toEqual(expect.arrayContaining(n02.relevant));
    expect(top[0]!.reason).toMatch(/^共同关键词：.*固态电解质.*；IPC 同属 H01M 10\/$/);
    for (let i = 1; i < top.length; i++) expect(top[i]!.score).toBeLessThanOrEqual(top[i - 1]!.score);
    // The other way: the labelled achievement's best need is the one it was labelled for.
    const a007 = set.achievements.find((a) => a.id === 'A007')!;
    const needs = matchAchievement(index, a007, 3);
    expect(needs[0]!.id).toBe('N02');
    expect(needs[0]!.sharedTerms).toContain('固态电解质');
    // Over all labelled pairs, the need is among the achievement's top 3 needs nearly always.
    let found = 0;
    let pairs = 0;
    for (const n of set.needs.slice(0, 30)) {
      for (const id of n.relevant) {
        pairs++;
        const a = set.achievements.find((x) => x.id === id)!;
        if (matchAchievement(index, a, 3).some((h) => h.id === n.id)) found++;
      }
    }
    expect(found / pairs).toBeGreaterThan(0.8);
  });

  it('gives at most k hits, and nothing from an empty index', () => {
    const index = buildIndex(set, { tokenizer });
    expect(matchNeed(index, set.needs[0]!, 3)).toHaveLength(3);
    expect(matchNeed(index, set.needs[0]!, 0)).toEqual([]);
    const empty = buildIndex({}, { tokenizer });
    expect(matchNeed(empty, set.needs[0]!)).toEqual([]);
    expect(matchAchievement(empty, set.achievements[0]!)).toEqual([]);
    expect(matchNeed(deserializeIndex(serializeIndex(empty), tokenizer), set.needs[0]!)).toEqual([]);
  });

  it('agrees with a plain scan of every record computing the same scores', () => {
    const index = buildIndex(set, { tokenizer });
    for (const n of set.needs) {
      const ref = referenceScores(index, n);
      const order = [...ref.keys()].filter((d) => ref[d]! > 0).sort((a, b) => ref[b]! - ref[a]! || a - b);
      const hits = matchNeed(index, n, 10);
      expect(hits.length).toBe(Math.min(10, order.length));
      hits.forEach((h, i) => {
        expect(h.score).toBeCloseTo(ref[order[i]!]!, 9);
        expect(ref[index.achievements.ids.indexOf(h.id)]).toBeCloseTo(h.score, 9);
      });
    }
  });

  it('reasons read in Chinese', () => {
    expect(describeMatch(['锂电池', '极片'], { level: 'subclass', code: 'H01M' })).toBe('共同关键词：锂电池、极片；IPC 同属 H01M');
    expect(describeMatch(['锂电池'], null)).toBe('共同关键词：锂电池');
    expect(describeMatch([], { level: 'group', code: 'H01M 4/' })).toBe('IPC 同属 H01M 4/');
  });
});

describe('serialisation', () => {
  it('a stored and reloaded index ranks exactly as the one built', () => {
    const built = buildIndex(set, { tokenizer });
    const bytes = serializeIndex(built);
    // Reloaded from an unaligned copy, as a file read into a larger buffer may be.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const loaded = deserializeIndex(shifted.subarray(3), tokenizer);
    for (const n of set.needs) expect(matchNeed(loaded, n, 10)).toEqual(matchNeed(built, n, 10));
    for (const a of set.achievements) expect(matchAchievement(loaded, a, 5)).toEqual(matchAchievement(built, a, 5));
    expect(serializeIndex(loaded)).toEqual(bytes);
  });

  it('refuses a damaged file and one made with other word lists', () => {
    const bytes = serializeIndex(buildIndex(set, { tokenizer }));
    expect(() => deserializeIndex(bytes.subarray(0, 100), tokenizer)).toThrow(AppError);
    expect(() => deserializeIndex(new Uint8Array(10), tokenizer)).toThrow('匹配索引文件已损坏');
    const other = createTokenizer({ terms: ['极片'], stopWords: [] });
    expect(() => deserializeIndex(bytes, other)).toThrow('词表或停用词已变更');
  });
});
