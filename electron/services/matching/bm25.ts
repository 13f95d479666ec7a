import { AppError } from '../../../shared/errors';
import { ipcTerm, isIpcTerm, parseIpc } from './ipc';
import { loadTokenizer, sourceResourcesDir, type Tokenizer } from './tokenize';
import type { Achievement, IpcOverlap, MatchHit, TechNeed } from './types';

/**
 * A BM25 index over 科技成果 and 技术需求, queried both ways: a need against the achievements
 * (matchNeed) and an achievement against the needs (matchAchievement).
 *
 * Scoring. A record's terms are its title's (weight 2), its abstract's or description's (1), and,
 * with weight 1, its 领域 (a need's; an achievement's when given) and one term per IPC subclass
 * (`ipc:H01M`); the weighted counts are summed into one term frequency tf and one length, the
 * simple form of BM25F. For a query term t and a record d:
 *
 *   idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
 *   s(t,d) = w(t) · idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·len(d)/avglen))
 *
 * with k1 = 1.2, b = 0.75, and the query term's weight w(t) = (k3 + 1)·q / (k3 + q) over its
 * weighted count q in the query (title words count twice), k3 = 1.2: a word repeated in the query
 * counts more, but not linearly. The statistics (N, df, avglen) are those of the side searched.
 *
 * IPC bonus. When the records share an IPC main group (H01M 4/) the text score is multiplied by
 * 1.25, when they share only a subclass (H01M) by 1.10. So the bonus is bounded: at most a quarter
 * of the text score, nothing without a text score, and it reorders near neighbours rather than
 * lifting an unrelated record. (A shared subclass is also one query term, `ipc:H01M`, weighted by
 * its idf like any other: a rare subclass says more than G06F.)
 *
 * Speed. Terms are integer ids over one vocabulary; each side keeps its postings in CSR form
 * (termStart → postDoc / postTf, typed arrays, sorted by record), precomputed idf and length
 * norms, and one score accumulator and touched-list per side reused by every query, so a query
 * allocates only its own few terms and the top-k heap. Not reentrant, which a synchronous query
 * in one thread never needs. serializeIndex / deserializeIndex store it all without the texts.
 */

export const K1 = 1.2;
export const B = 0.75;
const K3 = 1.2;
const TITLE_WEIGHT = 2;
const BODY_WEIGHT = 1;
const META_WEIGHT = 1;
/** Score multipliers by IPC overlap: none, same subclass, same main group. */
export const IPC_BONUS = { none: 1, subclass: 1.1, group: 1.25 } as const;
const BONUS_BY_LEVEL = [IPC_BONUS.none, IPC_BONUS.subclass, IPC_BONUS.group] as const;
const MAX_TF = 0xffff;
const REASON_TERMS = 5;

interface Side {
  ids: string[];
  /** Weighted length per record. */
  docLen: Float32Array;
  /** termStart[t]..termStart[t+1] are term t's postings; length vocab + 1. */
  termStart: Uint32Array;
  postDoc: Uint32Array;
  postTf: Uint16Array;
  /** ipcStart[d]..ipcStart[d+1] index ipcSub / ipcGroup (ids into MatchIndex.ipcKeys; −1: no group). */
  ipcStart: Uint32Array;
  ipcSub: Int32Array;
  ipcGroup: Int32Array;
  // Derived on build and load, never stored:
  avgLen: number;
  idf: Float64Array;
  /** k1·(1 − b + b·len/avglen) per record. */
  norm: Float64Array;
  // Scratch for queries.
  acc: Float64Array;
  touched: Uint32Array;
}

export interface MatchIndex {
  readonly k1: number;
  readonly b: number;
  /** Term strings by id. */
  readonly vocab: readonly string[];
  readonly termIds: ReadonlyMap<string, number>;
  /** IPC subclasses and main groups by id, as shown (`H01M`, `H01M 4/`). */
  readonly ipcKeys: readonly string[];
  readonly ipcKeyIds: ReadonlyMap<string, number>;
  readonly tokenizer: Tokenizer;
  /** Where achievements are searched (matchNeed). */
  readonly achievements: Side;
  /** Where needs are searched (matchAchievement). */
  readonly needs: Side;
}

