import { describe, expect, it, vi } from 'vitest';
import { FakeUpdater } from '../../../test/support/fake-updater';
import { createUpdateFlow, feedUrlOf, notesText } from './update-flow';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } as unknown as Parameters<typeof createUpdateFlow>[0]['logger'];
const release = {
  version: '0.2.0',
  releaseDate: '2026-12-01T08:00:00.000Z',
  releaseNotes: '<h3>新功能</h3><ul><li>白名单导出 &amp; 打印</li><li>估值更快</li></ul>',
};

function flow(updater: FakeUpdater | null, opts: { feed?: string | null; syncing?: () => boolean } = {}) {
  return createUpdateFlow({
    updater,
    feedUrl: opts.feed === undefined ? 'https://updates.example.org/ipf-desk/' : opts.feed,
    currentVersion: '0.1.0',
    isSyncing: opts.syncing ?? (() => false),
    logger,
  });
}

const until = async (f: ReturnType<typeof flow>, phase: string) => {
  for (let i = 0; i < 100 && f.view().phase !== phase; i++) await new Promise((r) => setTimeout(r, 10));
  return f.view();
};

describe('软件更新', () => {
  it('is off without an update server or an updater, and says so', async () => {
    expect((await flow(null).check()).phase).toBe('disabled');
    const noFeed = new FakeUpdater(release);
    const off = flow(noFeed, { feed: null });
    expect(await off.check()).toMatchObject({ phase: 'disabled', message: expect.stringContaining('未配置更新服务器') });
    expect(noFeed.feeds).toEqual([]);
  });

  it('points the updater at the generic server and never downloads or installs on its own', () => {
    const u = new FakeUpdater(release);
    flow(u);
    expect(u.feeds).toEqual(['https://updates.example.org/ipf-desk/']);
    expect(u.autoDownload).toBe(false);
    expect(u.autoInstallOnAppQuit).toBe(false);
  });

  it('finds a release with its notes as text, downloads it with progress, and restarts into it', async () => {
    const u = new FakeUpdater(release);
    const f = flow(u);
    expect(await f.check()).toMatchObject({
      phase: 'available',
      version: '0.2.0',
      currentVersion: '0.1.0',
      notes: '新功能\n• 白名单导出 & 打印\n• 估值更快',
    });
    expect((await f.download()).phase).toBe('downloading');
    const seen = new Set<number>();
    while (f.view().phase === 'downloading') {
      if (f.view().percent !== undefined) seen.add(f.view().percent!);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect([...seen]).toEqual(expect.arrayContaining([25, 75]));
    expect(f.view()).toMatchObject({ phase: 'ready', version: '0.2.0' });
    expect(f.install(false).message).toContain('正在重启');
    expect(u.installs).toEqual([[false, true]]);
  });

  it('refuses to restart during a sync or over unsaved changes, and installs once both are clear', async () => {
    let syncing = true;
    const u = new FakeUpdater(release);
    const f = flow(u, { syncing: () => syncing });
    await f.check();
    await f.download();
    await until(f, 'ready');
    expect(f.install(false)).toMatchObject({ phase: 'ready', blockedBy: 'sync', message: expect.stringContaining('同步') });
    syncing = false;
    expect(f.install(true)).toMatchObject({ phase: 'ready', blockedBy: 'unsaved', message: expect.stringContaining('尚未保存') });
    expect(u.installs).toEqual([]);
    expect(f.install(false).blockedBy).toBeUndefined();
    expect(u.installs).toHaveLength(1);
  });

  it('says when there is nothing newer, and refuses to download or install nothing', async () => {
    const u = new FakeUpdater(null);
    const f = flow(u);
    expect((await f.check()).phase).toBe('none');
    expect((await f.download()).message).toBe('没有可下载的新版本');
    expect(f.install(false).message).toBe('新版本尚未下载完成');
    expect(u.installs).toEqual([]);
  });

  it('reports a failed check or download in Chinese and lets the download be tried again', async () => {
    const u = new FakeUpdater(release);
    u.failWith = 'net::ERR_CONNECTION_REFUSED';
    const f = flow(u);
    expect(await f.check()).toMatchObject({ phase: 'error', message: expect.stringContaining('检查或下载更新失败') });
    u.failWith = null;
    await f.check();
    u.failWith = 'sha512 checksum mismatch';
    await f.download();
    expect(await until(f, 'error')).toMatchObject({ version: '0.2.0', message: expect.stringContaining('sha512 checksum mismatch') });
    u.failWith = null;
    await f.download();
    expect((await until(f, 'ready')).phase).toBe('ready');
  });

  it('takes only an http(s) folder as the server', () => {
    expect(feedUrlOf('https://a.example.org/desk', logger)).toBe('https://a.example.org/desk/');
    expect(feedUrlOf('ftp://a.example.org/', logger)).toBeNull();
    expect(feedUrlOf('不是地址', logger)).toBeNull();
    expect(feedUrlOf(undefined, logger)).toBeNull();
  });

  it('reads release notes given per version', () => {
    expect(notesText([{ version: '0.2.0', note: '<p>第一条</p><p>第二条</p>' }])).toBe('0.2.0\n第一条\n第二条');
  });
});
