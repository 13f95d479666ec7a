import { message } from 'antd';
import { create } from 'zustand';
import type { CaseFilter } from '../../../../shared/schemas/case';
import type { CaseDetail } from '../../../../shared/types/case';
import { api } from '../../api';

interface CasesState {
  filter: Partial<CaseFilter>;
  detail: CaseDetail | null;
  loading: boolean;
  loadError: string | null;
  /** Bumped after any write so lists reload. */
  version: number;
  setFilter(patch: Partial<CaseFilter>): void;
  load(id: string): Promise<void>;
  /**
   * Runs a write that answers with the case, shows it, and reports a refusal in Chinese.
   * `onError` may place the error under form fields; what it returns is still shown.
   */
  act(write: () => Promise<CaseDetail>, done?: string, onError?: (err: unknown) => string | null): Promise<boolean>;
}

export const useCasesStore = create<CasesState>((set) => ({
  filter: {},
  detail: null,
  loading: false,
  loadError: null,
  version: 0,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  load: async (id) => {
    set((s) => ({ loading: true, loadError: null, detail: s.detail?.record.id === id ? s.detail : null }));
    try {
      set({ detail: await api().caseGet({ id }), loading: false });
    } catch (err) {
      set({ loading: false, loadError: err instanceof Error ? err.message : String(err) });
    }
  },
  act: async (write, done, onError) => {
    try {
      const detail = await write();
      set((s) => ({ detail, version: s.version + 1 }));
      if (done) void message.success(done);
      return true;
    } catch (err) {
      const rest = onError ? onError(err) : err instanceof Error ? err.message : String(err);
      if (rest) void message.error({ content: rest, duration: 6 });
      return false;
    }
  },
}));
