/**
 * A stand-in for electron-updater's autoUpdater (it needs Electron, which cannot run here):
 * it serves one release, or none, emitting the events the real one emits in the same order.
 */
import { EventEmitter } from 'node:events';
import type { UpdateInfoLike, UpdaterLike } from '../../electron/services/updates/update-flow';

export class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  feeds: string[] = [];
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** Set to make the next check or download fail with this message. */
  failWith: string | null = null;

  constructor(public release: UpdateInfoLike | null) {
    super();
  }

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options.url);
  }

  async checkForUpdates(): Promise<unknown> {
    await new Promise((r) => setTimeout(r, 10));
    if (this.failWith) return this.fail();
    if (this.release) this.emit('update-available', this.release);
    else this.emit('update-not-available', { version: '0.0.0' });
    return { updateInfo: this.release };
  }

  async downloadUpdate(): Promise<unknown> {
    for (const percent of [25, 75]) {
      await new Promise((r) => setTimeout(r, 30));
      this.emit('download-progress', { percent });
    }
    await new Promise((r) => setTimeout(r, 30));
    if (this.failWith) return this.fail();
    this.emit('update-downloaded', this.release);
    return [];
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }

  private fail(): never {
    const err = new Error(this.failWith!);
    this.emit('error', err);
    throw err;
  }
}
