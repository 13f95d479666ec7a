import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { createLogger } from './logger';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('rotating log', () => {
  it('writes lines with level and time, errors with their stack', () => {
    const log = createLogger({ file: path.join(tmp.dir, 'logs', 'app.log') });
    log.info('started', { port: 1 });
    log.warn('careful');
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT.* \[INFO\] started \{"port":1\}\n.*\[WARN\] careful\n$/);
  });

  it('rotates by size and keeps only the configured number of old files', () => {
    const file = path.join(tmp.dir, 'app.log');
    const log = createLogger({ file, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(tmp.dir).sort();
    expect(files).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    for (const f of files) expect(fs.statSync(path.join(tmp.dir, f)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(file, 'utf8')).toContain('line 39');
  });
});
