import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, METHOD_NAMES } from '../../shared/contract';
import { createFakeElectron } from '../../test/support/fake-electron';
import { tempDir } from '../../test/support/temp';

const tmp = tempDir();
const fake = createFakeElectron(tmp.dir);
vi.mock('electron', () => fake.module);

/** An IPC event as Electron delivers it, from a frame at `url`. */
function event(url: string, opts: { sender?: unknown; parent?: unknown } = {}) {
  return { sender: opts.sender ?? fake.windows[0]!.webContents, senderFrame: { url, parent: opts.parent ?? null } };
}
const call = (method: string, ev: unknown, input: unknown) => fake.handlers.get(channelOf(method as never))!(ev, input);

beforeAll(async () => {
  await import('./index');
  fake.fireReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});
afterAll(() => tmp.cleanup());

describe('main process wiring (electron mocked)', () => {
  it('takes the single-instance lock, enables the sandbox and registers app:// as privileged', () => {
    expect(fake.module.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.module.app.enableSandbox).toHaveBeenCalled();
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('opens one window on app://ipf with the security checklist in its webPreferences', () => {
    const w = fake.windows[0]!;
    expect(w.url).toBe('app://ipf/index.html');
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('denies every permission request', () => {
    const handler = fake.module.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    const cb = vi.fn();
    handler(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('registers exactly one IPC handler per contract call', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('answers our own top frame', async () => {
    expect(await call('idCheck', event('app://ipf/index.html'), { value: '201710601862.3' })).toMatchObject({
      ok: true,
      value: { valid: true },
    });
  });

  it('rejects a sender from another origin, a subframe or another webContents, and writes nothing', async () => {
    const denied = [
      event('https://evil.example/index.html'),
      event('file:///etc/passwd'),
      event('app://other/index.html'),
      event('app://ipf/index.html', { parent: {} }),
      event('app://ipf/index.html', { sender: {} }),
    ];
    for (const ev of denied) {
      expect(await call('settingsUpdate', ev, { language: 'en-US' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(await call('settingsGet', event('app://ipf/index.html'), {})).toMatchObject({ ok: true, value: { language: 'zh-CN' } });
  });

  it('rejects malformed input from a trusted sender with nothing written', async () => {
    expect(await call('settingsUpdate', event('app://ipf/'), { language: 'en-US', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('settingsGet', event('app://ipf/'), {})).toMatchObject({ ok: true, value: { language: 'zh-CN' } });
  });

  it('builds the menu in Chinese, then in English after a language change', async () => {
    const menus = fake.module.Menu.buildFromTemplate.mock.calls;
    expect((menus.at(-1)![0] as { label: string }[]).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '语言', '培训', '帮助']);
    await call('settingsUpdate', event('app://ipf/'), { language: 'en-US' });
    expect((menus.at(-1)![0] as { label: string }[]).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Language', 'Training', 'Help']);
    await call('settingsUpdate', event('app://ipf/'), { language: 'zh-CN' });
  });

  it('switches to 培训模式 from the menu and back, the item saying which', async () => {
    type Item = { label: string; submenu?: { label: string; click: () => void }[] };
    const menus = fake.module.Menu.buildFromTemplate.mock.calls;
    const item = () => (menus.at(-1)![0] as Item[]).find((m) => m.label === '培训')!.submenu![0]!;
    expect(item().label).toBe('进入培训模式（沙盒）');
    item().click();
    await vi.waitFor(() => expect(item().label).toBe('退出培训模式'));
    expect(((await call('appInfo', event('app://ipf/'), {})) as { value: { sandbox: boolean } }).value.sandbox).toBe(true);
    item().click();
    await vi.waitFor(() => expect(item().label).toBe('进入培训模式（沙盒）'));
  });

  it('adds the CSP to every response of the session', () => {
    const hook = fake.module.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const cb = vi.fn();
    hook({ responseHeaders: { 'content-type': ['text/html'] } }, cb);
    expect(cb.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain("script-src 'self'");
  });

  it('denies navigation away from the app and every new window', () => {
    const wc = fake.windows[0]!.webContents;
    fake.module.app.emit('web-contents-created', {}, wc);
    const prevent = vi.fn();
    wc.emit('will-navigate', { preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalledTimes(1);
    wc.emit('will-navigate', { preventDefault: prevent }, 'app://ipf/index.html#/about');
    expect(prevent).toHaveBeenCalledTimes(1);
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'app://ipf/index.html' })).toEqual({ action: 'deny' });
    const attach = vi.fn();
    wc.emit('will-attach-webview', { preventDefault: attach });
    expect(attach).toHaveBeenCalled();
  });
});
