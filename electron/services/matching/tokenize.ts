import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Chinese word segmentation for matching: jieba (precise mode, no HMM, so the same text always
 * gives the same words) with the domain word list resources/matching/terms.txt loaded as a user
 * dictionary, then a stop-word list (resources/matching/stopwords.txt), Latin lowercased
 * (after NFKC, so full-width Ａ and ５ count as A and 5), numbers, punctuation and single
 * characters dropped (with HMM off an unknown word falls apart into single characters, which
 * only add noise; a domain word of one character can still be listed in terms.txt).
 */
export interface Tokenizer {
  /** The words of the text, domain words whole, in order, repeats kept. */
  tokenize(text: string): string[];
  /**
   * As tokenize, and after each domain word that is made of ordinary words its parts too
   * (固态电解质 → 固态电解质, 固态, 电解质), so that a record saying only 电解质 still meets it.
   * What the index stores and queries with.
   */
  indexTerms(text: string): string[];
  /** Changes whenever the word lists change: an index built with other lists must be rebuilt. */
  readonly signature: string;
}

export interface WordLists {
  /** Domain words, optionally with a jieba frequency (the default makes them win over their parts). */
  terms: readonly (string | { word: string; freq: number })[];
  stopWords: readonly string[];
}

/** Bumped when the rules above change, so stored indexes made under the old rules are refused. */
const RULES_VERSION = 1;
const DEFAULT_FREQ = 2000;
/** A token is kept if it has a CJK character or a Latin letter; pure numbers and punctuation go. */
const HAS_WORD = /[\p{Script=Han}a-z]/u;
const SPACES = /\s/u;

export function createTokenizer(lists: WordLists): Tokenizer {
  const entries = lists.terms.map((t) => (typeof t === 'string' ? { word: t, freq: DEFAULT_FREQ } : t));
  const stop = new Set(lists.stopWords.map((w) => w.normalize('NFKC').toLowerCase()));
  const keep = (w: string) => w.length >= 2 && HAS_WORD.test(w) && !stop.has(w);
  const jieba = Jieba.withDict(dict);
  // Each domain word's parts as the plain dictionary cuts it, before the word list is loaded.
  const parts = new Map<string, string[]>();
  for (const { word } of entries) {
    const w = word.normalize('NFKC');
    const cut = jieba.cut(w, false).map((p) => p.toLowerCase());
    const kept = cut.filter(keep);
    if (cut.length > 1 && kept.length > 0) parts.set(w.toLowerCase(), kept);
  }
  const userDict = entries
    .filter(({ word }) => word.length > 0 && !SPACES.test(word))
    .map(({ word, freq }) => `${word.normalize('NFKC')} ${Math.max(1, Math.round(freq))} nz`)
    .join('\n');
  if (userDict) jieba.loadDict(Buffer.from(userDict, 'utf8'));

  const tokenize = (text: string): string[] => {
    const out: string[] = [];
    if (!text) return out;
    for (const raw of jieba.cut(text.normalize('NFKC'), false)) {
      const w = raw.toLowerCase();
      if (keep(w)) out.push(w);
    }
    return out;
  };
  const indexTerms = (text: string): string[] => {
    const out: string[] = [];
    for (const w of tokenize(text)) {
      out.push(w);
      const p = parts.get(w);
      if (p) for (const x of p) out.push(x);
    }
    return out;
  };
  const signature = crypto
    .createHash('sha256')
    .update(JSON.stringify({ v: RULES_VERSION, terms: entries, stop: [...stop].sort() }))
    .digest('hex')
    .slice(0, 16);
  return { tokenize, indexTerms, signature };
}

/** Lines of a word-list file: `#` starts a comment line, blank lines are skipped. */
export function readWordList(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/** terms.txt lines are `word` or `word freq`. */
function parseTerms(lines: string[]): WordLists['terms'] {
  return lines.map((line) => {
    const [word, freq] = line.split(/\s+/);
    const n = Number(freq);
    return freq !== undefined && Number.isFinite(n) && n > 0 ? { word: word!, freq: n } : word!;
  });
}

const loaded = new Map<string, Tokenizer>();

/** The tokenizer over resourcesDir/matching/{terms,stopwords}.txt, made once per folder (jieba takes ~0.1 s to load). */
export function loadTokenizer(resourcesDir: string): Tokenizer {
  const dir = path.resolve(resourcesDir);
  let tk = loaded.get(dir);
  if (!tk) {
    tk = createTokenizer({
      terms: parseTerms(readWordList(path.join(dir, 'matching', 'terms.txt'))),
      stopWords: readWordList(path.join(dir, 'matching', 'stopwords.txt')),
    });
    loaded.set(dir, tk);
  }
  return tk;
}

/**
 * The repository's resources/ folder, for the CLI, tests and benchmarks run from the sources.
 * The app passes its own resourcesDir (HandlerContext) to loadTokenizer instead.
 */
export const sourceResourcesDir = (): string => path.resolve('resources');

/** The words of text with the repository's word lists (see Tokenizer.tokenize). */
export function tokenize(text: string, tokenizer: Tokenizer = loadTokenizer(sourceResourcesDir())): string[] {
  return tokenizer.tokenize(text);
}
