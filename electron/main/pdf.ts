import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { pageTemplates, type PrintOptions } from '../services/reports/html';

/**
 * HTML → PDF with Electron's own Chromium: a hidden, sandboxed window with JavaScript off
 * (the report is static HTML and SVG), destroyed after printing.
 */
export function createElectronPrinter(BrowserWindow: new (o: BrowserWindowConstructorOptions) => BrowserWindowType) {
  return async (html: string, opts: PrintOptions = {}): Promise<Uint8Array> => {
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      return new Uint8Array(
        await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, ...pageTemplates(opts) }),
      );
    } finally {
      win.destroy();
    }
  };
}
