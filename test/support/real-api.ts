import type { RawApi } from '../../renderer/src/api';
import { METHOD_NAMES } from '../../shared/contract';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../../electron/services/jobs/tsx-launch';
import { createRuntime, type Runtime } from '../../electron/services/runtime';
import { tempDir } from './temp';

/**
 * window.api for jsdom tests, backed by the real services and a real SQLite file, exactly
 * as the preload forwards calls in Electron (JSON-cloned like structured clone would).
 */
export function installRealApi(options: { dataDir?: string } = {}): { runtime: Runtime; dataDir: string; cleanup: () => Promise<void> } {
  const tmp = options.dataDir ? { dir: options.dataDir, cleanup: () => {} } : tempDir();
  const runtime = createRuntime({
    dataDir: tmp.dir,
    version: '0.0.0-test',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
  });
  const raw = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      async (input: unknown) => JSON.parse(JSON.stringify(await runtime.dispatch(m, JSON.parse(JSON.stringify(input ?? {}))))),
    ]),
  ) as unknown as RawApi;
  window.api = raw;
  return {
    runtime,
    dataDir: tmp.dir,
    cleanup: async () => {
      await runtime.close();
      delete window.api;
      tmp.cleanup();
    },
  };
}
