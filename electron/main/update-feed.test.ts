import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { updateFeedUrl } from './update-feed';

describe('update server address', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('ipf-feed-')));
  afterEach(() => tmp.cleanup());

  it('reads the generic provider electron-builder wrote, and lets IPF_UPDATE_URL override it', () => {
    fs.writeFileSync(
      path.join(tmp.dir, 'app-update.yml'),
      'provider: generic\nurl: https://updates.example.org/ipf-desk\nupdaterCacheDirName: ipf-desk-updater\n',
    );
    expect(updateFeedUrl(tmp.dir, {})).toBe('https://updates.example.org/ipf-desk');
    expect(updateFeedUrl(tmp.dir, { IPF_UPDATE_URL: 'http://127.0.0.1:8080/' })).toBe('http://127.0.0.1:8080/');
  });

  it('stays off without a file or with another provider', () => {
    expect(updateFeedUrl(tmp.dir, {})).toBeUndefined();
    fs.writeFileSync(path.join(tmp.dir, 'app-update.yml'), 'provider: github\nowner: someone\n');
    expect(updateFeedUrl(tmp.dir, {})).toBeUndefined();
  });
});