export interface IndexOptions {
  tokenizer?: Tokenizer;
  k1?: number;
  b?: number;
}

export interface IndexDocs {
  needs?: readonly TechNeed[];
  achievements?: readonly Achievement[];
}

const defaultTokenizer = () => loadTokenizer(sourceResourcesDir());

/** A record's text in its weighted parts. */
interface Fields {
  title: string;
  body: string;
  meta: string;
  ipc: readonly string[];
}
const needFields = (n: TechNeed): Fields => ({ title: n.title, body: n.description, meta: n.field, ipc: n.ipcClasses });
const achievementFields = (a: Achievement): Fields => ({ title: a.title, body: a.abstract, meta: a.field ?? '', ipc: a.ipcClasses });

/** A growable Uint32Array. */
class U32 {
  a = new Uint32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/** Interns strings to dense ids. */
class Interner {
  readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.ids.set(s, i);
      this.list.push(s);
    }
    return i;
  }
}

/** Unique ipc keys of a record: subclass ids and group ids (−1 when none), pairwise. */
function ipcPairs(codes: readonly string[], keys: (s: string) => number | undefined): { sub: number[]; group: number[] } {
  const sub: number[] = [];
  const group: number[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    const k = parseIpc(code);
    if (!k) continue;
    const tag = `${k.subclass}|${k.group ?? ''}`;
    if (seen.has(tag)) continue;
    seen.add(tag);
    const s = keys(k.subclass);
    if (s === undefined) continue;
    sub.push(s);
    group.push(k.group === null ? -1 : (keys(k.group) ?? -1));
  }
  return { sub, group };
}

/** Weighted term counts of a record, appended to per-record forward lists. */
function weightedTerms(f: Fields, tk: Tokenizer, termId: (t: string) => number | undefined, counts: Map<number, number>): number {
  counts.clear();
  let len = 0;
  const add = (t: string, w: number) => {
    const id = termId(t);
    if (id === undefined) return;
    counts.set(id, (counts.get(id) ?? 0) + w);
    len += w;
  };
  for (const t of tk.indexTerms(f.title)) add(t, TITLE_WEIGHT);
  for (const t of tk.indexTerms(f.body)) add(t, BODY_WEIGHT);
  for (const t of tk.indexTerms(f.meta)) add(t, META_WEIGHT);
  const subs = new Set<string>();
  for (const code of f.ipc) {
    const k = parseIpc(code);
    if (k) subs.add(k.subclass);
  }
  for (const s of subs) add(ipcTerm(s), META_WEIGHT);
  return len;
}

interface RawSide {
  ids: string[];
  docLen: Float32Array;
  docStart: Uint32Array;
  docTerm: Uint32Array;
  docTf: Uint32Array;
  ipcStart: Uint32Array;
  ipcSub: Int32Array;
  ipcGroup: Int32Array;
}

function forward(records: readonly Fields[], ids: string[], tk: Tokenizer, vocab: Interner, ipcKeys: Interner): RawSide {
  const n = records.length;
  const docLen = new Float32Array(n);
  const docStart = new Uint32Array(n + 1);
  const docTerm = new U32();
  const docTf = new U32();
  const ipcStart = new Uint32Array(n + 1);
  const ipcSub: number[] = [];
  const ipcGroup: number[] = [];
  const counts = new Map<number, number>();
  const termId = (t: string) => vocab.id(t);
  const keyId = (s: string) => ipcKeys.id(s);
  for (let d = 0; d < n; d++) {
    const f = records[d]!;
    docLen[d] = weightedTerms(f, tk, termId, counts);
    for (const [t, tf] of counts) {
      docTerm.push(t);
      docTf.push(tf);
    }
    docStart[d + 1] = docTerm.n;
    const { sub, group } = ipcPairs(f.ipc, keyId);
    ipcSub.push(...sub);
    ipcGroup.push(...group);
    ipcStart[d + 1] = ipcSub.length;
  }
  return {
    ids,
    docLen,
    docStart,
    docTerm: docTerm.a.subarray(0, docTerm.n),
    docTf: docTf.a.subarray(0, docTf.n),
    ipcStart,
    ipcSub: Int32Array.from(ipcSub),
    ipcGroup: Int32Array.from(ipcGroup),
  };
}

