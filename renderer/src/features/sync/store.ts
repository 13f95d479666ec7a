/**
 * The sync status every page shows (the header, the badges in lists, the 同步 page), polled
 * from the main process: every few seconds, faster while a sync runs.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import type { District } from '../../../../shared/domain/districts';
import type { Role } from '../../../../shared/sync/roles';
import type { SyncStatusView } from '../../../../shared/types/sync';
import { api } from '../../api';

interface SyncState {
  status: SyncStatusView | null;
  /** Record ids with an open conflict (a set, for the list badges). */
  conflicted: ReadonlySet<string>;
  /** Bumped when conflicts or refusals may have changed, so their lists reload. */
  version: number;
  refresh(): Promise<void>;
  set(status: SyncStatusView): void;
}

export const useSyncStore = create<SyncState>((set, get) => ({
  status: null,
  conflicted: new Set(),
  version: 0,
  async refresh() {
    try {
      get().set(await api().syncStatus({}));
    } catch {
      // The local service is gone: the shell shows that; the header keeps its last state.
    }
  },
  set(status) {
    const prev = get().status;
    const changed =
      !prev ||
      prev.lastSyncAt !== status.lastSyncAt ||
      prev.openConflicts !== status.openConflicts ||
      prev.rejections !== status.rejections ||
      prev.state !== status.state;
    set({
      status,
      conflicted: new Set(status.conflicted),
      version: changed ? get().version + 1 : get().version,
    });
  },
}));

let timer: ReturnType<typeof setTimeout> | null = null;

/** Starts polling (idempotent); 500 ms while syncing, 3 s otherwise. */
export function startSyncPolling(): () => void {
  const tick = async () => {
    await useSyncStore.getState().refresh();
    const syncing = useSyncStore.getState().status?.state === 'syncing';
    timer = setTimeout(() => void tick(), syncing ? 500 : 3000);
  };
  if (!timer) void tick();
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
}

/**
 * The signed-in user's role and districts (null when signed out): the same object while they
 * stay the same, though every poll brings a new status.
 */
export function useAccount(): { role: Role; districts: District[] } | null {
  const key = useSyncStore((s) =>
    s.status?.signedIn && s.status.user ? `${s.status.user.role}|${s.status.user.districts.join(',')}` : '',
  );
  return useMemo(() => {
    if (!key) return null;
    const [role, districts] = key.split('|') as [Role, string];
    return { role, districts: districts ? (districts.split(',') as District[]) : [] };
  }, [key]);
}
