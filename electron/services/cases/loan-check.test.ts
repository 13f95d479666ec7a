import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../../../shared/domain/dates';
import type { BankProduct } from '../../../shared/types/valuation';
import type { CaseDetail } from '../../../shared/types/case';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { caller } from '../../../test/support/call';
import { inventionNumber, usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';

const tmp = tempDir();
let rt: Runtime;
const call = caller(() => rt);
const NAME = '深圳市额度核查科技有限公司';
const today = todayIso();
const loanStart = addMonths(today, -1);
let caseId: string;
let run: { runId: string; loan: { amountFen: number }; uncertainty: { p10: number } };

beforeAll(async () => {
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  const enterpriseId = (
    await call<{ id: string }>('enterpriseSave', { name: NAME, uscc: usccFor(8101), district: '南山', foundedOn: '2015-03-01' })
  ).id;
  const asset = (n: number) =>
    call<{ id: string }>('ipSave', {
      enterpriseId,
      kind: 'invention',
      number: inventionNumber(2019, n),
      title: `一种额度方法${n}`,
      filingDate: '2019-07-01',
      grantDate: '2021-05-01',
      feePaidThrough: addDays(today, 300),
      owners: [NAME],
    });
  const ids = [(await asset(1)).id, (await asset(2)).id];
  const job = await call<JobStatusView>('valuationStart', {
    enterpriseId,
    title: '额度核查',
    valuationDate: '2026-01-01',
    items: ids.map((ipAssetId, n) => ({
      ipAssetId,
      revenue: [5_000_000 * (n + 1), 5_500_000 * (n + 1), 6_000_000 * (n + 1)],
      shareRate: 0.05,
      discountRate: 0.12,
    })),
    uncertainty: { paths: 2000, seed: 3, revenue: { type: 'triangular', min: 0.5, mode: 1, max: 1.2 } },
    productId: 'boc-zhihuidai',
  });
  run = jobResult<typeof run>(await rt.jobs.wait(job.id))!;
  caseId = (await call<CaseDetail>('caseCreate', { enterpriseId })).record.id;
  await call('caseItemsSet', { id: caseId, ipAssetIds: ids });
  await call('caseUpdate', { id: caseId, valuationId: run.runId });
  await call('pledgeSave', {
    caseId,
    bank: '中国银行',
    loanContractNo: 'JK-1',
    loanFen: 800_000_000,
    loanStart,
    loanEnd: addMonths(loanStart, 12),
    pledgeContractNo: 'ZY-1',
    securedFen: 800_000_000,
    pledgeStart: loanStart,
    appraised: true,
  });
});
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

const overLine = (d: CaseDetail) => d.registration.lines.find((l) => l.code === 'loan_over_capacity');

describe('the pre-filing check against what the valuation supports', () => {
  it('ranks the product with the run’s own loan figure: one kind, so P10 × 25%', async () => {
    const d = await call<CaseDetail>('caseGet', { id: caseId });
    const boc = d.products.find((m) => m.product.id === 'boc-zhihuidai')!;
    expect(boc.capacityFen).toBe(run.loan.amountFen);
    expect(run.loan.amountFen).toBe(Math.round(Math.round(run.uncertainty.p10 * 100) * 0.25));
  });

  it('warns that 800 万 exceeds it under the product the run was valued for, naming both amounts in 万元, until confirmed', async () => {
    const d = await call<CaseDetail>('caseGet', { id: caseId });
    const wan = (fen: number) => `${(fen / 1_000_000).toFixed(2)} 万元`;
    expect(overLine(d)).toMatchObject({
      level: 'warn',
      confirmed: false,
      message: `主债权数额 800.00 万元，超过估值可支持的贷款额度 ${wan(run.loan.amountFen)}（中国银行 知惠贷），请确认银行已同意按此金额放款`,
    });
    expect(d.registration.ok).toBe(false);
    const confirmed = await call<CaseDetail>('caseUpdate', { id: caseId, confirmations: { [overLine(d)!.confirmKey!]: true } });
    expect(overLine(confirmed)?.confirmed).toBe(true);
    expect(confirmed.registration.ok).toBe(true);
  });

  it('checks against the case’s chosen product, and blocks where that product says so', async () => {
    const { products } = await call<{ products: BankProduct[] }>('bankCatalog', {});
    await call('bankCatalogSave', { products: products.map((p) => (p.id === 'icbc-zhihuidai' ? { ...p, loanOverCapacity: 'block' } : p)) });
    const d = await call<CaseDetail>('caseUpdate', { id: caseId, productId: 'icbc-zhihuidai' });
    const icbc = d.products.find((m) => m.product.id === 'icbc-zhihuidai')!;
    expect(icbc.capacityFen).toBe(Math.round(Math.round(run.uncertainty.p10 * 100) * 0.3));
    expect(overLine(d)).toMatchObject({
      level: 'block',
      message: expect.stringContaining('（工商银行 智惠贷），该产品不允许超过可支持额度放款'),
    });
    expect(d.registration.ok).toBe(false);
    await call('pledgeSave', {
      caseId,
      bank: '工商银行',
      loanContractNo: 'JK-1',
      loanFen: icbc.capacityFen,
      loanStart,
      loanEnd: addMonths(loanStart, 12),
      pledgeContractNo: 'ZY-1',
      securedFen: icbc.capacityFen,
      pledgeStart: loanStart,
      appraised: true,
    });
    const within = await call<CaseDetail>('caseGet', { id: caseId });
    expect(overLine(within)).toBeUndefined();
    expect(within.registration.ok).toBe(true);
  });
});
