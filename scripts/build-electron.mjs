// Bundles the Electron main process and the preload into dist/electron as CommonJS.
// better-sqlite3 stays external (native); everything else, zod included, is bundled.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3'] }),
  // A sandboxed preload may only require('electron'): it must be one self-contained file.
  build({ ...common, entryPoints: ['electron/services/jobs/worker.ts'], outfile: 'dist/electron/job-worker.cjs', external: ['better-sqlite3'] }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