/** Inverts forward lists into CSR postings sorted by record. */
function invert(raw: RawSide, vocabSize: number): Pick<Side, 'termStart' | 'postDoc' | 'postTf'> {
  const termStart = new Uint32Array(vocabSize + 1);
  for (let i = 0; i < raw.docTerm.length; i++) termStart[raw.docTerm[i]! + 1]!++;
  for (let t = 0; t < vocabSize; t++) termStart[t + 1]! += termStart[t]!;
  const fill = termStart.slice(0, vocabSize);
  const postDoc = new Uint32Array(raw.docTerm.length);
  const postTf = new Uint16Array(raw.docTerm.length);
  const n = raw.ids.length;
  for (let d = 0; d < n; d++) {
    for (let i = raw.docStart[d]!; i < raw.docStart[d + 1]!; i++) {
      const t = raw.docTerm[i]!;
      const p = fill[t]!++;
      postDoc[p] = d;
      postTf[p] = Math.min(MAX_TF, raw.docTf[i]!);
    }
  }
  return { termStart, postDoc, postTf };
}

type Stored = Pick<Side, 'ids' | 'docLen' | 'termStart' | 'postDoc' | 'postTf' | 'ipcStart' | 'ipcSub' | 'ipcGroup'>;

/** Adds what is derived from the stored arrays: idf, length norms, query scratch. */
function finishSide(s: Stored, vocabSize: number, k1: number, b: number): Side {
  const n = s.ids.length;
  let total = 0;
  for (let d = 0; d < n; d++) total += s.docLen[d]!;
  const avgLen = n > 0 ? total / n : 0;
  const idf = new Float64Array(vocabSize);
  for (let t = 0; t < vocabSize; t++) {
    const df = s.termStart[t + 1]! - s.termStart[t]!;
    idf[t] = df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
  const norm = new Float64Array(n);
  for (let d = 0; d < n; d++) norm[d] = k1 * (1 - b + (avgLen > 0 ? (b * s.docLen[d]!) / avgLen : 0));
  return { ...s, avgLen, idf, norm, acc: new Float64Array(n), touched: new Uint32Array(n) };
}

/** Indexes the records: both sides share one vocabulary. Records are segmented once, here. */
export function buildIndex(docs: IndexDocs, opts: IndexOptions = {}): MatchIndex {
  const tokenizer = opts.tokenizer ?? defaultTokenizer();
  const k1 = opts.k1 ?? K1;
  const b = opts.b ?? B;
  const vocab = new Interner();
  const ipcKeys = new Interner();
  const achievements = docs.achievements ?? [];
  const needs = docs.needs ?? [];
  const rawA = forward(
    achievements.map(achievementFields),
    achievements.map((a) => a.id),
    tokenizer,
    vocab,
    ipcKeys,
  );
  const rawN = forward(
    needs.map(needFields),
    needs.map((n) => n.id),
    tokenizer,
    vocab,
    ipcKeys,
  );
  const V = vocab.list.length;
  const side = (raw: RawSide) =>
    finishSide(
      { ids: raw.ids, docLen: raw.docLen, ipcStart: raw.ipcStart, ipcSub: raw.ipcSub, ipcGroup: raw.ipcGroup, ...invert(raw, V) },
      V,
      k1,
      b,
    );
  return {
    k1,
    b,
    vocab: vocab.list,
    termIds: vocab.ids,
    ipcKeys: ipcKeys.list,
    ipcKeyIds: ipcKeys.ids,
    tokenizer,
    achievements: side(rawA),
    needs: side(rawN),
  };
}

/** A query: its known terms with their weights, in first-seen order, and its IPC keys. */
interface Query {
  terms: Uint32Array;
  weights: Float64Array;
  ipcSub: Int32Array;
  ipcGroup: Int32Array;
}

function makeQuery(index: MatchIndex, f: Fields): Query {
  const counts = new Map<number, number>();
  weightedTerms(f, index.tokenizer, (t) => index.termIds.get(t), counts);
  const terms = new Uint32Array(counts.size);
  const weights = new Float64Array(counts.size);
  let i = 0;
  for (const [t, q] of counts) {
    terms[i] = t;
    weights[i++] = ((K3 + 1) * q) / (K3 + q);
  }
  const { sub, group } = ipcPairs(f.ipc, (s) => index.ipcKeyIds.get(s));
  return { terms, weights, ipcSub: Int32Array.from(sub), ipcGroup: Int32Array.from(group) };
}

/** 0 none, 1 same subclass, 2 same main group; the key id of the best overlap in `key`. */
function ipcLevel(side: Side, d: number, q: Query, out?: { key: number }): number {
  let level = 0;
  for (let i = side.ipcStart[d]!; i < side.ipcStart[d + 1]!; i++) {
    const g = side.ipcGroup[i]!;
    const s = side.ipcSub[i]!;
    for (let j = 0; j < q.ipcSub.length; j++) {
      if (g >= 0 && g === q.ipcGroup[j]) {
        if (out) out.key = g;
        return 2;
      }
      if (level === 0 && s === q.ipcSub[j]) {
        level = 1;
        if (out) out.key = s;
      }
    }
  }
  return level;
}

/** Position of record d in term t's postings, or −1 (binary search: postings are sorted). */
function findPosting(side: Side, t: number, d: number): number {
  let lo = side.termStart[t]!;
  let hi = side.termStart[t + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = side.postDoc[mid]!;
    if (v === d) return mid;
    if (v < d) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** Scores every record sharing a term with the query and keeps the best k (score desc, then record order). */
function topK(index: MatchIndex, side: Side, q: Query, k: number): { doc: Uint32Array; score: Float64Array; n: number } {
  const { acc, touched, termStart, postDoc, postTf, norm, idf } = side;
  const k1p1 = index.k1 + 1;
  let nt = 0;
  for (let i = 0; i < q.terms.length; i++) {
    const t = q.terms[i]!;
    const s = termStart[t]!;
    const e = termStart[t + 1]!;
    if (s === e) continue;
    const w = q.weights[i]! * idf[t]! * k1p1;
    for (let p = s; p < e; p++) {
      const d = postDoc[p]!;
      const tf = postTf[p]!;
      if (acc[d] === 0) touched[nt++] = d;
      acc[d]! += (w * tf) / (tf + norm[d]!);
    }
  }
  // A min-heap of the best k: heap[0] is the weakest kept.
  const cap = Math.max(0, Math.min(k, nt));
  const hDoc = new Uint32Array(cap);
  const hScore = new Float64Array(cap);
  let hn = 0;
  const worse = (sa: number, da: number, sb: number, db: number) => sa < sb || (sa === sb && da > db);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < hn && worse(hScore[l]!, hDoc[l]!, hScore[m]!, hDoc[m]!)) m = l;
      if (r < hn && worse(hScore[r]!, hDoc[r]!, hScore[m]!, hDoc[m]!)) m = r;
      if (m === i) return;
      const ts = hScore[i]!;
      const td = hDoc[i]!;
      hScore[i] = hScore[m]!;
      hDoc[i] = hDoc[m]!;
      hScore[m] = ts;
      hDoc[m] = td;
      i = m;
    }
  };
  const hasIpc = q.ipcSub.length > 0;
  for (let i = 0; i < nt; i++) {
    const d = touched[i]!;
    let score = acc[d]!;
    acc[d] = 0;
    if (cap === 0) continue;
    if (hasIpc) score *= BONUS_BY_LEVEL[ipcLevel(side, d, q)]!;
    if (hn < cap) {
      // Sift up.
      let j = hn++;
      hScore[j] = score;
      hDoc[j] = d;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!worse(hScore[j]!, hDoc[j]!, hScore[p]!, hDoc[p]!)) break;
        const ts = hScore[j]!;
        const td = hDoc[j]!;
        hScore[j] = hScore[p]!;
        hDoc[j] = hDoc[p]!;
        hScore[p] = ts;
        hDoc[p] = td;
        j = p;
      }
    } else if (worse(hScore[0]!, hDoc[0]!, score, d)) {
      hScore[0] = score;
      hDoc[0] = d;
      siftDown(0);
    }
  }
  // Pop into descending order.
  const n = hn;
  const doc = new Uint32Array(n);
  const score = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    doc[i] = hDoc[0]!;
    score[i] = hScore[0]!;
    hn--;
    hScore[0] = hScore[hn]!;
    hDoc[0] = hDoc[hn]!;
    siftDown(0);
  }
  return { doc, score, n };
}

