/**
 * The sync commands as a script uses them: the real CLI process (through tsx) against the real
 * central service on 127.0.0.1. Two databases of two stewards edit one enterprise by credit
 * code, sync, see the conflict as JSON, resolve it, and end equal.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../test/support/central';
import { usePglite } from '../../test/support/postgres';
import { usccFor } from '../../test/support/sheets';
import { tempDir } from '../../test/support/temp';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = tempDir();
const pglite = usePglite();
let central: Central;
let url: string;
const PASSWORD = 'cli-密码-2026';

function cli(args: string[], stdin = ''): Promise<{ code: number; json: Record<string, unknown> & unknown[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { cwd: root });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve({ code: code ?? -1, json: JSON.parse(out) as Record<string, unknown> & unknown[] });
      } catch {
        reject(new Error(`not JSON (exit ${code}): ${out}`));
      }
    });
    child.stdin.end(stdin);
  });
}

beforeEach(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  for (const name of ['李管家', '王管家']) await central.account(name, 'steward', ['宝安'], PASSWORD);
}, 60_000);
afterEach(async () => central?.app.close());
afterAll(() => tmp.cleanup());

describe('sync from the command line', () => {
  it('logs in, syncs, lists and resolves a conflict, and exits 1 when the server is gone', async () => {
    const a = path.join(tmp.dir, 'a.sqlite');
    const b = path.join(tmp.dir, 'b.sqlite');
    expect((await cli(['login', '--server', url, '--user', '李管家', '--db', a], `${PASSWORD}\n`)).code).toBe(0);
    expect((await cli(['login', '--server', url, '--user', '王管家', '--db', b], `${PASSWORD}\n`)).code).toBe(0);
    expect(fs.statSync(`${a}.session`).mode & 0o777).toBe(0o600);
    const wrong = await cli(['login', '--server', url, '--user', '王管家', '--db', path.join(tmp.dir, 'c.sqlite')], 'wrong-password\n');
    expect(wrong.code).toBe(1);

    const uscc = usccFor(51);
    const json = path.join(tmp.dir, 'e.json');
    // One enterprise, made by A and synced to B.
    fs.writeFileSync(path.join(tmp.dir, 'e.csv'), `统一社会信用代码,企业名称,所属区\r\n${uscc},深圳市命令行同步科技有限公司,宝安\r\n`);
    expect((await cli(['import', path.join(tmp.dir, 'e.csv'), '--kind', 'enterprises', '--db', a])).code).toBe(0);
    expect((await cli(['sync', '--db', a])).json).toMatchObject({ pushed: 1, applied: 1, rejected: 0, pending: 0 });
    expect((await cli(['sync', '--db', b])).json).toMatchObject({ pulled: 1 });

    expect((await cli(['enterprise', 'set', uscc, 'notes=李写的', 'employees=30', '--db', a])).json).toMatchObject({ employees: 30 });
    expect((await cli(['enterprise', 'set', uscc, 'notes=王写的', '--db', b])).code).toBe(0);
    expect((await cli(['enterprise', 'set', uscc, 'employees=-3', '--db', b])).code).toBe(1);
    expect((await cli(['sync', '--db', a])).code).toBe(0);
    expect((await cli(['sync', '--db', b])).json).toMatchObject({ conflicts: 1, openConflicts: 1 });
    await cli(['sync', '--db', a]);
    const open = (await cli(['conflicts', '--db', a])).json as unknown as {
      id: string;
      field: string;
      serverValue: unknown;
      clientValue: unknown;
    }[];
    expect(open).toEqual([expect.objectContaining({ field: 'notes', serverValue: '李写的', clientValue: '王写的' })]);

    expect((await cli(['conflict', 'resolve', open[0]!.id, '--take', '"两人商定"', '--db', a])).json).toMatchObject({ open: 0 });
    await cli(['sync', '--db', a]);
    await cli(['sync', '--db', b]);
    for (const db of [a, b]) {
      expect((await cli(['conflicts', '--db', db])).json).toEqual([]);
      expect((await cli(['export', 'enterprises', '--format', 'json', '--out', json, '--db', db])).code).toBe(0);
      expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toEqual([expect.objectContaining({ uscc, notes: '两人商定', employees: 30 })]);
    }

    await central.app.close();
    const offline = await cli(['sync', '--db', a]);
    expect(offline.code).toBe(1);
    expect(offline.json).toMatchObject({ error: { code: 'OFFLINE' } });
  }, 120_000);
});
