/**
 * The directory of institutions a district works with: banks with their branches, guarantors,
 * insurers, appraisers, patent agencies, law firms. It ships with a starting list
 * (institutions.directory.json) and grows by synced edits (a record per institution, seen by
 * everyone; one with a shipped id replaces the shipped entry). Bank texts typed on pledges are
 * resolved against it, so 中国银行深圳南山支行 and 中国银行 count as one bank in every figure:
 * a name or alias of the directory is that institution (its head above it); a text beginning
 * with a head's name or alias is a branch of that head not yet in the directory (to review);
 * any other text is its own head.
 */
import type { District } from './districts';
import shipped from './institutions.directory.json';

export const INSTITUTION_KINDS = ['bank', 'guarantor', 'insurer', 'appraiser', 'patent_agency', 'law_firm'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  bank: '银行',
  guarantor: '融资担保',
  insurer: '保险',
  appraiser: '资产评估',
  patent_agency: '专利代理',
  law_firm: '律师事务所',
};

export interface Institution {
  id: string;
  kind: InstitutionKind;
  name: string;
  headId: string | null;
  aliases: string[];
  greenChannel: District[];
  active: boolean;
}

/** A blank bank as every figure shows it. */
export const NO_BANK = '（未填）';

export const SHIPPED_INSTITUTIONS = shipped.institutions as Institution[];

/** The shipped list with the synced records over it (same id: the record wins; new ids are added). */
export function mergeInstitutions(records: readonly Institution[]): Institution[] {
  const byId = new Map(SHIPPED_INSTITUTIONS.map((i) => [i.id, i]));
  for (const r of records) byId.set(r.id, r);
  return [...byId.values()];
}

export interface Resolved {
  /** The head institution's name (the text itself when it matches none; （未填） when blank). */
  head: string;
  /** The branch as the figures show it: the directory's name when matched, else the text. */
  branch: string;
  /** The directory entry the text is, if any. */
  institution: Institution | null;
  how: 'blank' | 'exact' | 'prefix' | 'none';
}

export class Directory {
  readonly list: readonly Institution[];
  private readonly byId: Map<string, Institution>;
  private readonly byName = new Map<string, Institution>();
  private readonly prefixes: { prefix: string; head: Institution }[];
  private readonly memo = new Map<string, Resolved>();

  constructor(unordered: readonly Institution[]) {
    // By id, so a name two entries share resolves the same on every source, whatever order it read them in.
    const list = [...unordered].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.list = list;
    this.byId = new Map(list.map((i) => [i.id, i]));
    // Names before aliases, so an alias never hides another's name.
    for (const i of list) this.byName.set(i.name, i);
    for (const i of list) for (const a of i.aliases) if (!this.byName.has(a)) this.byName.set(a, i);
    this.prefixes = list
      .filter((i) => i.headId === null)
      .flatMap((h) => [h.name, ...h.aliases].map((prefix) => ({ prefix, head: h })))
      .sort((a, b) => b.prefix.length - a.prefix.length);
  }

  get(id: string): Institution | undefined {
    return this.byId.get(id);
  }

  /** The top of a branch's line (a head's own edits may nest one under another: the top counts). */
  headOf(i: Institution): Institution {
    let h = i;
    for (let depth = 0; h.headId && depth < 8; depth++) {
      const up = this.byId.get(h.headId);
      if (!up || up === i) break;
      h = up;
    }
    return h;
  }

  resolve(text: string | null | undefined): Resolved {
    const key = text ?? '';
    let r = this.memo.get(key);
    if (r) return r;
    const t = key.trim();
    const exact = this.byName.get(t);
    if (t === '') r = { head: NO_BANK, branch: NO_BANK, institution: null, how: 'blank' };
    else if (exact) r = { head: this.headOf(exact).name, branch: exact.name, institution: exact, how: 'exact' };
    else {
      const p = this.prefixes.find((x) => t.startsWith(x.prefix));
      r = p ? { head: p.head.name, branch: t, institution: null, how: 'prefix' } : { head: t, branch: t, institution: null, how: 'none' };
    }
    // A district writes a few hundred names at most; the cap only guards a pathological input.
    if (this.memo.size > 10_000) this.memo.clear();
    this.memo.set(key, r);
    return r;
  }
}

/** The directory as shipped (no edits): for a caller without a store. */
export const SHIPPED_DIRECTORY = new Directory(SHIPPED_INSTITUTIONS);