/** The shared terms by contribution and the IPC overlap. */
function explain(index: MatchIndex, side: Side, q: Query, d: number): { terms: string[]; ipc: IpcOverlap | null } {
  const contrib: { term: string; c: number }[] = [];
  for (let i = 0; i < q.terms.length; i++) {
    const t = q.terms[i]!;
    const term = index.vocab[t]!;
    if (isIpcTerm(term)) continue;
    const p = findPosting(side, t, d);
    if (p < 0) continue;
    const tf = side.postTf[p]!;
    contrib.push({ term, c: (q.weights[i]! * side.idf[t]! * (index.k1 + 1) * tf) / (tf + side.norm[d]!) });
  }
  contrib.sort((a, b) => b.c - a.c || (a.term < b.term ? -1 : 1));
  // A word and its parts (固态电解质, 电解质) are one reason: shown once, as the longer word.
  const terms: string[] = [];
  for (const { term } of contrib) {
    if (terms.some((x) => x.includes(term))) continue;
    const part = terms.findIndex((x) => term.includes(x));
    if (part >= 0) {
      terms[part] = term;
      for (let i = terms.length - 1; i > part; i--) if (term.includes(terms[i]!)) terms.splice(i, 1);
    } else if (terms.length < REASON_TERMS) terms.push(term);
  }
  const out = { key: -1 };
  const level = ipcLevel(side, d, q, out);
  const ipc: IpcOverlap | null = level === 0 ? null : { level: level === 2 ? 'group' : 'subclass', code: index.ipcKeys[out.key]! };
  return { terms, ipc };
}

