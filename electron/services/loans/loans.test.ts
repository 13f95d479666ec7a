import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../../../shared/domain/dates';
import { buildSchedule } from '../../../shared/domain/loan/schedule';
import type { LoanList } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/types/case';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { caller, finishJob } from '../../../test/support/call';
import { inventionNumber, usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';

const tmp = tempDir();
let rt: Runtime;
const call = caller(() => rt);
const today = todayIso();
// Six months into a one-year loan of 1,200,000.00 元 at 6%, repaid 等额本息.
const loanStart = addMonths(today, -6);
const loanEnd = addMonths(loanStart, 12);
const NAME = '深圳市贷后测试科技有限公司';

async function refusal(method: string, input: unknown): Promise<{ message: string; issues?: { path: string; message: string }[] }> {
  const r = await rt.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error as never;
}

/** A case registered with CNIPA, its one patent's fee due in 30 days (before the loan ends). */
async function registeredCase(n: number): Promise<{ caseId: string; assetId: string }> {
  const name = n === 1 ? NAME : `深圳市贷后测试${n}号有限公司`;
  const enterpriseId = (
    await call<{ id: string }>('enterpriseSave', {
      name,
      uscc: usccFor(8100 + n),
      district: n === 1 ? '南山' : '宝安',
      industry: '电子信息',
    })
  ).id;
  const assetId = (
    await call<{ id: string }>('ipSave', {
      enterpriseId,
      kind: 'invention',
      number: inventionNumber(2018, 300 + n),
      title: `一种贷后监测方法${n}`,
      filingDate: '2018-04-01',
      grantDate: '2020-06-01',
      feePaidThrough: addDays(today, 30),
      owners: [name],
    })
  ).id;
  const c = await call<CaseDetail>('caseCreate', { enterpriseId });
  const caseId = c.record.id;
  await call('caseUpdate', { id: caseId, needFen: 120_000_000, manualValueFen: 300_000_000 });
  await call('caseItemsSet', { id: caseId, ipAssetIds: [assetId] });
  await call('caseMove', { id: caseId, move: { type: 'advance' } });
  await call('pledgeSave', {
    caseId,
    bank: n === 1 ? '中国银行深圳南山支行' : '招商银行深圳分行',
    pledgee: '质权银行',
    loanContractNo: `JK-${n}`,
    loanFen: 120_000_000,
    ratePercent: 6,
    loanStart,
    loanEnd,
    pledgeContractNo: `ZY-${n}`,
    securedFen: 120_000_000,
    pledgeStart: loanStart,
    pledgeEnd: loanEnd,
    appraised: false,
  });
  await call('caseMove', { id: caseId, move: { type: 'advance' } });
  await call('pledgeStatus', { caseId, to: 'submitted', submittedOn: addDays(loanStart, -10) });
  await call('pledgeStatus', { caseId, to: 'registered', regNo: `Y20264400${n}`, regDate: addDays(loanStart, -2) });
  return { caseId, assetId };
}

beforeAll(() => {
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
});
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

describe('after the loan, on a real SQLite file through the service calls', () => {
  it('takes a case from registration through repayments, a lapsed-fee warning, a default, a disposal by licence and a compensation claim', async () => {
    const { caseId, assetId } = await registeredCase(1);
    let d = await call<CaseDetail>('caseGet', { id: caseId });
    expect(d.facts.pledgeStands).toBe(true);
    expect(d.loan).toMatchObject({
      tracked: false,
      pledgeStands: true,
      terms: { principalFen: 120_000_000, annualRatePercent: 6, startOn: loanStart },
    });
    expect((await refusal('repaymentSave', { caseId, paidOn: today, kind: 'instalment', amountFen: 100 })).message).toBe(
      '请先在贷后管理中选择还款方式，生成还款计划',
    );
    expect((await refusal('caseMove', { id: caseId, move: { type: 'close', outcome: 'loaned', reason: '' } })).message).toBe(
      '质押尚在登记状态（贷后管理中）：贷款结清并办理质押注销后方可结案',
    );

    d = await call<CaseDetail>('loanPlan', { caseId, method: 'equal_instalment' });
    const plan = buildSchedule({
      principalFen: 120_000_000,
      annualRatePercent: 6,
      startOn: loanStart,
      endOn: loanEnd,
      method: 'equal_instalment',
    });
    expect(d.loan!.servicing!.rows.map((r) => r.totalFen)).toEqual(plan.map((r) => r.totalFen));
    // Six instalments were due; four paid on time, the fifth late, the sixth missed.
    for (const r of plan.slice(0, 4)) await call('repaymentSave', { caseId, paidOn: r.dueOn, kind: 'instalment', amountFen: r.totalFen });
    await call('repaymentSave', { caseId, paidOn: addDays(plan[4]!.dueOn, 3), kind: 'instalment', amountFen: plan[4]!.totalFen });
    d = await call<CaseDetail>('caseGet', { id: caseId });
    const s = d.loan!.servicing!;
    expect(s.rows.slice(0, 6).map((r) => r.status)).toEqual([
      'paid',
      'paid',
      'paid',
      'paid',
      'late',
      plan[5]!.dueOn < today ? 'overdue' : 'due',
    ]);
    expect(s.rows[4]!.daysLate).toBe(3);
    expect(s.lateCount).toBe(1);
    // A repayment before the loan, or an early repayment above the balance, is refused at its field.
    expect((await refusal('repaymentSave', { caseId, paidOn: addDays(loanStart, -1), kind: 'instalment', amountFen: 100 })).issues).toEqual(
      [{ path: 'paidOn', message: `还款日期 ${addDays(loanStart, -1)} 早于贷款发放日 ${loanStart}` }],
    );
    expect((await refusal('repaymentSave', { caseId, paidOn: today, kind: 'prepayment', amountFen: 200_000_000 })).issues![0]!.path).toBe(
      'amountFen',
    );

    // The fee falls due before the loan ends: a warning with what to do; a recorded lapse weakens the security.
    expect(d.loan!.warnings.map((w) => w.code)).toEqual(['fee_due_soon']);
    expect(d.loan!.weakened).toBe(false);
    d = await call<CaseDetail>('ipEventSave', {
      caseId,
      ipAssetId: assetId,
      kind: 'lapse',
      occurredOn: today,
      note: '年费未缴，专利权终止',
    });
    expect(d.loan!.warnings[0]).toMatchObject({ level: 'danger', code: 'event_lapse', action: expect.stringContaining('通知质权银行') });
    expect(d.loan!.weakened).toBe(true);
    expect(d.loan!.items[0]!.events).toHaveLength(1);

    // Default: what is owed that day is taken from the servicing.
    expect((await refusal('loanDisposal', { caseId, route: 'reverse_licence', startedOn: today, steps: [], proceeds: [] })).message).toBe(
      '尚未认定违约，不能登记质物处置',
    );
    d = await call<CaseDetail>('loanDefault', { caseId, declaredOn: today, cause: '企业经营困难，连续逾期' });
    const paidPrincipal = plan.slice(0, 5).reduce((sum, r) => sum + r.principalFen, 0);
    expect(d.loan!.record.defaultRecord).toMatchObject({ outstandingPrincipalFen: 120_000_000 - paidPrincipal });
    expect((await refusal('loanDefault', { caseId, declaredOn: today, cause: '再次' })).message).toBe(`已于 ${today} 认定违约`);
    // After a default, money coming back is a recovery of the disposal, not an instalment.
    expect((await refusal('repaymentSave', { caseId, paidOn: today, kind: 'instalment', amountFen: 100 })).message).toBe(
      `贷款已于 ${today} 认定违约：此后收回的款项请在“违约与处置”中登记为回收`,
    );
    expect(
      (await refusal('loanExtend', { caseId, agreedOn: today, newEndOn: addMonths(loanEnd, 6), method: 'interest_only' })).message,
    ).toBe('贷款已认定违约，不能展期');

    // Disposal by reverse licence: licence fees credited to the loan; a proceed before the start is refused at its row.
    expect(
      (
        await refusal('loanDisposal', {
          caseId,
          route: 'reverse_licence',
          startedOn: today,
          steps: [],
          proceeds: [{ receivedOn: addDays(today, -3), amountFen: 100 }],
        })
      ).issues,
    ).toEqual([{ path: 'proceeds.0.receivedOn', message: `第 1 笔回收的日期早于处置开始日期 ${today}` }]);
    d = await call<CaseDetail>('loanDisposal', {
      caseId,
      route: 'reverse_licence',
      startedOn: today,
      steps: [{ name: '签订许可协议', party: '质权银行', doneOn: today }],
      proceeds: [{ receivedOn: today, amountFen: 20_000_000, note: '许可费首期' }],
      closedOn: today,
    });
    const loss = d.loan!.recovery!.lossFen;
    expect(d.loan!.recovery).toMatchObject({ lenderProceedsFen: 20_000_000, recoveredFen: 20_000_000 });

    // The claim against the shipped city pool: 50% of what is left of the principal, once 90 days overdue (here it is not yet).
    d = await call<CaseDetail>('loanClaim', { caseId, poolId: 'shenzhen-sme-pool-2020' });
    const claim = d.loan!.record.claim!;
    expect(claim.result.pool.weak).toBe(true);
    expect(claim.result.lines.map((l) => l.label)).toEqual(['损失（未还本金）', '扣除处置回收与保险赔付', '资金池承担 50%']);
    const principalLeft = 120_000_000 - paidPrincipal;
    expect(claim.result.lines[2]!.amountFen).toBe(Math.floor((principalLeft - 20_000_000) / 2));
    expect(claim.result.eligible).toBe(false);
    expect((await refusal('loanClaim', { caseId, poolId: 'shenzhen-sme-pool-2020', status: 'submitted' })).message).toMatch(
      /^不符合补偿条件：贷款逾期 \d+ 天/,
    );
    expect((await refusal('loanClaim', { caseId, poolId: 'nowhere' })).message).toBe('没有编号为 nowhere 的风险补偿资金池');
    expect(loss).toBe(principalLeft + d.loan!.record.defaultRecord!.outstandingInterestFen);

    // Closed as disposed of; the trail names each step.
    const closeDisposed = { id: caseId, move: { type: 'close', outcome: 'disposed', reason: '反向许可处置完毕' } };
    expect((await refusal('caseMove', closeDisposed)).message).toBe('质押尚在登记状态：处置完成后请先办理质押注销（或转让登记），再结案');
    await call('pledgeStatus', { caseId, to: 'cancelled', reason: '处置完毕，注销质押' });
    d = await call<CaseDetail>('caseMove', closeDisposed);
    expect(d.record).toMatchObject({ stage: 'closed', outcome: 'disposed' });
    const trail = d.events.map((e) => e.summary);
    expect(trail.some((t) => t.startsWith('认定违约'))).toBe(true);
    expect(trail.some((t) => t.startsWith('开始质物处置（反向许可）'))).toBe(true);
    expect(trail.filter((t) => t.startsWith('登记按期还款'))).toHaveLength(5);
  });

  it('extends a loan, and lists, figures and exports the loans with a securitisation pool', async () => {
    const { caseId } = await registeredCase(2);
    await call('loanPlan', { caseId, method: 'interest_only' });
    // 先息后本: 1,200,000.00 元 × 0.5% = 6,000.00 元 of interest each month, paid when due.
    for (let k = 1; addMonths(loanStart, k) < today; k++)
      await call('repaymentSave', { caseId, paidOn: addMonths(loanStart, k), kind: 'instalment', amountFen: 600_000 });
    expect((await refusal('loanExtend', { caseId, agreedOn: today, newEndOn: loanEnd, method: 'interest_only' })).issues).toEqual([
      { path: 'newEndOn', message: `展期后的到期日须晚于现到期日 ${loanEnd}` },
    ]);
    const newEnd = addMonths(loanEnd, 6);
    const d = await call<CaseDetail>('loanExtend', { caseId, agreedOn: today, newEndOn: newEnd, method: 'interest_only' });
    expect(d.loan!.servicing).toMatchObject({ endOn: newEnd, state: 'current', overdueFen: 0 });
    expect(
      (await refusal('loanExtend', { caseId, agreedOn: addDays(today, -1), newEndOn: addMonths(newEnd, 6), method: 'interest_only' }))
        .issues,
    ).toEqual([{ path: 'agreedOn', message: `展期协议日期不能早于上一次展期（${today}）` }]);
    // The pledge period still ends with the old date: the watch says to register a change.
    expect(d.loan!.warnings.map((w) => w.code)).toContain('pledge_period_short');
    expect(d.events[0]!.summary).toContain('需办理质押登记变更延长质押期限');
    await call<CaseDetail>('loanPoolSet', { caseId, poolName: '南山-知识产权 ABS 1 号' });

    const list = await call<LoanList>('loansList', { includeClosed: true });
    expect(list.rows.map((r) => r.enterpriseName).sort()).toEqual([NAME, '深圳市贷后测试2号有限公司'].sort());
    const disposed = list.rows.find((r) => r.enterpriseName === NAME)!;
    // Its pledge cancelled after the disposal, it is no longer watched (nothing left to weaken).
    expect(disposed).toMatchObject({ state: 'defaulted', bank: '中国银行', route: 'reverse_licence', weakened: false, closed: true });
    expect(list.figures.total).toMatchObject({ loans: 2, defaults: 1, weakened: 0 });
    expect(list.figures.byBank.map((g) => g.key).sort()).toEqual(['中国银行', '招商银行']);
    expect(list.figures.byRoute.map((r) => r.route)).toEqual(['reverse_licence']);
    expect((await call<LoanList>('loansList', {})).rows).toHaveLength(1); // closed cases hidden by default
    expect((await call<LoanList>('loansList', { state: 'attention', includeClosed: true })).rows.map((r) => r.caseId)).toEqual([
      disposed.caseId,
    ]);
    expect(list.pools).toEqual(['南山-知识产权 ABS 1 号']);

    const pool = await call<{ view: { count: number; outstandingFen: number; byDistrict: { key: string }[] } }>('loanPoolView', {
      poolName: '南山-知识产权 ABS 1 号',
    });
    expect(pool.view).toMatchObject({ count: 1, outstandingFen: 120_000_000, byDistrict: [{ key: '宝安' }] });

    const { final } = await finishJob(
      call,
      await call<JobStatusView>('exportStart', { kind: 'loans', filter: { includeClosed: true }, format: 'xlsx' }),
    );
    const out = jobResult<{ base64: string }>(final)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('企业');
    const rows = [2, 3].map((r) => ws.getRow(r).values as unknown[]);
    expect(rows.some((v) => v.includes('已违约') && v.includes('反向许可'))).toBe(true);
    expect(ws.rowCount).toBe(3);
  });

  it('imports a list of legal-status changes: good rows recorded, each bad row named with its reason', async () => {
    const { caseId } = await registeredCase(3);
    // A typed plan must add up to the loan and end on its end date; refused at the plan, nothing kept.
    const bad = await refusal('loanPlan', { caseId, method: 'custom', plan: [{ dueOn: loanEnd, principalFen: 100 }] });
    expect(bad.issues).toEqual([{ path: 'plan', message: '各期本金合计 100 分，应等于贷款本金 120000000 分' }]);
    expect((await call<CaseDetail>('caseGet', { id: caseId })).loan!.tracked).toBe(false);
    await call('loanPlan', { caseId, method: 'interest_only' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('法律状态');
    ws.addRow(['专利号', '事件', '日期', '解除日期', '说明']);
    ws.addRow([`ZL ${inventionNumber(2018, 303)}`, '无效宣告请求', today, '', '第三方提出']);
    ws.addRow([inventionNumber(2018, 303), '财产保全', addDays(today, -30), addDays(today, -10), '已解除']);
    ws.addRow(['ZL201899999999.1', '权利终止', today, '', '']);
    ws.addRow([inventionNumber(2018, 303), '被收购', today, '', '']);
    ws.addRow([inventionNumber(2018, 303), '许可', '去年', '', '']);
    ws.addRow([inventionNumber(2018, 303), '转让', addDays(today, 30), '', '']);
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await call<{ imported: number; rejected: { row: number; reason: string }[] }>('ipEventsImport', {
      fileName: '状态变更.xlsx',
      fileBase64,
    });
    expect(r.imported).toBe(2);
    expect(r.rejected.map((x) => x.row)).toEqual([4, 5, 6, 7]);
    expect(r.rejected[0]!.reason).toBe('本机没有编号为 ZL201899999999.1 的知识产权');
    expect(r.rejected[1]!.reason).toMatch(/^事件“被收购”无法识别/);
    expect(r.rejected[2]!.reason).toContain('不是有效日期');
    expect(r.rejected[3]!.reason).toContain('事件日期不能晚于今天');
    // The same list again records nothing twice.
    const again = await call<{ imported: number; rejected: { row: number; reason: string }[] }>('ipEventsImport', {
      fileName: '状态变更.xlsx',
      fileBase64,
    });
    expect(again.imported).toBe(0);
    expect(again.rejected[0]!.reason).toMatch(/已有 .* 的“无效宣告请求”事件，未重复记录/);
    const d = await call<CaseDetail>('caseGet', { id: caseId });
    expect(d.loan!.items[0]!.events.map((e) => [e.kind, e.endedOn !== null])).toEqual([
      ['invalidation_request', false],
      ['preservation', true],
    ]);
    // The open invalidation request warns; the lifted preservation no longer does.
    expect(d.loan!.warnings.map((w) => w.code)).toContain('event_invalidation_request');
    expect(d.loan!.warnings.map((w) => w.code)).not.toContain('event_preservation');
  });
});
