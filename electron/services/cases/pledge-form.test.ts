import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/types/case';
import { caller } from '../../../test/support/call';
import { inventionNumber, usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';
import { pledgeFormHtml } from './pledge-form';

const tmp = tempDir();
let rt: Runtime;
let printed = '';
const call = caller(() => rt);
let detail: CaseDetail;

beforeAll(async () => {
  // The shell's printer is the one part replaced: it hands back the HTML it was given.
  rt = createRuntime({
    dataDir: tmp.dir,
    version: 't',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
    printPdf: async (html) => ((printed = html), new TextEncoder().encode('%PDF-fake')),
  });
  const name = '深圳市表单测试有限公司';
  const enterpriseId = (
    await call<{ id: string }>('enterpriseSave', { name, uscc: usccFor(8001), district: '福田', address: '福田区深南大道 1 号' })
  ).id;
  const ids: string[] = [];
  for (let n = 1; n <= 11; n++) {
    ids.push(
      (
        await call<{ id: string }>('ipSave', {
          enterpriseId,
          kind: 'invention',
          number: inventionNumber(2019, n),
          title: `表单专利${n}`,
          filingDate: '2019-02-01',
          grantDate: '2021-03-02',
          feePaidThrough: '2030-01-01',
          owners: [name],
        })
      ).id,
    );
  }
  const c = await call<CaseDetail>('caseCreate', { enterpriseId });
  await call('caseItemsSet', { id: c.record.id, ipAssetIds: ids });
  detail = await call<CaseDetail>('pledgeSave', {
    caseId: c.record.id,
    bank: '某银行',
    loanContractNo: 'JK-9',
    loanFen: 123_456_789,
    loanStart: '2026-02-01',
    loanEnd: '2027-02-01',
    pledgeContractNo: 'ZY-9',
    securedFen: 123_456_789,
    pledgeStart: '2026-02-01',
    agent: '某代理所',
  });
});
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

describe('CNIPA application form and patent list', () => {
  it('fills the form from the case and sends more than 10 patents to the Excel list', async () => {
    const r = await call<{ fileName: string; base64: string }>('pledgeForm', { caseId: detail.record.id });
    expect(r.fileName).toBe('专利权质押登记申请表-深圳市表单测试有限公司.pdf');
    expect(printed).toBe(pledgeFormHtml(detail));
    expect(printed).toContain('<td>深圳市表单测试有限公司</td>');
    expect(printed).toContain('借款，1,234,567.89 元');
    expect(printed).toContain('2026-02-01 至 2027-02-01');
    expect(printed).toContain('共 11 件专利，详见所附《质押专利清单》（Excel）');
    expect(printed).toContain('委托书；');
    expect(detail.registration.needsExcelList).toBe(true);
  });

  it('lists every patent number without the dot, as text', async () => {
    const r = await call<{ fileName: string; base64: string }>('pledgeList', { caseId: detail.record.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(12);
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '专利号', '专利名称', '授权公告日']);
    const first = inventionNumber(2019, 1).replace('.', '');
    expect(ws.getRow(2).getCell(2).value).toBe(first);
    expect(typeof ws.getRow(2).getCell(2).value).toBe('string');
  });
});
