import path from 'node:path';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY } from './constants';

/** Every item of Electron's security checklist that lives in webPreferences. */
export function mainWindowOptions(preloadFile: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1320,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '知融工作台',
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: path.resolve(preloadFile),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}

export function createMainWindow(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType,
  preloadFile: string,
  devTools: boolean,
): BrowserWindowType {
  const win = new BrowserWindow(mainWindowOptions(preloadFile, devTools));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
