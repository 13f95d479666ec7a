/** 软件更新's state in the renderer: polled every half minute, every second while downloading. */
import { create } from 'zustand';
import type { UpdateView } from '../../../../shared/types/update';
import { api } from '../../api';
import { hasUnsavedForms } from '../../lib/unsaved';

interface UpdateState {
  view: UpdateView | null;
  /** The text of the last refused or failed step, shown in the prompt. */
  notice: string | null;
  /** The prompt is shown (opened by a found version, or again from the header's badge). */
  open: boolean;
  setOpen(open: boolean): void;
  refresh(): Promise<void>;
  check(): Promise<UpdateView>;
  download(): Promise<void>;
  install(): Promise<void>;
}

const call = async (f: () => Promise<UpdateView>, set: (s: Partial<UpdateState>) => void) => {
  const view = await f();
  set({ view, notice: view.message ?? null });
  return view;
};

export const useUpdateStore = create<UpdateState>((set) => ({
  view: null,
  notice: null,
  open: false,
  setOpen: (open) => set({ open, notice: null }),
  async refresh() {
    try {
      set({ view: await api().updateStatus({}) });
    } catch {
      // The local service is gone: the shell says so; the prompt keeps its last state.
    }
  },
  check: () => call(() => api().updateCheck({}), set),
  download: async () => {
    await call(() => api().updateDownload({}), set);
    // The progress bar follows the download every second until it ends.
    while (useUpdateStore.getState().view?.phase === 'downloading') {
      await new Promise((r) => window.setTimeout(r, 1000));
      await useUpdateStore.getState().refresh();
    }
  },
  // The renderer alone knows what is typed and unsaved; the main process alone knows about syncs.
  install: async () => void (await call(() => api().updateInstall({ unsaved: hasUnsavedForms() }), set)),
}));

/** Polls while the shell is shown; returns the stop function. */
export function startUpdatePolling(): () => void {
  let timer: number | undefined;
  let stopped = false;
  const tick = async () => {
    await useUpdateStore.getState().refresh();
    if (stopped) return;
    timer = window.setTimeout(tick, 30_000);
  };
  void tick();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
