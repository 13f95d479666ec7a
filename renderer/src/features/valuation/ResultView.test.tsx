import { render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOAN_RULE } from '../../../../shared/domain/loan-capacity';
import { formatChineseAmount } from '../../../../shared/money';
import { jobResult } from '../../../../shared/types/jobs';
import { installRealApi } from '../../../../test/support/real-api';
import { resetApi } from '../../api';
import '../../i18n';
import { ResultView, type PortfolioView } from './ResultView';

let real: ReturnType<typeof installRealApi>;
beforeEach(() => {
  real = installRealApi();
  resetApi();
});
afterEach(() => real.cleanup());

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await real.runtime.dispatch(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** A stored run of two patents as the valuation page starts it: rates in %, converted to decimals. */
async function storedRun(): Promise<{ runId: string; data: PortfolioView & { loan: { amount: number; basisFen: number } } }> {
  const enterpriseId = (
    await call<{ id: string }>('enterpriseSave', { name: '深圳市结果展示科技有限公司', uscc: '91350100M000100Y43', district: '南山' })
  ).id;
  const asset = (number: string) =>
    call<{ id: string }>('ipSave', {
      enterpriseId,
      kind: 'invention',
      number,
      title: `专利${number}`,
      filingDate: '2017-07-01',
      grantDate: '2019-05-01',
      feePaidThrough: '2027-07-01',
      owners: ['深圳市结果展示科技有限公司'],
    });
  const ids = [(await asset('ZL201710601862.3')).id];
  const job = await call<{ id: string }>('valuationStart', {
    enterpriseId,
    title: '展示',
    valuationDate: '2026-01-01',
    productId: 'boc-zhihuidai',
    items: ids.map((ipAssetId) => ({ ipAssetId, revenue: [10_000_000, 10_500_000, 11_025_000], shareRate: 0.03, discountRate: 0.12 })),
    uncertainty: {
      paths: 1000,
      seed: 1,
      revenue: { type: 'triangular', min: 0.7, mode: 1, max: 1.2 },
      shareRate: { type: 'triangular', min: 0.02, mode: 0.03, max: 0.04 },
      discountRate: { type: 'triangular', min: 0.1, mode: 0.12, max: 0.16 },
    },
  });
  const { runId } = jobResult<{ runId: string }>(await real.runtime.jobs.wait(job.id))!;
  const stored = await call<{ result: PortfolioView & { loan: { amount: number; basisFen: number } } }>('valuationRun', { id: runId });
  return { runId, data: stored.result };
}

/** The histogram is drawn on a canvas, which jsdom lacks; everything else renders as stored. */
const withoutHistogram = <T extends PortfolioView>(data: T): T => ({ ...data, uncertainty: undefined });

describe('valuation result view', () => {
  it('shows the sensitivity table’s rates as percentages, the multiplier as ×, and values in 万元', async () => {
    const { runId, data } = await storedRun();
    render(
      <AntApp>
        <ResultView data={withoutHistogram(data)} runId={runId} />
      </AntApp>,
    );
    const table = within(screen.getByText(/^敏感性分析/).closest('.ant-table-wrapper') as HTMLElement);
    const row = (name: string) => table.getByText(name).closest('tr')!.textContent!;
    expect(row('分成率')).toMatch(/^分成率2%4%[\d.]+ 万元[\d.]+ 万元$/);
    expect(row('折现率')).toMatch(/^折现率10%16%[\d.]+ 万元[\d.]+ 万元$/);
    expect(row('收入倍数')).toMatch(/^收入倍数×0\.7×1\.2[\d.]+ 万元[\d.]+ 万元$/);
    const s = data.items[0]!.result.sensitivity!.find((r) => r.input === 'shareRate')!;
    expect(row('分成率')).toContain(formatChineseAmount(Math.round(s.valueAtLow * 100)));
  });

  it('states the loan rule beside the loan figure, which is P10 × 25% for one kind', async () => {
    const { runId, data } = await storedRun();
    render(
      <AntApp>
        <ResultView data={withoutHistogram(data)} runId={runId} />
      </AntApp>,
    );
    expect(data.loan.amount * 100).toBe(Math.round(Math.round(data.uncertainty!.p10 * 100) * 0.25));
    const loan = screen.getByText('可支持贷款额度').closest('.ant-col') as HTMLElement;
    expect(loan.textContent).toContain(formatChineseAmount(Math.round(data.loan.amount * 100)));
    expect(loan.textContent).toContain(LOAN_RULE);
  });
});
