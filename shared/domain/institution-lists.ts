/**
 * The 机构名录 page's two lists as shown and as exported: the directory, and the names typed
 * on pledges with what the directory makes of them. One filter rule for the page and the export.
 */
import type { District } from './districts';
import type { Institution, InstitutionKind, Resolved } from './institutions';

export interface InstitutionView extends Institution {
  /** The head's name for a branch. */
  headName: string | null;
  /** Edited or added here or by another officer (a synced record), not as shipped. */
  edited: boolean;
}

/** A bank name as typed on this computer's pledges, and how the directory resolves it. */
export interface NameReview {
  text: string;
  pledges: number;
  how: Resolved['how'];
  head: string;
  branch: string;
}

export interface InstitutionListFilter {
  search: string;
  kind?: InstitutionKind;
  greenChannel?: District;
}

const has = (hay: string, needle: string) => hay.toLowerCase().includes(needle.trim().toLowerCase());

export function institutionMatches(i: InstitutionView, f: InstitutionListFilter): boolean {
  return (
    (!f.kind || i.kind === f.kind) &&
    (!f.greenChannel || i.greenChannel.includes(f.greenChannel)) &&
    (!f.search.trim() || has(i.name, f.search) || i.aliases.some((a) => has(a, f.search)) || (!!i.headName && has(i.headName, f.search)))
  );
}

/** Names the directory does not know (a branch inferred from its head's name, or none at all) wait for review. */
export const needsReview = (n: NameReview): boolean => n.how === 'prefix' || n.how === 'none';

export function nameMatches(n: NameReview, f: { search: string; pendingOnly: boolean }): boolean {
  return (!f.pendingOnly || needsReview(n)) && (!f.search.trim() || has(n.text, f.search) || has(n.head, f.search));
}

export const RESOLVED_LABELS: Record<Resolved['how'], string> = {
  exact: '名录中的机构',
  prefix: '按名称归入总行（待确认）',
  none: '名录中没有（待确认）',
  blank: '未填',
};