export function describeMatch(terms: readonly string[], ipc: IpcOverlap | null): string {
  const parts: string[] = [];
  if (terms.length > 0) parts.push(`共同关键词：${terms.join('、')}`);
  if (ipc) parts.push(`IPC 同属 ${ipc.code}`);
  return parts.join('；');
}

function search(index: MatchIndex, side: Side, f: Fields, k: number): MatchHit[] {
  const q = makeQuery(index, f);
  const top = topK(index, side, q, k);
  const hits: MatchHit[] = [];
  for (let i = 0; i < top.n; i++) {
    const d = top.doc[i]!;
    const { terms, ipc } = explain(index, side, q, d);
    hits.push({ id: side.ids[d]!, score: top.score[i]!, sharedTerms: terms, ipc, reason: describeMatch(terms, ipc) });
  }
  return hits;
}

/** The k achievements that best meet the need, best first. */
export function matchNeed(index: MatchIndex, need: TechNeed, k = 10): MatchHit[] {
  return search(index, index.achievements, needFields(need), k);
}

/** The k needs the achievement best answers, best first. */
export function matchAchievement(index: MatchIndex, achievement: Achievement, k = 10): MatchHit[] {
  return search(index, index.needs, achievementFields(achievement), k);
}

/** Per side, its records' terms (doc → term ids and tfs), made from the postings on first use. */
const forwardLists = new WeakMap<Side, { start: Uint32Array; term: Uint32Array; tf: Uint16Array }>();
function forwardOf(side: Side, vocabSize: number) {
  let fw = forwardLists.get(side);
  if (!fw) {
    const n = side.ids.length;
    const start = new Uint32Array(n + 1);
    for (let p = 0; p < side.postDoc.length; p++) start[side.postDoc[p]! + 1]!++;
    for (let d = 0; d < n; d++) start[d + 1]! += start[d]!;
    const fill = start.slice(0, n);
    const term = new Uint32Array(side.postDoc.length);
    const tf = new Uint16Array(side.postDoc.length);
    for (let t = 0; t < vocabSize; t++) {
      for (let p = side.termStart[t]!; p < side.termStart[t + 1]!; p++) {
        const at = fill[side.postDoc[p]!]!++;
        term[at] = t;
        tf[at] = side.postTf[p]!;
      }
    }
    fw = { start, term, tf };
    forwardLists.set(side, fw);
  }
  return fw;
}

