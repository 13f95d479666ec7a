export const ENTRY_STATUSES = ['待走访', '已走访', '推进中', '已放款', '暂缓', '不符合'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const PRIORITY_LABELS: Record<number, string> = { 1: '高', 2: '中', 3: '低' };

/**
 * The whitelist funnel: each step counts the enterprises that reached it or went further, so
 * every step is a subset of the one before. 暂缓 and 不符合 leave the funnel; they are counted
 * beside it, never drawn as steps after 已放款.
 */
export const FUNNEL_STEPS = [
  { key: 'listed', label: '列入白名单', statuses: ENTRY_STATUSES },
  { key: 'visited', label: '已走访', statuses: ['已走访', '推进中', '已放款'] },
  { key: 'progressing', label: '推进融资', statuses: ['推进中', '已放款'] },
  { key: 'loaned', label: '已放款', statuses: ['已放款'] },
] as const satisfies readonly { key: string; label: string; statuses: readonly EntryStatus[] }[];
export const FUNNEL_EXITS = ['暂缓', '不符合'] as const satisfies readonly EntryStatus[];

export interface Funnel {
  steps: { key: (typeof FUNNEL_STEPS)[number]['key']; label: string; count: number }[];
  exits: { status: (typeof FUNNEL_EXITS)[number]; count: number }[];
}

/** The funnel from a count of enterprises per current status. */
export function funnelOf(byStatus: Partial<Record<EntryStatus, number>>): Funnel {
  const sum = (ss: readonly EntryStatus[]) => ss.reduce((n, s) => n + (byStatus[s] ?? 0), 0);
  return {
    steps: FUNNEL_STEPS.map((s) => ({ key: s.key, label: s.label, count: sum(s.statuses) })),
    exits: FUNNEL_EXITS.map((status) => ({ status, count: byStatus[status] ?? 0 })),
  };
}
