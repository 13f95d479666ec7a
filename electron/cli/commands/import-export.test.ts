import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csv, usccFor, xlsx } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

/** The real CLI as a user runs it: exit code, stdout as JSON, and stderr. */
async function cli(...args: string[]): Promise<{ code: number; json: unknown; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { cwd: root });
    return { code: 0, json: JSON.parse(stdout), stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, json: e.stdout ? JSON.parse(e.stdout) : null, stderr: e.stderr };
  }
}

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'cli.sqlite');
});
afterEach(() => tmp.cleanup());

describe('cli import of a file that is not a readable .xlsx', () => {
  it('exits 1 with the reason as JSON, for garbage and for a truncated file', async () => {
    const good = await xlsx([
      ['企业名称', '统一社会信用代码', '所属区'],
      ...Array.from({ length: 50 }, (_, i) => [`深圳市截断${i}科技有限公司`, usccFor(i + 1), '福田']),
    ]);
    const files = {
      'garbage.xlsx': new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)),
      'truncated.xlsx': good.subarray(0, Math.floor(good.length / 2)),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(tmp.dir, name);
      fs.writeFileSync(file, bytes);
      const r = await cli('import', file, '--db', db);
      expect(r, name).toMatchObject({
        code: 1,
        json: {
          error: { code: 'INVALID_INPUT', message: '无法读取该 Excel 文件：文件已损坏或不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）' },
        },
      });
      expect(r.stderr, name).not.toMatch(/at \w+/);
    }
  }, 60_000);
});

describe('cli export to a place that cannot be written', () => {
  it('exits 1 with a Chinese reason as JSON instead of a raw ENOENT', async () => {
    fs.writeFileSync(
      path.join(tmp.dir, 'e.csv'),
      csv([
        ['企业名称', '统一社会信用代码', '所属区'],
        ['深圳市导出科技有限公司', usccFor(1), '福田'],
      ]),
    );
    expect((await cli('import', path.join(tmp.dir, 'e.csv'), '--db', db)).code).toBe(0);
    const missing = path.join(tmp.dir, '没有这个文件夹', 'out.xlsx');
    const r = await cli('export', 'enterprises', '--format', 'xlsx', '--out', missing, '--db', db);
    expect(r).toMatchObject({
      code: 1,
      json: { error: { code: 'INVALID_INPUT', message: `无法写入输出文件“${missing}”：所在文件夹不存在` } },
    });
    expect(r.stderr).not.toContain('ENOENT');
    const folder = await cli('export', 'enterprises', '--format', 'csv', '--out', tmp.dir, '--db', db);
    expect(folder).toMatchObject({
      code: 1,
      json: { error: { code: 'INVALID_INPUT', message: `无法写入输出文件“${tmp.dir}”：这是一个文件夹，请给出文件名` } },
    });
  }, 60_000);
});