/**
 * The same scores as matchNeed, for every achievement, by scanning each record's own terms
 * instead of the query terms' postings: the reference the index must agree with, and the
 * benchmark's baseline. (Sums run in another order, so scores agree to rounding.)
 */
export function referenceScores(index: MatchIndex, need: TechNeed): Float64Array {
  const side = index.achievements;
  const V = index.vocab.length;
  const fw = forwardOf(side, V);
  const q = makeQuery(index, needFields(need));
  const qw = new Float64Array(V);
  for (let i = 0; i < q.terms.length; i++) qw[q.terms[i]!] = q.weights[i]! * side.idf[q.terms[i]!]! * (index.k1 + 1);
  const n = side.ids.length;
  const out = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    let s = 0;
    for (let p = fw.start[d]!; p < fw.start[d + 1]!; p++) {
      const w = qw[fw.term[p]!]!;
      if (w !== 0) {
        const tf = fw.tf[p]!;
        s += (w * tf) / (tf + side.norm[d]!);
      }
    }
    out[d] = s > 0 && q.ipcSub.length > 0 ? s * BONUS_BY_LEVEL[ipcLevel(side, d, q)]! : s;
  }
  return out;
}

export const indexSize = (index: MatchIndex) => ({
  achievements: index.achievements.ids.length,
  needs: index.needs.ids.length,
  terms: index.vocab.length,
});

// ---------------------------------------------------------------------------------------------
// Serialisation: "IPFMATCH", u32 header length, the header (JSON: format, tokenizer signature,
// k1, b, vocabulary, IPC keys, ids and array lengths per side), then each side's arrays, each
// starting on an 8-byte boundary, little-endian as typed arrays are on every platform we ship.

const MAGIC = 'IPFMATCH';
const FORMAT = 1;
const SECTIONS = ['docLen', 'termStart', 'postDoc', 'postTf', 'ipcStart', 'ipcSub', 'ipcGroup'] as const;
type Section = (typeof SECTIONS)[number];
const CTOR = {
  docLen: Float32Array,
  termStart: Uint32Array,
  postDoc: Uint32Array,
  postTf: Uint16Array,
  ipcStart: Uint32Array,
  ipcSub: Int32Array,
  ipcGroup: Int32Array,
} as const;

interface Header {
  format: number;
  signature: string;
  k1: number;
  b: number;
  vocab: string[];
  ipcKeys: string[];
  sides: Record<'achievements' | 'needs', { ids: string[]; lengths: Record<Section, number> }>;
}

