import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const targetsOf = (platform: { target: (string | { target: string })[] }) =>
  platform.target.map((t) => (typeof t === 'string' ? t : t.target));

/** Packaging needs Electron's download, so the configuration is checked here instead. */
describe('electron-builder configuration', () => {
  it('names the app and points at the built entry', () => {
    expect(config.appId).toBe('cn.ipfdesk.workbench');
    expect(config.productName).toBe('知融工作台');
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/**/*');
  });

  it('builds nsis for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(config.nsis.installerLanguages).toContain('zh_CN');
  });

  it('unpacks the native modules from the asar archive and rebuilds SQLite for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
    // jieba is N-API with prebuilt binaries: unpacked, the same build serves Node and Electron.
    expect(config.asarUnpack).toContain('node_modules/@node-rs/jieba*/**');
    expect(config.npmRebuild).toBe(true);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@node-rs/jieba', 'better-sqlite3-multiple-ciphers']);
  });

  it('turns off the fuses that let code run outside the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has icons that exist and are large enough (PNG ≥ 512 px)', () => {
    for (const p of [config.icon, config.win.icon, config.mac.icon, config.linux.icon]) {
      const buf = fs.readFileSync(path.join(root, p));
      expect(buf.subarray(1, 4).toString()).toBe('PNG');
      expect(buf.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(buf.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    }
  });
});
