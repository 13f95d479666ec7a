import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { moveIntoPlace, writeDurably } from './durable-file';

describe('durable files', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('ipf-durable-')));
  afterEach(() => tmp.cleanup());

  it('replaces the whole content, owner-only, and leaves nothing beside it', () => {
    const file = path.join(tmp.dir, 'accounts.json');
    writeDurably(file, '{"a":1}');
    writeDurably(file, '{"a":2}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":2}');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(tmp.dir)).toEqual(['accounts.json']);
  });

  it('keeps the old content and removes its temporary file when the replacement cannot be put in place', () => {
    const file = path.join(tmp.dir, 'policy.json');
    fs.mkdirSync(file); // a folder where the file should go: the rename fails
    expect(() => writeDurably(file, 'new')).toThrow();
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(tmp.dir)).toEqual(['policy.json']);
  });

  it('refuses to move a temporary file that is not there, touching nothing', () => {
    const file = path.join(tmp.dir, 'db.sqlite');
    fs.writeFileSync(file, 'old');
    expect(() => moveIntoPlace(path.join(tmp.dir, 'missing.partial'), file)).toThrow();
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
  });
});
