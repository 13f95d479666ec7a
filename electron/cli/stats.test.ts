import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedStatsFixture } from '../../test/support/stats-fixture';
import { tempDir } from '../../test/support/temp';
import { openDatabase } from '../services/db/connection';
import { runCli } from './run';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('stats from the command line', () => {
  it('prints the year’s figures as the dashboard computes them, 同比 also in words, and refuses a bad year', async () => {
    const file = path.join(tmp.dir, 's.sqlite');
    const db = openDatabase({ file }).db;
    seedStatsFixture(db);
    db.close();
    const all = await runCli(['stats', '--year', '2026', '--db', file]);
    expect(all.exitCode).toBe(0);
    expect(all.output).toMatchObject({
      period: { from: '2026-01-01', to: '2026-12-31' },
      registrations: { total: { count: 3, amountFen: 623_456_789, countGrowthText: '+50.0%' } },
    });
    const baoan = await runCli(['stats', '--year', '2026', '--district', '宝安', '--db', file]);
    expect(baoan.output).toMatchObject({
      registrations: { total: { count: 1, amountFen: 100_000_000 }, byDistrict: [{ key: '宝安', countGrowthText: '上年同期为 0' }] },
    });
    expect(await runCli(['stats', '--year', '26', '--db', file])).toMatchObject({ exitCode: 2 });
    expect(await runCli(['stats', '--year', '2026', '--district', '广州', '--db', file])).toMatchObject({ exitCode: 2 });
  });
});
