import { create } from 'zustand';
import type { EnterpriseFilter, EntryFilter, IpFilter } from '../../../../shared/schemas/queries';

type Sort<S extends string> = { sort: S; order: 'asc' | 'desc' };

interface EnterprisesState {
  tab: 'enterprises' | 'ip' | 'whitelist' | 'overview' | 'import';
  enterpriseFilter: EnterpriseFilter;
  enterpriseSort: Sort<'name' | 'district' | 'updatedAt' | 'foundedOn' | 'revenueFen' | 'ipCount' | 'wlNeedFen' | 'wlStatus'>;
  ipFilter: IpFilter;
  ipSort: Sort<'number' | 'title' | 'filingDate' | 'expiresOn' | 'enterpriseName'>;
  entryFilter: EntryFilter;
  entrySort: Sort<'enterpriseName' | 'status' | 'steward' | 'needFen' | 'priority' | 'lastVisitOn' | 'updatedAt'>;
  /** Bumped after any write so every list reloads. */
  version: number;
  openEnterpriseId: string | null;
  set(patch: Partial<Omit<EnterprisesState, 'set' | 'changed'>>): void;
  changed(): void;
}

/** Filters and sorting survive switching tabs and areas, as a user expects. */
export const useEnterprisesStore = create<EnterprisesState>((set) => ({
  tab: 'enterprises',
  enterpriseFilter: {},
  enterpriseSort: { sort: 'name', order: 'asc' },
  ipFilter: {},
  ipSort: { sort: 'expiresOn', order: 'asc' },
  entryFilter: {},
  entrySort: { sort: 'priority', order: 'asc' },
  version: 0,
  openEnterpriseId: null,
  set: (patch) => set(patch),
  changed: () => set((s) => ({ version: s.version + 1 })),
}));
