import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
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
    expect(await cli('id', 'ZL 2017 1060 1862.3')).toEqual({
      code: 0,
      json: { kind: 'patent', valid: true, normalized: 'ZL201710601862.3', reason: null },
    });
    expect(await cli('id', '91350100M000100Y43')).toEqual({
      code: 0,
      json: { kind: 'uscc', valid: true, normalized: '91350100M000100Y43', reason: null },
    });
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

describe('cli import, export and demo', () => {
  it('imports a file, prints the row report and exits 1 when a row was rejected', async () => {
    const { csv, usccFor, badUscc } = await import('../../test/support/sheets');
    const tmp = tempDir();
    const db = path.join(tmp.dir, 'cli.sqlite');
    const file = path.join(tmp.dir, '企业.csv');
    fs.writeFileSync(
      file,
      csv(
        [
          ['企业名称', '统一社会信用代码', '所属区'],
          ['深圳市命令行科技有限公司', usccFor(1), '福田'],
          ['深圳市坏码科技有限公司', badUscc(2), '福田'],
        ],
        'gbk',
      ),
    );
    const bad = await cli('import', file, '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({
      kind: 'enterprises',
      created: 1,
      rejected: 1,
      encoding: 'gbk',
      errors: [{ row: 3, column: '统一社会信用代码', reason: expect.stringContaining('校验码错误') }],
    });
    fs.writeFileSync(
      file,
      csv([
        ['企业名称', '统一社会信用代码', '所属区'],
        ['深圳市命令行科技有限公司', usccFor(1), '福田'],
      ]),
    );
    expect(await cli('import', file, '--kind', 'enterprises', '--db', db)).toMatchObject({ code: 0, json: { unchanged: 1 } });
    const out = path.join(tmp.dir, 'out.xlsx');
    expect(
      await cli('export', 'enterprises', '--format', 'xlsx', '--out', out, '--db', db, '--filter', '{"districts":["福田"]}'),
    ).toMatchObject({ code: 0, json: { rows: 1 } });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(await runCli(['export', 'enterprises', '--format', 'pdf', '--out', out, '--db', db])).toMatchObject({ exitCode: 2 });
    expect(await runCli(['demo', '--count', '25', '--db', db])).toMatchObject({ exitCode: 0, output: { enterprises: 25 } });
    tmp.cleanup();
  }, 60_000);
});

describe('cli value', () => {
  it('values the documented example and rejects a bad input with exit 1', async () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'input.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        valuationDate: '2026-01-01',
        asset: { kind: 'invention', filingDate: '2015-07-01' },
        approach: 'income',
        income: { revenue: [10000000, 11000000, 12000000, 13000000, 14000000], shareRate: 0.03, discountRate: 0.12 },
      }),
    );
    const ok = await cli('value', file);
    expect(ok).toMatchObject({ code: 0, json: { value: 1273343.34, years: [{ t: 1, revenue: 10000000, fraction: 1 }, {}, {}, {}, {}] } });
    fs.writeFileSync(
      file,
      JSON.stringify({
        valuationDate: '2026-01-01',
        asset: { kind: 'invention', filingDate: '2015-07-01' },
        approach: 'income',
        income: { revenue: [1], shareRate: 0.03, discountRate: -1 },
      }),
    );
    expect(await cli('value', file)).toMatchObject({ code: 1, json: { error: expect.stringContaining('折现率应大于 0') } });
    expect(await runCli(['value', path.join(tmp.dir, 'missing.json')])).toMatchObject({ exitCode: 2 });
    tmp.cleanup();
  }, 30_000);
});

describe('cli policies and subsidy', () => {
  it('lists the shipped policies', async () => {
    const { code, json } = await cli('policies');
    expect(code).toBe(0);
    expect((json as { id: string; district: string }[]).map((p) => `${p.id}:${p.district}`)).toEqual([
      'futian-2021:福田',
      'nanshan-2022:南山',
      'shenzhen-2020:深圳市',
    ]);
  }, 30_000);

  it('computes the README worked example to the fen, and names every failed rule', async () => {
    const t = tempDir();
    // The README example: 福田, principal 5,000,000.00, interest 190,000.00, fees 230,000.00.
    const input = {
      policyId: 'futian-2021',
      loan: { principalFen: 500000000, startDate: '2022-03-01', endDate: '2023-02-28', repaid: true },
      interestPaidFen: 19000000,
      fees: [
        { type: 'guarantee', amountFen: 15000000 },
        { type: 'appraisal', amountFen: 8000000 },
      ],
      enterprise: { district: '福田', qualifications: ['高新技术企业'] },
      ipKinds: ['invention', 'utility'],
    };
    fs.writeFileSync(path.join(t.dir, 'ok.json'), JSON.stringify(input));
    fs.writeFileSync(
      path.join(t.dir, 'no.json'),
      JSON.stringify({ ...input, enterprise: { district: '南山' }, loan: { ...input.loan, repaid: false } }),
    );
    fs.writeFileSync(path.join(t.dir, 'bad.json'), JSON.stringify({ ...input, interestPaidFen: -1 }));
    try {
      const ok = await cli('subsidy', path.join(t.dir, 'ok.json'));
      expect(ok.code).toBe(0);
      expect(ok.json).toMatchObject({
        eligible: true,
        totalFen: 19500000,
        lines: [{ amountFen: 9500000 }, { baseFen: 20000000, amountFen: 10000000 }],
      });
      const no = await runCli(['subsidy', path.join(t.dir, 'no.json')]);
      expect(no).toMatchObject({ exitCode: 0, output: { eligible: false, totalFen: 0 } });
      expect((no.output as { failures: { message: string }[] }).failures.map((f) => f.message)).toEqual([
        '企业属南山，本政策仅适用于在福田区备案的企业',
        '尚未还清本息，本政策要求还本付息后再申报',
      ]);
      expect(await runCli(['subsidy', path.join(t.dir, 'bad.json')])).toMatchObject({
        exitCode: 1,
        output: { error: expect.stringContaining('interestPaidFen：实付利息不能为负') },
      });
      expect(await runCli(['subsidy'])).toMatchObject({ exitCode: 2 });
    } finally {
      t.cleanup();
    }
  }, 30_000);
});

