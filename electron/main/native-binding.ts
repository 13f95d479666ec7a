import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is compiled twice: the copy in node_modules for Node (tests, CLI, harness)
 * and a copy under .native/electron for Electron's ABI (built by scripts/electron-native.mjs
 * on `npm start`). A packaged app has its own copy rebuilt by electron-builder, so it uses
 * the default lookup.
 */
export function electronNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = path.join(
    appPath,
    '.native',
    'electron',
    'node_modules',
    'better-sqlite3-multiple-ciphers',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  return fs.existsSync(file) ? file : undefined;
}
