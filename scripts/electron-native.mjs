// Builds better-sqlite3-multiple-ciphers for Electron's ABI into .native/electron, so `npm start` can run the
// real window while node_modules keeps the Node build that tests, the CLI and the harness use.
// The main process loads this copy through better-sqlite3's `nativeBinding` option
// (electron/main/native-binding.ts). Packaged apps get their own copy from electron-builder.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const sqliteVersion = require('better-sqlite3-multiple-ciphers/package.json').version;
const target = path.join(root, '.native', 'electron');
const moduleCopy = path.join(target, 'node_modules', 'better-sqlite3-multiple-ciphers');
const stampFile = path.join(target, 'stamp.json');
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, arch: process.arch, platform: process.platform };
const binary = path.join(moduleCopy, 'build', 'Release', 'better_sqlite3.node');

const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
if (current === JSON.stringify(stamp) && fs.existsSync(binary)) process.exit(0);

console.log(
  `Building better-sqlite3-multiple-ciphers ${sqliteVersion} for Electron ${electronVersion} (first start only, about two minutes)…`,
);
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.dirname(moduleCopy), { recursive: true });
fs.cpSync(sqliteDir, moduleCopy, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});
fs.writeFileSync(
  path.join(target, 'package.json'),
  JSON.stringify({ name: 'ipf-desk-native', private: true, dependencies: { 'better-sqlite3-multiple-ciphers': sqliteVersion } }, null, 2),
);

const { rebuild } = await import('@electron/rebuild');
try {
  await rebuild({ buildPath: target, electronVersion, arch: process.arch, force: true, onlyModules: ['better-sqlite3-multiple-ciphers'] });
} catch (err) {
  console.error(`\n无法为 Electron 编译 better-sqlite3-multiple-ciphers：${err instanceof Error ? err.message : err}`);
  console.error('Electron 的头文件需要从网络下载；离线环境请改用浏览器调试环境：npm run harness');
  process.exit(1);
}
if (!fs.existsSync(binary)) {
  console.error(`编译完成但找不到 ${binary}`);
  process.exit(1);
}
fs.writeFileSync(stampFile, JSON.stringify(stamp));
console.log(`better-sqlite3-multiple-ciphers for Electron ready: ${path.relative(root, binary)}`);
