import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { caller } from '../../../test/support/call';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { loadBankProducts, loadIndicatorSet, weightedScore } from '../resources';
import { createRuntime, type Runtime } from '../runtime';

const tmp = tempDir();
let rt: Runtime;
let enterpriseId: string;
let ipAssetId: string;
beforeAll(async () => {
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  const e = await rt.dispatch('enterpriseSave', { name: '深圳市估值测试科技有限公司', uscc: '91350100M000100Y43', district: '南山' });
  enterpriseId = (e as { value: { id: string } }).value.id;
  const a = await rt.dispatch('ipSave', {
    enterpriseId,
    kind: 'invention',
    number: 'ZL201710601862.3',
    title: '一种测试方法',
    filingDate: '2017-07-01',
    grantDate: '2019-05-01',
    feePaidThrough: '2027-07-01',
    owners: ['深圳市估值测试科技有限公司'],
  });
  ipAssetId = (a as { value: { id: string } }).value.id;
});
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

const call = caller(() => rt);

describe('resources', () => {
  it('loads the indicator set with weights summing to 1 and scores 100 everywhere as 100', () => {
    const set = loadIndicatorSet(DEV_RESOURCES_DIR);
    expect(set.dimensions.map((d) => d.name)).toEqual(['法律价值', '技术价值', '经济价值']);
    const all100 = Object.fromEntries(set.dimensions.flatMap((d) => d.indicators.map((i) => [`${d.key}.${i.key}`, 100])));
    expect(weightedScore(set, all100)).toBeCloseTo(100, 9);
    expect(weightedScore(set, {})).toBe(0);
  });

  it('loads the bank products with a loan-to-value for every IP kind', () => {
    const products = loadBankProducts(DEV_RESOURCES_DIR);
    expect(products.map((p) => p.bank)).toContain('中国银行');
    for (const p of products)
      expect(Object.keys(p.loanToValue).sort()).toEqual(['design', 'invention', 'software', 'trademark', 'utility']);
  });
});

