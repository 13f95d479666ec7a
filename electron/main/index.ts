/**
 * Electron entry: lifecycle, the window, the menu and IPC wiring. Thin by design: every
 * call goes through the same dispatcher the harness and CLI use.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import type { Language } from '../../shared/settings';
import { getSettings, updateSettings } from '../services/settings';
import { createRuntime, type Runtime } from '../services/runtime';
import { registerIpc } from './ipc';
import { createElectronPrinter } from './pdf';
import { buildMenuTemplate } from './menu';
import { electronNativeBinding } from './native-binding';
import { PRIVILEGED_SCHEME, registerAppProtocol } from './protocol';
import { hardenWebContents, lockDownSession } from './security';
import { safeStorageKeeper } from './safe-key';
import { safeStorageVault } from './safe-vault';
import { updateFeedUrl } from './update-feed';
import { autoUpdater } from 'electron-updater';
import { createMainWindow } from './window';

const CALM_TITLE = '知融工作台遇到了问题';

let runtime: Runtime | null = null;
let mainWindow: BrowserWindow | null = null;

function reportFatal(where: string, err: unknown): void {
  runtime?.logger.error(`${where}`, err);
  const logFile = runtime?.logger.file ?? path.join(app.getPath('userData'), 'logs', 'ipf-desk.log');
  dialog.showErrorBox(
    CALM_TITLE,
    `程序遇到意外错误，您已保存的数据不受影响。\n\n详细信息已记录在日志文件：\n${logFile}\n\n如问题反复出现，请将该文件发送给技术支持。`,
  );
}

process.on('uncaughtException', (err) => reportFatal('uncaught exception in main', err));
process.on('unhandledRejection', (err) => reportFatal('unhandled rejection in main', err));

protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);
app.enableSandbox();

function currentLanguage(): Language {
  return runtime?.db ? getSettings(runtime.db).language : 'zh-CN';
}

function applyMenu(): void {
  const template = buildMenuTemplate(
    currentLanguage(),
    {
      setLanguage: (language) => {
        if (runtime?.db) updateSettings(runtime.db, { language });
        applyMenu();
        mainWindow?.webContents.reload();
      },
      showAbout: () => void mainWindow?.loadURL('app://ipf/index.html#/about'),
      openLogFolder: () => void shell.openPath(path.dirname(runtime!.logger.file)),
      toggleSandbox: () => void toggleSandbox(),
    },
    runtime?.info().sandbox ?? false,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The menu's 培训模式 switch: the same call the 培训 page makes, then the app afresh on that page. */
async function toggleSandbox(): Promise<void> {
  if (!runtime) return;
  const r = await runtime.dispatch(runtime.info().sandbox ? 'sandboxLeave' : 'sandboxEnter', {});
  if (!r.ok) return dialog.showErrorBox('无法切换培训模式', r.error.message);
  applyMenu();
  // A hash change alone would not reload: every page's data changes with the database.
  const win = mainWindow;
  if (win) void win.loadURL('app://ipf/index.html#/training').then(() => win.webContents.reload());
}

function openWindow(): void {
  mainWindow = createMainWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), !app.isPackaged);
  mainWindow.on('closed', () => (mainWindow = null));
  mainWindow.webContents.on('render-process-gone', (_e, details) => {
    reportFatal(`renderer gone: ${details.reason}`, details);
    if (details.reason !== 'clean-exit') mainWindow?.reload();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (!mainWindow && runtime) openWindow();
  });
  app.on('will-quit', () => runtime?.close());

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    // The runtime's logger is made inside createRuntime, after the key is first read: held till then.
    const early: [level: 'info' | 'warn', message: string][] = [];
    const keeperLog = {
      info: (m: string) => (runtime ? runtime.logger.info(m) : early.push(['info', m])),
      warn: (m: string) => (runtime ? runtime.logger.warn(m) : early.push(['warn', m])),
    };
    runtime = createRuntime({
      dataDir,
      version: app.getVersion(),
      shell: 'electron',
      nativeBinding: electronNativeBinding(app.getAppPath(), app.isPackaged),
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' },
      onSettingsChanged: () => applyMenu(),
      onModeChanged: () => applyMenu(),
      worker: { file: path.join(__dirname, 'job-worker.cjs') },
      resourcesDir: path.join(app.getAppPath(), 'resources'),
      printPdf: createElectronPrinter(BrowserWindow),
      vaultFor: (dbFile) => safeStorageVault(safeStorage, dbFile, runtime!.logger),
      keyKeeper: safeStorageKeeper(safeStorage, dataDir, keeperLog),
      autoSync: true,
      autoBackup: true,
      warm: true,
      // Only an installed app can replace itself; a development run never updates.
      updater: app.isPackaged ? autoUpdater : undefined,
      updateFeed: app.isPackaged ? updateFeedUrl(process.resourcesPath) : undefined,
    });
    for (const [level, message] of early) runtime.logger[level](message);
    registerAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));
    lockDownSession(session.defaultSession);
    registerIpc(ipcMain, runtime.dispatch, (wc) => wc === mainWindow?.webContents, runtime.logger);
    applyMenu();
    openWindow();
  });
}