describe('cli schedule and compensation', () => {
  it('prints the README schedule example to the fen, and refuses a bad input field by field', async () => {
    const t = tempDir();
    const input = { principalFen: 1200000, annualRatePercent: 6, startOn: '2026-01-15', months: 12, method: 'equal_instalment' };
    fs.writeFileSync(path.join(t.dir, 's.json'), JSON.stringify(input));
    fs.writeFileSync(path.join(t.dir, 'io.json'), JSON.stringify({ ...input, method: 'interest_only' }));
    fs.writeFileSync(path.join(t.dir, 'bad.json'), JSON.stringify({ ...input, annualRatePercent: 40, months: 0 }));
    fs.writeFileSync(
      path.join(t.dir, 'plan.json'),
      JSON.stringify({ ...input, method: 'custom', plan: [{ dueOn: '2026-07-15', principalFen: 600000 }] }),
    );
    try {
      const ok = await cli('schedule', path.join(t.dir, 's.json'));
      expect(ok.code).toBe(0);
      const out = ok.json as {
        endOn: string;
        instalments: { dueOn: string; principalFen: number; interestFen: number; remainingFen: number }[];
        totalInterestFen: number;
      };
      expect(out.endOn).toBe('2027-01-15');
      expect(out.instalments[0]).toMatchObject({ dueOn: '2026-02-15', principalFen: 97280, interestFen: 6000, remainingFen: 1102720 });
      expect(out.instalments.at(-1)).toMatchObject({ principalFen: 102764, interestFen: 514, remainingFen: 0 });
      expect(out.totalInterestFen).toBe(39358);
      const io = await runCli(['schedule', path.join(t.dir, 'io.json')]);
      expect((io.output as typeof out).instalments.at(-1)).toMatchObject({ principalFen: 1200000, interestFen: 6000 });
      expect(await runCli(['schedule', path.join(t.dir, 'bad.json')])).toMatchObject({
        exitCode: 1,
        output: { error: expect.stringMatching(/annualRatePercent：年利率不能大于 36%.*months：贷款期限不能小于 1 个月/) },
      });
      expect(await runCli(['schedule', path.join(t.dir, 'plan.json')])).toMatchObject({
        exitCode: 1,
        output: { error: '自定义计划不正确：各期本金合计 600000 分，应等于贷款本金 1200000 分' },
      });
      expect(await runCli(['schedule'])).toMatchObject({ exitCode: 2 });
    } finally {
      t.cleanup();
    }
  }, 30_000);

  it('computes the README compensation example against the shipped pool', async () => {
    const t = tempDir();
    const input = {
      poolId: 'shenzhen-sme-pool-2020',
      loanFen: 500000000,
      loanStartOn: '2025-03-01',
      defaultOn: '2026-03-20',
      overdueDays: 120,
      outstandingPrincipalFen: 300000000,
      outstandingInterestFen: 4500000,
      recoveredFen: 80000000,
      insurancePaidFen: 60000000,
    };
    fs.writeFileSync(path.join(t.dir, 'c.json'), JSON.stringify(input));
    fs.writeFileSync(path.join(t.dir, 'x.json'), JSON.stringify({ ...input, poolId: 'nowhere' }));
    try {
      const ok = await cli('compensation', path.join(t.dir, 'c.json'));
      expect(ok).toMatchObject({ code: 0, json: { eligible: true, amountFen: 80000000, pool: { weak: true } } });
      expect(await runCli(['compensation', path.join(t.dir, 'x.json')])).toMatchObject({
        exitCode: 1,
        output: { error: '没有编号为 nowhere 的风险补偿资金池' },
      });
    } finally {
      t.cleanup();
    }
  }, 30_000);
});
