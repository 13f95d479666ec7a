export const ENTRY_STATUSES = ['待走访', '已走访', '推进中', '已放款', '暂缓', '不符合'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** The funnel reads left to right; 暂缓 and 不符合 leave it. */
export const FUNNEL: readonly EntryStatus[] = ['待走访', '已走访', '推进中', '已放款'];

export const PRIORITIES = [1, 2, 3] as const;
export const PRIORITY_LABELS: Record<number, string> = { 1: '高', 2: '中', 3: '低' };