describe('valuation runs', () => {
  it('values the asset from its record, with the product loan-to-value, and stores the run as evidence', async () => {
    let job = await call<JobStatusView>('valuationStart', {
      enterpriseId,
      title: '首次评估',
      valuationDate: '2026-01-01',
      items: [{ ipAssetId, revenue: [10_000_000, 11_000_000, 12_000_000, 13_000_000, 14_000_000], shareRate: 0.03, discountRate: 0.12 }],
      productId: 'boc-zhihuidai',
    });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 30));
      job = await call<JobStatusView>('jobStatus', { id: job.id });
    }
    const result = jobResult<{ runId: string; totalFen: number; loan: { amountFen: number }; items: { result: { expiry: string } }[] }>(
      job,
    )!;
    expect(result.totalFen).toBe(127_334_334);
    expect(result.items[0]!.result.expiry).toBe('2037-07-01');
    expect(result.loan.amountFen).toBe(Math.round(127_334_334 * 0.25));
    const runs = await call<{ id: string; title: string; engineVersion: string; indicatorSet: string; totalFen: number }[]>(
      'valuationRuns',
      { enterpriseId },
    );
    expect(runs).toMatchObject([
      { id: result.runId, title: '首次评估', engineVersion: '1.2.0', indicatorSet: 'gbt42748-financing@2026.1', totalFen: 127_334_334 },
    ]);
    const stored = await call<{ input: { request: { productId: string } } }>('valuationRun', { id: result.runId });
    expect(stored.input.request.productId).toBe('boc-zhihuidai');
  });

  it('derives k from the range and the indicator scores', async () => {
    const job = await call<JobStatusView>('valuationStart', {
      enterpriseId,
      title: '评分',
      valuationDate: '2026-01-01',
      items: [{ ipAssetId, revenue: [1_000_000], shareRange: { min: 0.01, max: 0.05 }, discountRate: 0.1 }],
      scores: { 'legal.stability': 100 },
    });
    const done = await rt.jobs.wait(job.id);
    // S = 0.35 × 0.35 × 100 = 12.25 → k = 0.01 + 0.04 × 0.1225 = 0.0149
    expect(jobResult<{ items: { result: { shareRate: number } }[] }>(done)!.items[0]!.result.shareRate).toBeCloseTo(0.0149, 10);
  });

  it('stores the loan of the portfolio rule: P10 × rate for one kind, a kind the product refuses lending nothing', async () => {
    const design = await call<{ id: string }>('ipSave', {
      enterpriseId,
      kind: 'design',
      number: '201830123456.6',
      title: '一种外观',
      filingDate: '2018-06-01',
      grantDate: '2019-01-01',
      feePaidThrough: '2027-06-01',
      owners: ['深圳市估值测试科技有限公司'],
    });
    const uncertainty = { paths: 2000, seed: 5, revenue: { type: 'triangular' as const, min: 0.6, mode: 1, max: 1.2 } };
    const revenue = [10_000_000, 11_000_000, 12_000_000];
    // 中国银行 知惠贷 lends 25% on inventions and does not take designs (its 10% is not used).
    const job = await call<JobStatusView>('valuationStart', {
      enterpriseId,
      title: '组合',
      valuationDate: '2026-01-01',
      items: [
        { ipAssetId, revenue, shareRate: 0.03, discountRate: 0.12 },
        { ipAssetId: design.id, revenue, shareRate: 0.03, discountRate: 0.12 },
      ],
      uncertainty,
      productId: 'boc-zhihuidai',
    });
    const r = jobResult<{
      runId: string;
      totalFen: number;
      uncertainty: { p10: number };
      loan: { basis: string; basisFen: number; amountFen: number };
      items: { result: { valueFen: number } }[];
    }>(await rt.jobs.wait(job.id))!;
    const p10Fen = Math.round(r.uncertainty.p10 * 100);
    const inventionShare = r.items[0]!.result.valueFen / r.totalFen;
    expect(r.loan).toMatchObject({ basis: 'P10', basisFen: p10Fen, amountFen: Math.round(p10Fen * inventionShare * 0.25) });
    const solo = await call<JobStatusView>('valuationStart', {
      enterpriseId,
      title: '单项',
      valuationDate: '2026-01-01',
      items: [{ ipAssetId, revenue, shareRate: 0.03, discountRate: 0.12 }],
      uncertainty,
      productId: 'boc-zhihuidai',
    });
    const one = jobResult<{ runId: string; uncertainty: { p10: number }; loan: { amountFen: number } }>(await rt.jobs.wait(solo.id))!;
    expect(one.loan.amountFen).toBe(Math.round(Math.round(one.uncertainty.p10 * 100) * 0.25));
    const runs = await call<{ id: string; p10Fen: number; loanFen: number }[]>('valuationRuns', { enterpriseId });
    expect(runs.find((x) => x.id === r.runId)).toMatchObject({ p10Fen, loanFen: r.loan.amountFen });
    expect(runs.find((x) => x.id === one.runId)).toMatchObject({ loanFen: one.loan.amountFen });
  });

  it('finishes jobs whose normal range once made the sampler loop forever, and the pool still runs the next job', async () => {
    // A window 1e-10 wide under an sd of 0.01: a rejection sampler keeps about one draw in 10⁸.
    const narrow = { paths: 2000, seed: 1, shareRate: { type: 'normal' as const, mean: 0.03, sd: 0.01, min: 0.03, max: 0.03 + 1e-10 } };
    const request = (title: string, uncertainty?: object) => ({
      enterpriseId,
      title,
      valuationDate: '2026-01-01',
      items: [{ ipAssetId, revenue: [1_000_000], shareRate: 0.03, discountRate: 0.1 }],
      ...(uncertainty ? { uncertainty } : {}),
    });
    const jobs = [
      await call<JobStatusView>('valuationStart', request('窄区间一', narrow)),
      await call<JobStatusView>('valuationStart', request('窄区间二', { ...narrow, seed: 2 })),
      await call<JobStatusView>('valuationStart', request('其后')),
    ];
    const stuck = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 15_000).unref());
    const finished = await Promise.race([Promise.all(jobs.map((j) => rt.jobs.wait(j.id))), stuck]);
    expect(finished).not.toBe('stuck');
    expect((finished as JobStatusView[]).map((j) => j.state)).toEqual(['done', 'done', 'done']);
    const p10 = jobResult<{ uncertainty: { p10: number } }>((finished as JobStatusView[])[0]!)!.uncertainty.p10;
    expect(p10).toBeGreaterThan(0);
  }, 20_000);

  it('rejects an unknown product and an asset of another enterprise', async () => {
    expect(
      await rt.dispatch('valuationStart', {
        enterpriseId,
        title: 'x',
        valuationDate: '2026-01-01',
        items: [{ ipAssetId, revenue: [1], shareRate: 0.1, discountRate: 0.1 }],
        productId: 'nope',
      }),
    ).toMatchObject({ ok: false, error: { message: '所选银行产品不存在' } });
    expect(
      await rt.dispatch('valuationStart', {
        enterpriseId: 'other',
        title: 'x',
        valuationDate: '2026-01-01',
        items: [{ ipAssetId, revenue: [1], shareRate: 0.1, discountRate: 0.1 }],
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('不属于该企业') } });
  });
});
