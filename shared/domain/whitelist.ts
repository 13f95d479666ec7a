export const ENTRY_STATUSES = ['待走访', '已走访', '推进中', '已放款', '暂缓', '不符合'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const PRIORITY_LABELS: Record<number, string> = { 1: '高', 2: '中', 3: '低' };
