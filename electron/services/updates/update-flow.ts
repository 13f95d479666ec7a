/**
 * 软件更新: checks an association's own update server (electron-updater's generic provider),
 * downloads only when the user asks, and restarts into the new version only when nothing is
 * lost by it — never while a sync runs, never over a form with unsaved changes. The updater is
 * injected: electron-updater's autoUpdater in the app, a fake in tests.
 */
import type { UpdateView } from '../../../shared/types/update';
import type { Logger } from '../logger';

/** The part of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateInfoLike {
  version: string;
  releaseDate?: string;
  /** HTML text, or one note per version (electron-updater's fullChangelog). */
  releaseNotes?: string | { version: string; note: string | null }[] | null;
}

export interface UpdateFlow {
  view(): UpdateView;
  check(): Promise<UpdateView>;
  download(): Promise<UpdateView>;
  install(unsaved: boolean): UpdateView;
}

/** Release notes as plain text: the server's HTML tags dropped, one paragraph per line. */
export function notesText(notes: UpdateInfoLike['releaseNotes']): string {
  const html = Array.isArray(notes) ? notes.map((n) => `${n.version}\n${n.note ?? ''}`).join('\n\n') : (notes ?? '');
  return html
    .replace(/<(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An http(s) address of the update folder, or null (with the reason logged) when none is usable. */
export function feedUrlOf(raw: string | undefined, logger: Logger): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    // reported below
  }
  logger.warn(`update server address ignored (not an http(s) address): ${raw}`);
  return null;
}

export function createUpdateFlow(deps: {
  updater: UpdaterLike | null;
  /** The generic provider's folder (holding latest.yml); null leaves updates off. */
  feedUrl: string | null;
  currentVersion: string;
  isSyncing: () => boolean;
  logger: Logger;
}): UpdateFlow {
  const { updater, feedUrl, currentVersion, logger } = deps;
  let state: UpdateView = updater && feedUrl ? { phase: 'idle', currentVersion } : { phase: 'disabled', currentVersion };
  const set = (next: Omit<UpdateView, 'currentVersion'>) => (state = { ...next, currentVersion });
  const found = (info: UpdateInfoLike) => ({ version: info.version, notes: notesText(info.releaseNotes), releaseDate: info.releaseDate });

  if (updater && feedUrl) {
    updater.setFeedURL({ provider: 'generic', url: feedUrl });
    // Nothing is fetched or installed behind the user's back: both wait for a click.
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.on('update-available', (info) => set({ phase: 'available', ...found(info) }));
    updater.on('update-not-available', () => set({ phase: 'none' }));
    updater.on('download-progress', (p) => set({ ...state, phase: 'downloading', percent: Math.round(p.percent) }));
    // electron-updater has checked the file's sha512 (and on Windows its signature) before this.
    updater.on('update-downloaded', (info) => set({ phase: 'ready', ...found(info) }));
    updater.on('error', (err) => {
      logger.warn('update failed', err);
      set({ ...state, phase: 'error', message: `检查或下载更新失败：${err.message}。可稍后重试，当前版本照常使用。` });
    });
  }

  const disabled = () => ({ ...state, message: '未配置更新服务器，或当前运行环境不支持自动更新' });

  return {
    view: () => ({ ...state }),
    async check() {
      if (!updater || state.phase === 'disabled') return disabled();
      if (state.phase === 'downloading' || state.phase === 'ready') return { ...state };
      set({ phase: 'checking' });
      // Failures arrive as the 'error' event too; the promise's rejection is not a second report.
      await updater.checkForUpdates().catch(() => undefined);
      return { ...state };
    },
    async download() {
      if (!updater || state.phase === 'disabled') return disabled();
      if (state.phase !== 'available' && state.phase !== 'error') return { ...state, message: '没有可下载的新版本' };
      if (!state.version) return { ...state, message: '没有可下载的新版本' };
      set({ ...state, phase: 'downloading', percent: 0, message: undefined });
      void updater.downloadUpdate().catch(() => undefined);
      return { ...state };
    },
    install(unsaved) {
      if (!updater || state.phase !== 'ready') return { ...state, message: '新版本尚未下载完成' };
      if (deps.isSyncing()) return { ...state, blockedBy: 'sync', message: '正在与中心服务同步，同步结束后再重启安装，以免中断' };
      if (unsaved) return { ...state, blockedBy: 'unsaved', message: '有尚未保存的表单，请先保存或放弃修改后再重启安装' };
      logger.info(`restarting into version ${state.version}`);
      updater.quitAndInstall(false, true);
      return { ...state, blockedBy: undefined, message: '正在重启并安装新版本…' };
    },
  };
}
