import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccFor, xlsx } from '../../../test/support/sheets';
import { caller, finishJob } from '../../../test/support/call';
import { tempDir } from '../../../test/support/temp';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { createRuntime, type Runtime } from '../runtime';
import { DEV_RESOURCES_DIR, TSX_WORKER } from './tsx-launch';

const tmp = tempDir();
let rt: Runtime;
beforeAll(() => {
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
});
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

const call = caller(() => rt);

const finish = (job: JobStatusView) => finishJob(call, job);

describe('background jobs in worker threads', () => {
  it('previews, dry-runs and imports a file sent as base64 from the renderer', async () => {
    const bytes = await xlsx([
      ['公司名称', '信用代码', '区'],
      ['深圳市后台科技有限公司', usccFor(1), '坪山'],
      ['深圳市坏行科技有限公司', 'bad', '坪山'],
    ]);
    const { uploadId } = await call<{ uploadId: string }>('importUpload', {
      fileName: 'a.xlsx',
      fileBase64: Buffer.from(bytes).toString('base64'),
    });
    const preview = await finish(await call('importStart', { kind: 'enterprises', uploadId, mode: 'preview' }));
    expect(jobResult(preview.final)).toMatchObject({
      headers: ['公司名称', '信用代码', '区'],
      rowCount: 2,
      mapping: { name: 0, uscc: 1, district: 2 },
    });
    const dry = await finish(await call('importStart', { kind: 'enterprises', uploadId, mode: 'dry-run' }));
    expect(jobResult(dry.final)).toMatchObject({ dryRun: true, created: 1, rejected: 1 });
    expect(rt.db!.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(0);
    const done = await finish(await call('importStart', { kind: 'enterprises', uploadId, mode: 'commit' }));
    expect(done.final.state).toBe('done');
    expect(jobResult(done.final)).toMatchObject({ created: 1, rejected: 1, errors: [{ row: 3, column: '信用代码' }] });
    expect(rt.db!.prepare('SELECT name FROM enterprises').pluck().all()).toEqual(['深圳市后台科技有限公司']);
  });

  it('reports progress on a long job and rolls back everything when cancelled', async () => {
    const job = await call<JobStatusView>('demoStart', { enterprises: 20000 });
    let s = job;
    while (s.done === 0 && s.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      s = await call<JobStatusView>('jobStatus', { id: job.id });
    }
    expect(s.total).toBe(20000);
    await call('jobCancel', { id: job.id });
    const { final } = await finish(job);
    expect(final).toMatchObject({ state: 'cancelled', error: { message: expect.stringContaining('未作任何改动') } });
    expect(rt.db!.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(1);
  }, 60_000);

  it('exports a filtered list and rejects a job for an unknown file type', async () => {
    const { final } = await finish(await call('exportStart', { kind: 'enterprises', filter: { districts: ['坪山'] }, format: 'csv' }));
    const text = Buffer.from(jobResult<{ base64: string }>(final)!.base64, 'base64').toString('utf8');
    expect(text.split('\r\n')[1]).toMatch(/^深圳市后台科技有限公司,/);
    expect(await rt.dispatch('importUpload', { fileName: 'a.xls', fileBase64: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('.xlsx') },
    });
    expect(await rt.dispatch('importStart', { kind: 'enterprises', uploadId: 'gone', mode: 'preview' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('重新选择文件') },
    });
  });

  it('splits a large valuation across workers and merges it to the same bits as the single-thread portfolio', async () => {
    const { PART_SIZE, valuePortfolio } = await import('../valuation/portfolio');
    const items = Array.from({ length: 2 * PART_SIZE + 7 }, (_, n) => ({
      label: `专利${n}`,
      input: {
        valuationDate: '2026-01-01',
        asset: { kind: 'invention' as const, filingDate: '2016-05-01' },
        approach: 'income' as const,
        income: { revenue: [1e6 * (n + 1), 2e6], shareRate: 0.04, discountRate: 0.1 },
        uncertainty: { paths: 500, seed: n, revenue: { type: 'triangular' as const, min: 0.8, mode: 1, max: 1.1 } },
        loanToValue: 0.3,
      },
    }));
    const job = rt.jobs.start({ type: 'valuation', items }, { actor: 't', today: '2026-11-22' });
    const final = await rt.jobs.wait(job.id);
    const merged = jobResult<{
      items: { label: string }[];
      shares: number[];
      totalFen: number;
      uncertainty: { p10: number };
      loan: { amountFen: number };
    }>(final)!;
    const single = valuePortfolio(items);
    // Path totals are added part by part in the same order in both: every figure is equal, not just close.
    expect(final.resultJson).toBe(JSON.stringify(single));
    expect(merged.items.map((i) => i.label)).toEqual(single.items.map((i) => i.label));
    expect(merged.shares).toEqual(single.shares);
    expect(merged.totalFen).toBe(single.totalFen);
    expect(merged.uncertainty.p10).toBe(single.uncertainty!.p10);
    expect(merged.loan.amountFen).toBe(single.loan!.amountFen);
  }, 60_000);

  it('fails a job on a corrupt file with a Chinese message and writes nothing', async () => {
    const { uploadId } = await call<{ uploadId: string }>('importUpload', {
      fileName: 'broken.xlsx',
      fileBase64: Buffer.from('not a zip').toString('base64'),
    });
    const { final } = await finish(await call('importStart', { kind: 'enterprises', uploadId, mode: 'commit' }));
    expect(final).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('无法读取该 Excel 文件') } });
  });
});
