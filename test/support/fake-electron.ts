/**
 * A stand-in for the 'electron' module (which cannot run here): records what the main
 * process asks of it so tests can check the wiring and call the registered IPC handlers.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeWebContents extends EventEmitter {
  windowOpenHandler?: (d: { url: string }) => { action: string };
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void;
  reload(): void;
}

export function fakeWebContents(): FakeWebContents {
  const wc = new EventEmitter() as FakeWebContents;
  wc.setWindowOpenHandler = (h) => (wc.windowOpenHandler = h);
  wc.reload = vi.fn();
  return wc;
}

export function createFakeElectron(userData: string) {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const windows: { options: Record<string, unknown>; url?: string; webContents: FakeWebContents }[] = [];
  const appEvents = new EventEmitter();
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  class BrowserWindow extends EventEmitter {
    webContents = fakeWebContents();
    record: (typeof windows)[number];
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, webContents: this.webContents };
      windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    reload() {}
  }

  const module = {
    app: Object.assign(appEvents, {
      requestSingleInstanceLock: vi.fn(() => true),
      enableSandbox: vi.fn(),
      whenReady: () => ready,
      getPath: vi.fn(() => userData),
      getVersion: () => '0.1.0-test',
      getAppPath: () => userData,
      isPackaged: false,
      quit: vi.fn(),
    }),
    BrowserWindow,
    ipcMain: { handle: vi.fn((channel: string, h: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, h)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
    // Stands in for the OS keychain: a reversible transform, so a test can see nothing is kept in clear.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`.split('').reverse().join('')),
      decryptString: (buf: Buffer) => Buffer.from(buf.toString().split('').reverse().join('').slice(4), 'base64').toString(),
    },
  };
  return { module, handlers, windows, fireReady: () => resolveReady() };
}