const align8 = (n: number) => (n + 7) & ~7;

export function serializeIndex(index: MatchIndex): Uint8Array {
  const sides = { achievements: index.achievements, needs: index.needs };
  const header: Header = {
    format: FORMAT,
    signature: index.tokenizer.signature,
    k1: index.k1,
    b: index.b,
    vocab: [...index.vocab],
    ipcKeys: [...index.ipcKeys],
    sides: {
      achievements: { ids: sides.achievements.ids, lengths: lengths(sides.achievements) },
      needs: { ids: sides.needs.ids, lengths: lengths(sides.needs) },
    },
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  let size = align8(MAGIC.length + 4 + head.length);
  for (const s of Object.values(sides)) for (const name of SECTIONS) size += align8(s[name].byteLength);
  const out = new Uint8Array(size);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, head.length, true);
  out.set(head, MAGIC.length + 4);
  let at = align8(MAGIC.length + 4 + head.length);
  for (const s of Object.values(sides)) {
    for (const name of SECTIONS) {
      const a = s[name];
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at += align8(a.byteLength);
    }
  }
  return out;
}

function lengths(s: Side): Record<Section, number> {
  return Object.fromEntries(SECTIONS.map((name) => [name, s[name].length])) as Record<Section, number>;
}

const corrupt = () => new AppError('INTERNAL', '匹配索引文件已损坏，请重建索引');

/**
 * The index as serializeIndex stored it. Refuses one made with other word lists (its terms
 * would not meet the queries' terms): rebuild it from the records then.
 */
export function deserializeIndex(bytes: Uint8Array, tokenizer: Tokenizer = defaultTokenizer()): MatchIndex {
  if (bytes.length < MAGIC.length + 4 || Buffer.from(bytes.subarray(0, MAGIC.length)).toString('latin1') !== MAGIC) throw corrupt();
  // One aligned copy: typed-array views need their element alignment.
  const buf = new Uint8Array(bytes.length);
  buf.set(bytes);
  const headLen = new DataView(buf.buffer).getUint32(MAGIC.length, true);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(buf.buffer, MAGIC.length + 4, headLen).toString('utf8')) as Header;
  } catch {
    throw corrupt();
  }
  if (header.format !== FORMAT) throw new AppError('INTERNAL', `匹配索引格式 ${header.format} 不受支持，请重建索引`);
  if (header.signature !== tokenizer.signature) throw new AppError('INTERNAL', '匹配索引所用的词表或停用词已变更，请重建索引');
  let at = align8(MAGIC.length + 4 + headLen);
  const V = header.vocab.length;
  const readSide = (h: Header['sides']['achievements']): Side => {
    const arrays = {} as Record<Section, Float32Array | Uint32Array | Uint16Array | Int32Array>;
    for (const name of SECTIONS) {
      const len = h.lengths[name];
      const bytesLen = len * CTOR[name].BYTES_PER_ELEMENT;
      if (at + bytesLen > buf.length) throw corrupt();
      arrays[name] = new CTOR[name](buf.buffer, at, len);
      at += align8(bytesLen);
    }
    const stored = { ids: h.ids, ...arrays } as Stored;
    if (stored.termStart.length !== V + 1 || stored.docLen.length !== h.ids.length || stored.ipcStart.length !== h.ids.length + 1)
      throw corrupt();
    return finishSide(stored, V, header.k1, header.b);
  };
  const achievements = readSide(header.sides.achievements);
  const needs = readSide(header.sides.needs);
  return {
    k1: header.k1,
    b: header.b,
    vocab: header.vocab,
    termIds: new Map(header.vocab.map((t, i) => [t, i])),
    ipcKeys: header.ipcKeys,
    ipcKeyIds: new Map(header.ipcKeys.map((s, i) => [s, i])),
    tokenizer,
    achievements,
    needs,
  };
}
