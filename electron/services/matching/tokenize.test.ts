import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenizer, loadTokenizer, readWordList, sourceResourcesDir, tokenize } from './tokenize';

const dir = sourceResourcesDir();
const tk = loadTokenizer(dir);

describe('tokenize', () => {
  it('keeps the domain words whole', () => {
    const words = ['锂电池', '极片', '固态电解质', '碳化硅', '功率器件', '机器视觉', '激光雷达', '医疗器械', '柔性电路板', '储能变流器'];
    // Plain jieba cuts several of them (极|片, 固态|电解质, 功率|器件, 柔性|电路板, 储能|变流器).
    const plain = createTokenizer({ terms: [], stopWords: [] });
    expect(words.filter((w) => !plain.tokenize(`采用${w}的方案`).includes(w)).length).toBeGreaterThanOrEqual(4);
    for (const w of words) expect(tokenize(`一种基于${w}的方案`)).toContain(w);
    expect(tokenize('一种基于机器视觉的锂电池极片涂布缺陷检测方法及其装置')).toEqual(['机器视觉', '锂电池', '极片', '涂布', '缺陷检测']);
    expect(tokenize('碳化硅功率器件与储能变流器')).toEqual(['碳化硅', '功率器件', '储能变流器']);
  });

  it('drops stop words, numbers, punctuation and single characters; lowercases Latin', () => {
    const words = tokenize('一种用于5G手机的柔性电路板及其制备方法、装置和系统，厚度2.5毫米，AI与LCP材料（ＡＢＣ）');
    for (const stop of ['一种', '的', '及其', '方法', '装置', '系统', '和', '与', '制备方法', '用于']) expect(words).not.toContain(stop);
    expect(words).not.toContain('2.5');
    expect(words).not.toContain('2');
    expect(words).toContain('5g');
    expect(words).toContain('ai');
    expect(words).toContain('lcp');
    expect(words).toContain('abc'); // full-width letters are read as Latin
    expect(words).toContain('柔性电路板');
    expect(words.every((w) => w.length >= 2 && w === w.toLowerCase())).toBe(true);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('的、和，及其。2024 ……')).toEqual([]);
  });

  it('indexes a compound domain word as itself and its parts', () => {
    expect(tk.indexTerms('硫化物固态电解质')).toEqual(['硫化物', '固态电解质', '固态', '电解质']);
    expect(tk.indexTerms('储能变流器')).toEqual(['储能变流器', '储能', '变流器']);
    // A word the plain dictionary already holds whole has no parts.
    expect(tk.indexTerms('锂电池')).toEqual(['锂电池']);
  });

  it('the word lists are a few hundred terms, none a stop word, none repeated', () => {
    const terms = readWordList(path.join(dir, 'matching', 'terms.txt')).map((l) => l.split(/\s+/)[0]!);
    const stop = new Set(readWordList(path.join(dir, 'matching', 'stopwords.txt')));
    expect(terms.length).toBeGreaterThanOrEqual(300);
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.filter((t) => stop.has(t))).toEqual([]);
  });

  it('signs its word lists, so an index made with others is detectable', () => {
    const a = createTokenizer({ terms: ['极片'], stopWords: ['的'] });
    const b = createTokenizer({ terms: ['极片'], stopWords: ['的'] });
    const c = createTokenizer({ terms: ['极片', '涂布'], stopWords: ['的'] });
    expect(a.signature).toBe(b.signature);
    expect(a.signature).not.toBe(c.signature);
    expect(loadTokenizer(dir)).toBe(tk); // loaded once per folder
  });
});
