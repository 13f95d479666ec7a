// Bundles the Electron main process and the preload into dist/electron as CommonJS.
// better-sqlite3-multiple-ciphers and @node-rs/jieba stay external (native); everything else, zod included, is bundled.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };

/** The contract's method names, read from the contract itself (one source of truth). */
async function methodNames() {
  const out = await build({
    entryPoints: ['shared/contract.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.METHOD_NAMES;
}

/** In the preload, the contract module becomes just its list of names. */
const namesOnly = (names) => ({
  name: 'contract-names-only',
  setup(b) {
    b.onResolve({ filter: /shared\/contract$/ }, () => ({ path: 'contract-names', namespace: 'contract-names' }));
    b.onLoad({ filter: /.*/, namespace: 'contract-names' }, () => ({
      contents: `export const METHOD_NAMES = ${JSON.stringify(names)};`,
      loader: 'js',
    }));
  },
});

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/jieba'],
  }),
  // A sandboxed preload may only require('electron'): it must be one self-contained file.
  build({
    ...common,
    entryPoints: ['electron/services/jobs/worker.ts'],
    outfile: 'dist/electron/job-worker.cjs',
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/jieba'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
    plugins: [namesOnly(await methodNames())],
  }),
]);
// The browser harness from bundles too (its cold start is measured from them: bench/harness-cold-start.ts).
// Paths the sources find beside themselves (import.meta.dirname) are given on its command line instead.
await build({
  ...common,
  entryPoints: ['electron/harness/index.ts'],
  outfile: 'dist/harness/index.cjs',
  external: ['better-sqlite3-multiple-ciphers', '@node-rs/jieba', 'playwright-core'],
  define: { 'import.meta.dirname': '__dirname' },
});
console.log('built dist/electron/main.cjs, dist/electron/preload.cjs and dist/harness/index.cjs');
