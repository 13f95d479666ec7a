import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';

let tmp: ReturnType<typeof tempDir>;
let rt: Runtime;
beforeEach(() => {
  tmp = tempDir();
  rt = createRuntime({ dataDir: tmp.dir, version: '1.2.3', shell: 'cli', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
});
afterEach(async () => {
  await rt.close();
  tmp.cleanup();
});

const settingsRows = () => rt.db!.prepare('SELECT key, value FROM settings ORDER BY key').all();

describe('dispatcher', () => {
  it('answers a valid call and writes through the real store', async () => {
    expect(await rt.dispatch('settingsUpdate', { language: 'en-US', stewardName: '  张管家 ' })).toEqual({
      ok: true,
      value: { language: 'en-US', stewardName: '张管家' },
    });
    expect(await rt.dispatch('settingsGet', {})).toMatchObject({ ok: true, value: { language: 'en-US' } });
  });

  it('rejects an unknown call, including prototype names, and writes nothing', async () => {
    for (const name of ['dropEverything', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await rt.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(settingsRows()).toEqual([]);
  });

  it('rejects malformed input with Chinese messages and writes nothing', async () => {
    await rt.dispatch('settingsUpdate', { language: 'zh-CN' });
    const before = settingsRows();
    for (const bad of [
      { language: 'fr-FR' },
      { language: 'en-US', evil: 1 },
      { stewardName: 'x'.repeat(41) },
      'string',
      [1, 2],
      { language: null },
    ]) {
      const r = await rt.dispatch('settingsUpdate', bad);
      expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!r.ok) expect(r.error.message).toMatch(/^输入不正确/);
    }
    expect(settingsRows()).toEqual(before);
  });

  it('every contract call has a handler', async () => {
    // Loading or resetting the sandbox is refused outside 培训模式, and entering it while the demo job
    // demoStart just started runs; when entered, it is left at once.
    const needsSandbox = new Set(['sandboxLoad', 'sandboxReset', 'sandboxEnter']);
    for (const m of METHOD_NAMES) {
      const r = await rt.dispatch(m, {});
      if (m === 'sandboxEnter') expect((await rt.dispatch('sandboxLeave', {})).ok).toBe(true);
      if (!r.ok) expect(r.error.code, `${m}: ${r.error.message}`).toBe(needsSandbox.has(m) ? 'CONFLICT' : 'INVALID_INPUT');
    }
  });

  it('turns an unexpected failure into a calm INTERNAL error and logs it', async () => {
    rt.db!.exec('DROP TABLE settings');
    const r = await rt.dispatch('settingsGet', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('日志') } });
    expect(fs.readFileSync(rt.logger.file, 'utf8')).toMatch(/call settingsGet failed/);
  });

  it('keeps answering with the reason when the database cannot be opened', async () => {
    const other = tempDir();
    fs.writeFileSync(`${other.dir}/ipf-desk.sqlite`, 'this is not a database, just text that is long enough to be read');
    const broken = createRuntime({ dataDir: other.dir, version: '1', shell: 'cli', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
    const info = await broken.dispatch('appInfo', {});
    expect(info).toMatchObject({ ok: true, value: { db: { status: 'error' } } });
    expect(await broken.dispatch('settingsGet', {})).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });
    await broken.close();
    other.cleanup();
  });
});
