import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';

const root = path.resolve(import.meta.dirname, '../../..');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Output {
  error?: string;
  uncertainty?: { p10: number };
  loan?: { amountFen: number };
}

/**
 * `npm run -s cli -- value <file>` as a user runs it. A run that has not returned after 15 s
 * is killed with its whole process group (npm, tsx and node) and reported as 'timeout'.
 */
function value(input: unknown): Promise<{ code: number | 'timeout'; json: Output }> {
  const file = path.join(tmp.dir, `input-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(input));
  const child = spawn('npm', ['run', '-s', 'cli', '--', 'value', file], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, 15_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 'timeout' : code!, json: stdout ? (JSON.parse(stdout) as Output) : {} });
    }),
  );
}

const EXAMPLE = {
  valuationDate: '2026-01-01',
  asset: { kind: 'invention', filingDate: '2015-07-01' },
  approach: 'income',
  income: { revenue: [10_000_000, 11_000_000, 12_000_000, 13_000_000, 14_000_000], shareRate: 0.03, discountRate: 0.12 },
};

describe('cli value refuses what it cannot value, in Chinese, and always returns', () => {
  it('gives exit 1 with a Chinese reason for a year from 10000 on', async () => {
    const r = await value({ ...EXAMPLE, valuationDate: '10000-01-01' });
    expect(r.code).toBe(1);
    expect(r.json.error).toMatch(/^估值输入有误：valuationDate：日期应为有效的 YYYY-MM-DD/);
    // As text 10000-01-01 sorts before the filing date: that is no reason to give.
    expect(r.json.error).not.toContain('早于');
    const filed = await value({ ...EXAMPLE, asset: { kind: 'invention', filingDate: '10000-01-01' } });
    expect(filed).toMatchObject({ code: 1, json: { error: expect.stringContaining('asset.filingDate：日期应为有效的 YYYY-MM-DD') } });
  }, 30_000);

  it('gives exit 1, not an internal error, for revenue of 1e308', async () => {
    const r = await value({ ...EXAMPLE, income: { ...EXAMPLE.income, revenue: [1e308] } });
    expect(r).toMatchObject({ code: 1, json: { error: expect.stringContaining('income.revenue.0：每年收入不能超过 1 万亿元') } });
  }, 30_000);

  it('returns for a normal range a rejection sampler would never leave, with the loan P10 × rate', async () => {
    const r = await value({
      ...EXAMPLE,
      uncertainty: { paths: 1000, seed: 1, shareRate: { type: 'normal', mean: 0.03, sd: 0.01, min: 0.03, max: 0.0300000001 } },
      loanToValue: 0.25,
    });
    expect(r.code).toBe(0);
    expect(r.json.loan!.amountFen).toBe(Math.round(Math.round(r.json.uncertainty!.p10 * 100) * 0.25));
  }, 30_000);
});
