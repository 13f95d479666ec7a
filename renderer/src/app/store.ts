import { create } from 'zustand';
import type { Language } from '../../../shared/settings';
import type { AppInfo, Settings } from '../../../shared/types/app';
import { api } from '../api';
import { applyLanguage } from '../i18n';

type Boot = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; message: string };

interface AppState {
  boot: Boot;
  info: AppInfo | null;
  settings: Settings | null;
  load(): Promise<void>;
  retryDatabase(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export const useAppStore = create<AppState>((set, get) => ({
  boot: { phase: 'loading' },
  info: null,
  settings: null,
  async load() {
    set({ boot: { phase: 'loading' } });
    try {
      const info = await api().appInfo({});
      const settings = info.db.status === 'ok' ? await api().settingsGet({}) : null;
      if (settings) applyLanguage(settings.language);
      set({ info, settings, boot: { phase: 'ready' } });
    } catch (err) {
      set({ boot: { phase: 'failed', message: err instanceof Error ? err.message : String(err) } });
    }
  },
  async retryDatabase() {
    await api().databaseRetry({});
    await get().load();
  },
  async setLanguage(language) {
    applyLanguage(language);
    if (get().info?.db.status !== 'ok') return;
    const settings = await api().settingsUpdate({ language });
    set({ settings });
  },
}));
