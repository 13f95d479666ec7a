import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../../../shared/domain/dates';
import type { SubsidyResult } from '../../../shared/domain/subsidy';
import type { CaseDetail, CaseSummary, Reminder } from '../../../shared/types/case';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import type { Page } from '../../../shared/types/records';
import { caller, finishJob } from '../../../test/support/call';
import { inventionNumber, usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';

const tmp = tempDir();
let rt: Runtime;
const call = caller(() => rt);
const NAME = '深圳市闭环测试科技有限公司';
const today = todayIso();
const loanStart = addMonths(today, -10);
const loanEnd = addMonths(loanStart, 12);
let enterpriseId: string;
let own: string;
let foreign: string;
let entryId: string;

/** The dispatcher's refusal message for a call expected to fail. */
async function refusal(method: string, input: unknown): Promise<string> {
  const r = await rt.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error.message;
}

beforeAll(async () => {
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  enterpriseId = (
    await call<{ id: string }>('enterpriseSave', {
      name: NAME,
      uscc: usccFor(7001),
      district: '南山',
      foundedOn: '2015-03-01',
      qualifications: ['高新技术企业'],
    })
  ).id;
  const asset = (n: number, owners: string[]) =>
    call<{ id: string }>('ipSave', {
      enterpriseId,
      kind: 'invention',
      number: inventionNumber(2017, n),
      title: `一种闭环方法${n}`,
      filingDate: '2017-07-01',
      grantDate: '2019-05-01',
      feePaidThrough: addDays(today, 200),
      owners,
    });
  own = (await asset(1, [NAME])).id;
  foreign = (await asset(2, ['深圳市别家科技有限公司'])).id;
  const batch = await call<{ id: string }>('batchCreate', { name: '南山 2026 摸排', district: '南山', surveyedOn: '2026-03-01' });
  entryId = (await call<{ id: string }>('entrySave', { batchId: batch.id, enterpriseId, status: '推进中', steward: '李管家' })).id;
});
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

describe('a service case through the whole loop', () => {
  let id: string;
  const pledge = {
    bank: '南山测试银行',
    pledgee: '南山测试银行深圳分行',
    loanContractNo: 'JK-2026-001',
    loanFen: 500_000_000,
    ratePercent: 3.45,
    loanStart,
    loanEnd,
    pledgeContractNo: 'ZY-2026-001',
    securedFen: 500_000_000,
    pledgeStart: loanStart,
    appraised: false,
  };

  it('opens a case at 贷前指导 and refuses to advance until the need and the items are recorded', async () => {
    const c = await call<CaseDetail>('caseCreate', { enterpriseId, bankOfficer: '王经理' });
    id = c.record.id;
    expect(c.record).toMatchObject({ stage: 'guidance', steward: '本机用户', bankOfficer: '王经理', paused: false });
    expect(c.checklist.checks.find((l) => l.code === 'no_items')?.level).toBe('block');
    expect(c.checklist.missingDocuments).toContain('营业执照');
    expect(await refusal('caseMove', { id, move: { type: 'advance' } })).toBe('尚未填写融资需求金额；尚未选择拟质押的知识产权');
    expect(await refusal('caseCreate', { enterpriseId })).toContain('已有未结案的服务案件');
    expect((await call<CaseDetail>('caseGet', { id })).record.stage).toBe('guidance');
  });

  it('computes the checklist, the missing documents and a ranked bank product match', async () => {
    await call('caseUpdate', { id, needFen: 500_000_000, needTermMonths: 12, purpose: '研发投入', documents: { licence: true } });
    const c = await call<CaseDetail>('caseItemsSet', { id, ipAssetIds: [own, foreign] });
    const notOwner = c.checklist.checks.find((l) => l.code === 'not_owner');
    expect(notOwner).toMatchObject({ level: 'block', message: `登记权利人为“深圳市别家科技有限公司”，与出质企业“${NAME}”不一致` });
    expect(c.checklist.blockedItems).toBe(1);
    expect(c.checklist.missingDocuments).not.toContain('营业执照');
    expect(c.products[0]).toMatchObject({ rank: 1, eligible: true });
    expect(c.products[0]!.reasons.join('；')).toMatch(/接受 1\/1 项可出质资产（发明专利）；需求在额度/);
    const webank = c.products.find((p) => p.product.id === 'webank-online')!;
    expect(webank.eligible).toBe(false);
    expect(webank.problems.join('；')).toContain('需求 500 万元 不在额度');
    expect(c.events.map((e) => e.summary)).toEqual([
      '拟质押知识产权调整为 2 项',
      '修改融资需求、需求期限、资金用途、材料清单',
      `新建服务案件（${NAME}），进入贷前指导`,
    ]);
    expect(c.events[1]).toMatchObject({ before: { needFen: null }, after: { needFen: 500_000_000 } });
  });

  it('enters 价值评估, and 质押登记 only with a value, a loan and no refused item', async () => {
    expect((await call<CaseDetail>('caseMove', { id, move: { type: 'advance' } })).record.stage).toBe('valuation');
    await call('pledgeSave', { caseId: id, ...pledge });
    const msg = await refusal('caseMove', { id, move: { type: 'advance' } });
    expect(msg).toBe('尚无估值结果（可关联估值记录或录入协商价值）；有 1 项质押物存在不予登记的情形，需先处理或移出');
    await call('caseUpdate', { id, manualValueFen: 1_200_000_000, manualValueBasis: '银企协商价值' });
    await call('caseItemsSet', { id, ipAssetIds: [own] });
    const c = await call<CaseDetail>('caseMove', { id, move: { type: 'advance' } });
    expect(c.record.stage).toBe('registration');
    expect(c.registration.ok).toBe(true);
  });

  it('a refused registration keeps the reason; after correction it registers and marks the items pledged', async () => {
    await call('pledgeStatus', { caseId: id, to: 'submitted', submittedOn: addDays(loanStart, -20) });
    expect(await refusal('pledgeStatus', { caseId: id, to: 'refused' })).toBe('“不予登记”须填写原因或说明');
    let c = await call<CaseDetail>('pledgeStatus', { caseId: id, to: 'refused', reason: '质押合同缺少质押期限条款' });
    expect(c.pledge).toMatchObject({ status: 'refused', statusReason: '质押合同缺少质押期限条款' });
    expect(await refusal('caseMove', { id, move: { type: 'advance' } })).toBe('质押尚未登记，登记后方可申报贴息');
    await call('pledgeStatus', { caseId: id, to: 'draft', reason: '补充质押期限' });
    await call('pledgeSave', { caseId: id, ...pledge, pledgeEnd: addMonths(loanEnd, 6) });
    expect(await refusal('pledgeStatus', { caseId: id, to: 'submitted', submittedOn: addDays(today, 3) })).toContain(
      '提交日期不能晚于今天',
    );
    await call('pledgeStatus', { caseId: id, to: 'submitted', submittedOn: addDays(loanStart, -5) });
    expect(await refusal('pledgeStatus', { caseId: id, to: 'registered' })).toBe('请填写登记号和登记日期');
    // A registration cannot predate its filing (it would land in an earlier year's statistics).
    expect(
      await refusal('pledgeStatus', { caseId: id, to: 'registered', regNo: 'Y2026440000123', regDate: addDays(loanStart, -400) }),
    ).toBe(`登记日期 ${addDays(loanStart, -400)} 早于提交登记的日期 ${addDays(loanStart, -5)}`);
    expect(await refusal('pledgeStatus', { caseId: id, to: 'registered', regNo: 'Y2026440000123', regDate: addDays(today, 2) })).toContain(
      '登记日期不能晚于今天',
    );
    c = await call<CaseDetail>('pledgeStatus', { caseId: id, to: 'registered', regNo: 'Y2026440000123', regDate: addDays(loanStart, 3) });
    expect(c.pledge).toMatchObject({ status: 'registered', regNo: 'Y2026440000123' });
    expect(rt.db!.prepare('SELECT pledged FROM ip_assets WHERE id = ?').pluck().get(own)).toBe(1);
    // Its own pledge does not count against the case; another case would see it pledged.
    expect(c.items[0]!.assessment.reasons.map((r) => r.code)).not.toContain('already_pledged');
    expect(await refusal('ipDelete', { id: own })).toContain('已列入服务案件');
    // An edit (or a re-import) saying "not pledged" cannot unmark it while the pledge stands.
    const edited = await call<{ pledged: boolean; title: string }>('ipSave', {
      id: own,
      enterpriseId,
      kind: 'invention',
      number: inventionNumber(2017, 1),
      title: '一种闭环方法（改名）',
      filingDate: '2017-07-01',
      grantDate: '2019-05-01',
      feePaidThrough: addDays(today, 200),
      owners: [NAME],
      pledged: false,
    });
    expect(edited).toMatchObject({ pledged: true, title: '一种闭环方法（改名）' });
    expect(await refusal('enterpriseDelete', { id: enterpriseId })).toContain('案件记录须保留');
  });

  it('refuses the registration filing when the pledgor is not the registered owner, naming it', async () => {
    const other = (await call<{ id: string }>('enterpriseSave', { name: '深圳市另一测试有限公司', uscc: usccFor(7002), district: '福田' }))
      .id;
    const asset = (
      await call<{ id: string }>('ipSave', {
        enterpriseId: other,
        kind: 'invention',
        number: inventionNumber(2018, 9),
        title: '他人名下专利',
        filingDate: '2018-01-01',
        grantDate: '2020-01-01',
        feePaidThrough: addDays(today, 100),
        owners: ['某某大学'],
      })
    ).id;
    const c = await call<CaseDetail>('caseCreate', { enterpriseId: other });
    await call('caseUpdate', { id: c.record.id, needFen: 100_000_000, manualValueFen: 300_000_000 });
    await call('caseItemsSet', { id: c.record.id, ipAssetIds: [asset] });
    await call('caseMove', { id: c.record.id, move: { type: 'advance' } });
    await call('pledgeSave', { caseId: c.record.id, ...pledge, loanContractNo: 'JK-X', pledgeContractNo: 'ZY-X' });
    expect(await refusal('caseMove', { id: c.record.id, move: { type: 'advance' } })).toContain('有 1 项质押物存在不予登记的情形');
    const d = await call<CaseDetail>('caseGet', { id: c.record.id });
    expect(d.registration.ok).toBe(false);
    expect(d.registration.lines.filter((l) => l.level === 'block').map((l) => l.message)).toEqual([
      '登记权利人为“某某大学”，与出质企业“深圳市另一测试有限公司”不一致',
    ]);
    const closed = await call<CaseDetail>('caseMove', {
      id: c.record.id,
      move: { type: 'close', outcome: 'ineligible', reason: '专利不在企业名下' },
    });
    expect(closed.record).toMatchObject({ stage: 'closed', outcome: 'ineligible', outcomeReason: '专利不在企业名下' });
  });

  it('computes the subsidy from the recorded payments, shows an ineligible policy with its reasons, and closes the loop', async () => {
    await call('caseMove', { id, move: { type: 'advance' } });
    // Interest before the loan started, or in the future, is refused at its field; nothing is stored.
    const early = await rt.dispatch('paymentSave', { caseId: id, paidOn: addDays(loanStart, -1), kind: 'interest', amountFen: 10_000_000 });
    expect(early).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [{ path: 'paidOn', message: `利息支付日 ${addDays(loanStart, -1)} 早于贷款发放日 ${loanStart}` }],
      },
    });
    expect(await refusal('paymentSave', { caseId: id, paidOn: addDays(today, 5), kind: 'interest', amountFen: 10_000_000 })).toContain(
      '支付日期不能晚于今天',
    );
    expect(await refusal('paymentSave', { caseId: id, paidOn: loanStart, kind: 'interest', amountFen: -500_000 })).toContain(
      '支付金额应大于 0',
    );
    expect((await call<CaseDetail>('caseGet', { id })).payments).toEqual([]);
    await call('paymentSave', { caseId: id, paidOn: addMonths(loanStart, 6), kind: 'interest', amountFen: 10_000_000 });
    await call('paymentSave', { caseId: id, paidOn: loanStart, kind: 'guarantee', amountFen: 3_000_000 });
    const nanshan = await call<SubsidyResult>('subsidyCalc', { caseId: id, policyId: 'nanshan-2022', repaid: true });
    expect(nanshan).toMatchObject({ eligible: true, totalFen: 9_100_000 });
    const futian = await call<SubsidyResult>('subsidyCalc', { caseId: id, policyId: 'futian-2021', repaid: false });
    expect(futian.eligible).toBe(false);
    expect(futian.failures.map((f) => f.rule)).toEqual(['effective', 'district', 'repayment']);
    await call('subsidySave', { caseId: id, policyId: 'futian-2021', repaid: false });
    expect(await refusal('subsidyStatus', { caseId: id, to: 'submitted' })).toMatch(
      /^不符合申报条件：贷款发放日 .* 不在本政策有效期.*企业属南山，本政策仅适用于在福田区备案的企业；尚未还清本息/,
    );
    await call('subsidySave', { caseId: id, policyId: 'nanshan-2022', repaid: true, materials: { 贴息申请表: true } });
    expect(await refusal('caseMove', { id, move: { type: 'close', outcome: 'subsidised', reason: '' } })).toBe(
      '贴息尚未拨付，不能以“已获贴息”结案',
    );
    // Every material of the policy must be ticked before submitting.
    expect(await refusal('subsidyStatus', { caseId: id, to: 'submitted' })).toBe(
      '不能提交申请：申报材料尚缺 5 项（借款合同及质押合同、知识产权质押登记证明、利息支付凭证、担保、保险、评估费用发票、营业执照）',
    );
    const all = Object.fromEntries(
      ['借款合同及质押合同', '知识产权质押登记证明', '利息支付凭证', '担保、保险、评估费用发票', '营业执照'].map((m) => [m, true]),
    );
    await call('subsidySave', { caseId: id, policyId: 'nanshan-2022', repaid: true, materials: all });
    const submittedOn = addDays(today, -30);
    await call('subsidyStatus', { caseId: id, to: 'submitted', on: submittedOn });
    // Approval records what the district granted and when; more than applied for, or before the filing, is refused.
    expect(await refusal('subsidyStatus', { caseId: id, to: 'approved' })).toBe(
      '输入不正确：amountFen：请填写核定金额；on：请填写核定日期',
    );
    expect(await refusal('subsidyStatus', { caseId: id, to: 'approved', amountFen: 9_100_001, on: today })).toBe(
      '核定金额 91,000.01 元超过申请金额 91,000.00 元',
    );
    expect(await refusal('subsidyStatus', { caseId: id, to: 'approved', amountFen: 8_000_000, on: addDays(submittedOn, -1) })).toBe(
      `日期 ${addDays(submittedOn, -1)} 早于提交申请日期 ${submittedOn}`,
    );
    await call('subsidyStatus', { caseId: id, to: 'approved', amountFen: 8_000_000, on: addDays(submittedOn, 10) });
    expect(await refusal('subsidyStatus', { caseId: id, to: 'paid', amountFen: 8_000_001, on: today })).toBe(
      '拨付金额 80,000.01 元超过核定金额 80,000.00 元',
    );
    await call('subsidyStatus', { caseId: id, to: 'paid', amountFen: 8_000_000, on: addDays(submittedOn, 20) });
    const reminders = await call<Reminder[]>('reminders', { days: 365 });
    expect(reminders.some((r) => r.kind === 'pledge_expiring' && r.caseId === id)).toBe(true);
    // The loan ends the case: while the pledge stands it is in 贷后管理 and cannot close.
    expect(await refusal('caseMove', { id, move: { type: 'close', outcome: 'subsidised', reason: '' } })).toBe(
      '质押尚在登记状态（贷后管理中）：贷款结清并办理质押注销后方可结案',
    );
    await call('pledgeStatus', { caseId: id, to: 'cancelled', reason: '贷款已结清' });
    const closed = await call<CaseDetail>('caseMove', { id, move: { type: 'close', outcome: 'subsidised', reason: '' } });
    expect(closed.record).toMatchObject({ stage: 'closed', outcome: 'subsidised' });
    expect(closed.subsidy).toMatchObject({
      status: 'paid',
      amountFen: 9_100_000,
      submittedOn,
      approvedFen: 8_000_000,
      approvedOn: addDays(submittedOn, 10),
      paidFen: 8_000_000,
      paidOn: addDays(submittedOn, 20),
    });
    expect(await refusal('caseMove', { id, move: { type: 'back', to: 'guidance', reason: 'x' } })).toBe('案件已结案，不能再变更');
    expect(rt.db!.prepare('SELECT status FROM whitelist_entries WHERE id = ?').pluck().get(entryId)).toBe('已放款');
    const trail = closed.events.map((e) => e.summary);
    expect(trail[0]).toBe('结案：已放款并获贴息');
    expect(trail).toContain('质押登记：已提交 → 不予登记');
    expect(trail.filter((s) => s.startsWith('进入'))).toEqual(['进入贴息申报', '进入质押登记', '进入价值评估']);
    // Every audit line was written by a mutation waiting in the outbox to be sent.
    expect(rt.db!.prepare("SELECT count(*) FROM outbox_touch WHERE entity = 'case_event'").pluck().get()).toBeGreaterThanOrEqual(
      closed.events.length,
    );
  });

  it('records visits with follow-ups as reminders, and lists, filters and exports cases', async () => {
    const other = (await call<Page<CaseSummary>>('casesList', { includeClosed: true })).rows.find((c) => c.id !== id)!;
    expect(await refusal('visitSave', { caseId: other.id, visitedOn: today, notes: '电话回访', followUpOn: addDays(today, -1) })).toContain(
      '跟进日期不能早于走访日期',
    );
    expect(await refusal('visitSave', { caseId: other.id, visitedOn: today })).toBe('输入不正确：notes：请填写走访情况');
    expect(await refusal('visitSave', { caseId: other.id, visitedOn: addDays(today, 3), notes: '未来的走访' })).toContain(
      '走访日期不能晚于今天',
    );
    const next = (
      await call<CaseDetail>('caseCreate', {
        enterpriseId: (
          await call<{ id: string }>('enterpriseSave', { name: '深圳市走访测试有限公司', uscc: usccFor(7003), district: '宝安' })
        ).id,
      })
    ).record;
    await call('visitSave', {
      caseId: next.id,
      visitedOn: today,
      place: '企业会议室',
      attendees: ['李管家', '王经理（银行）'],
      notes: '了解融资需求',
      nextSteps: '补充财务报表',
      followUpOn: addDays(today, 7),
    });
    const r = await call<Reminder[]>('reminders', { days: 30 });
    expect(r.find((x) => x.kind === 'follow_up')).toMatchObject({ caseId: next.id, message: '跟进：补充财务报表', overdue: false });
    expect((await call<Page<CaseSummary>>('casesList', {})).total).toBe(1);
    expect((await call<Page<CaseSummary>>('casesList', { includeClosed: true, search: '闭环' })).rows.map((c) => c.enterpriseName)).toEqual(
      [NAME],
    );
    expect((await call<Page<CaseSummary>>('casesList', { stage: 'closed' })).total).toBe(2);
    const { final } = await finishJob(
      call,
      await call<JobStatusView>('exportStart', { kind: 'cases', filter: { includeClosed: true, district: '南山' }, format: 'csv' }),
    );
    const lines = Buffer.from(jobResult<{ base64: string }>(final)!.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF企业名称,统一社会信用代码,所属区,管家,银行客户经理,阶段,结案结果,融资需求（万元）,贷款银行,贷款金额（万元）,质押登记,登记日期,贴息申请,贴息金额（万元）,更新时间',
    );
    expect(lines[1]).toMatch(new RegExp(`^${NAME},.*,南山,本机用户,王经理,结案,已放款并获贴息,500,南山测试银行,500,注销,.*,已拨付,9.1,`));
  });

  it('takes the value from an attached valuation run, per item for the product ranking', async () => {
    const eid = (await call<{ id: string }>('enterpriseSave', { name: '深圳市估值关联有限公司', uscc: usccFor(7004), district: '南山' }))
      .id;
    const asset = (
      await call<{ id: string }>('ipSave', {
        enterpriseId: eid,
        kind: 'invention',
        number: inventionNumber(2018, 44),
        title: '关联专利',
        filingDate: '2018-05-01',
        grantDate: '2020-05-01',
        feePaidThrough: addDays(today, 300),
        owners: ['深圳市估值关联有限公司'],
      })
    ).id;
    const c = (await call<CaseDetail>('caseCreate', { enterpriseId: eid })).record;
    await call('caseItemsSet', { id: c.id, ipAssetIds: [asset] });
    const job = await call<JobStatusView>('valuationStart', {
      enterpriseId: eid,
      title: '关联估值',
      valuationDate: '2026-01-01',
      items: [{ ipAssetId: asset, revenue: [10_000_000, 10_000_000, 10_000_000], shareRate: 0.03, discountRate: 0.1 }],
    });
    const { final } = await finishJob(call, job);
    const { runId, totalFen } = jobResult<{ runId: string; totalFen: number }>(final)!;
    expect(await refusal('caseUpdate', { id, valuationId: runId })).toContain('案件已结案');
    const d = await call<CaseDetail>('caseUpdate', { id: c.id, valuationId: runId });
    expect(d.valuation?.id).toBe(runId);
    expect(d.valueFen).toBe(totalFen);
    // 中国银行 知惠贷 lends 25% of an invention's value.
    const boc = d.products.find((p) => p.product.id === 'boc-zhihuidai')!;
    expect(boc.capacityFen).toBe(Math.floor(totalFen * 0.25));
    expect(boc.reasons.join('；')).toContain('按估值可支持约');
    expect(d.facts.hasValuation).toBe(true);
    // Flags sent one at a time (as the checkboxes do) add up; none undoes another.
    await call('caseUpdate', { id: c.id, confirmations: { register_checked: true }, documents: { licence: true } });
    const both = await call<CaseDetail>('caseUpdate', { id: c.id, confirmations: { no_dispute: true }, documents: { financials: true } });
    expect(both.record.confirmations).toEqual({ register_checked: true, no_dispute: true });
    expect(both.checklist.missingDocuments).not.toContain('营业执照');
    expect(both.checklist.missingDocuments).not.toContain('近两年财务报表');
  });

  it('moves a 待走访 entry on with the first visit, on the visit day; a deleted visit no longer counts', async () => {
    const eid = (await call<{ id: string }>('enterpriseSave', { name: '深圳市待走访测试有限公司', uscc: usccFor(7005), district: '光明' }))
      .id;
    const batch = await call<{ id: string }>('batchCreate', { name: '光明 2026 摸排', district: '光明', surveyedOn: '2026-02-01' });
    const entry = await call<{ id: string; status: string }>('entrySave', {
      batchId: batch.id,
      enterpriseId: eid,
      status: '待走访',
      steward: '周管家',
    });
    const c = (await call<CaseDetail>('caseCreate', { enterpriseId: eid })).record;
    const visitedOn = addDays(today, -3);
    await call<CaseDetail>('visitSave', { caseId: c.id, visitedOn, notes: '首次走访，了解专利情况' });
    const row = () => rt.db!.prepare('SELECT status, last_visit_on AS lastVisitOn FROM whitelist_entries WHERE id = ?').get(entry.id);
    expect(row()).toEqual({ status: '已走访', lastVisitOn: visitedOn });
    expect((await call<{ toStatus: string; reason: string }[]>('entryHistory', { entryId: entry.id })).at(-1)).toMatchObject({
      toStatus: '已走访',
      reason: `走访记录（${visitedOn}）`,
    });
    let d = await call<CaseDetail>('visitSave', { caseId: c.id, visitedOn: addDays(today, -1), notes: '第二次走访' });
    expect(row()).toEqual({ status: '已走访', lastVisitOn: addDays(today, -1) });
    d = await call<CaseDetail>('visitDelete', { id: d.visits[0]!.id });
    expect(d.visits.map((v) => v.visitedOn)).toEqual([visitedOn]);
    expect(row()).toEqual({ status: '已走访', lastVisitOn: visitedOn });
    expect(d.events[0]!.summary).toBe(`删除 ${addDays(today, -1)} 的走访记录`);
    expect(await refusal('visitDelete', { id: 'no-such-visit' })).toBe('走访记录不存在或已删除');
  });
});
