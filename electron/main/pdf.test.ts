import { describe, expect, it, vi } from 'vitest';
import { createElectronPrinter } from './pdf';

describe('Electron PDF printer (electron faked)', () => {
  it('prints in a hidden, sandboxed window with JavaScript off, and always destroys it', async () => {
    const made: { options: Record<string, unknown>; url?: string; destroyed: boolean }[] = [];
    class FakeWindow {
      record: (typeof made)[number];
      webContents = { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) };
      constructor(options: Record<string, unknown>) {
        this.record = { options, destroyed: false };
        made.push(this.record);
      }
      async loadURL(url: string) {
        this.record.url = url;
      }
      destroy() {
        this.record.destroyed = true;
      }
    }
    const print = createElectronPrinter(FakeWindow as never);
    const pdf = await print('<h1>报告</h1>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    expect(made[0]!.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true },
    });
    expect(decodeURIComponent(made[0]!.url!.replace(/^data:text\/html;charset=utf-8,/, ''))).toBe('<h1>报告</h1>');
    expect(made[0]!.destroyed).toBe(true);

    const failing = createElectronPrinter(
      class extends FakeWindow {
        override async loadURL(): Promise<void> {
          throw new Error('load failed');
        }
      } as never,
    );
    await expect(failing('<p>x</p>')).rejects.toThrow('load failed');
    expect(made[1]!.destroyed).toBe(true);
  });
});
