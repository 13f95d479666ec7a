import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Runs the real CLI as a user would (through tsx), returning exit code and parsed JSON. */
async function cli(...args: string[]): Promise<{ code: number; json: unknown }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], { cwd: root });
    return { code: 0, json: JSON.parse(stdout) };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, json: JSON.parse(e.stdout) };
  }
}

describe('cli id', () => {
  it('prints the kind, validity and normalised form, exit 0 when valid', async () => {
    expect(await cli('id', 'ZL 2017 1060 1862.3')).toEqual({ code: 0, json: { kind: 'patent', valid: true, normalized: 'ZL201710601862.3', reason: null } });
    expect(await cli('id', '91350100M000100Y43')).toEqual({ code: 0, json: { kind: 'uscc', valid: true, normalized: '91350100M000100Y43', reason: null } });
  }, 30_000);

  it('exits 1 with a reason when invalid or unrecognised', async () => {
    const bad = await cli('id', '91350100M000100Y44');
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ kind: 'uscc', valid: false, reason: expect.stringContaining('校验码') });
    expect(await runCli(['id', '深圳'])).toMatchObject({ exitCode: 1, output: { kind: 'unknown', valid: false } });
  }, 30_000);

  it('accepts a value split by spaces and answers usage errors with exit 2', async () => {
    expect(await runCli(['id', '2017', '1060', '1862.3'])).toMatchObject({ exitCode: 0, output: { valid: true } });
    expect(await runCli(['id'])).toMatchObject({ exitCode: 2 });
    expect(await runCli(['nope'])).toMatchObject({ exitCode: 2, output: { error: '未知命令：nope' } });
    expect(await runCli(['id', 'x', '--bogus'])).toMatchObject({ exitCode: 2 });
  });
});
