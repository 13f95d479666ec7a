import { isPatentKind } from '../../../shared/domain/ip';
import { FORM_PATENT_LIMIT } from '../../../shared/domain/registration';
import { formatYuan } from '../../../shared/money';
import type { CaseDetail } from '../../../shared/types/case';
import { esc } from '../reports/html';

const dash = (v: string | null | undefined) => (v ? esc(v) : '<span class="blank">（未填）</span>');

/**
 * The data of CNIPA's 专利权质押登记申请表, laid out for printing and signing by both parties.
 * Up to 10 patents are listed on the form; more go to the Excel list (patentListXlsx).
 */
export function pledgeFormHtml(d: CaseDetail): string {
  const p = d.pledge;
  const patents = d.items.filter((i) => isPatentKind(i.kind));
  const listed = patents.length > FORM_PATENT_LIMIT ? [] : patents;
  const rows = listed
    .map((i, n) => `<tr><td>${n + 1}</td><td>${esc(i.title)}</td><td>ZL${esc(i.displayNumber)}</td><td>${dash(i.grantDate)}</td></tr>`)
    .join('');
  const more =
    patents.length > FORM_PATENT_LIMIT
      ? `<tr><td colspan="4">共 ${patents.length} 件专利，详见所附《质押专利清单》（Excel）</td></tr>`
      : '';
  const money = (fen: number | null | undefined) => (fen ? `${esc(formatYuan(fen))} 元` : dash(null));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>专利权质押登记申请表</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 12px; color: #222; }
  h1 { font-size: 20px; text-align: center; margin: 0 0 12px; } h2 { font-size: 14px; margin: 16px 0 4px; }
  table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #888; padding: 5px 7px; text-align: left; vertical-align: top; } th { background: #f3f3f3; width: 22%; }
  .blank { color: #b00; } .sign { display: flex; gap: 16px; margin-top: 28px; } .sign div { flex: 1; border: 1px solid #888; height: 90px; padding: 6px; }
  .meta { color: #666; margin-top: 10px; }
</style></head><body>
<h1>专利权质押登记申请表</h1>
<h2>出质人与质权人</h2>
<table>
  <tr><th>出质人（专利权人）</th><td>${esc(d.enterprise.name)}</td></tr>
  <tr><th>统一社会信用代码</th><td>${esc(d.enterprise.uscc)}</td></tr>
  <tr><th>地址</th><td>${dash(d.enterprise.address)}</td></tr>
  <tr><th>质权人</th><td>${dash(p?.pledgee || p?.bank)}</td></tr>
  <tr><th>代理机构</th><td>${p?.agent ? esc(p.agent) : '无（双方自行办理）'}</td></tr>
</table>
<h2>质押专利</h2>
<table><tr><th style="width:6%">序号</th><th style="width:46%">专利名称</th><th>专利号</th><th>授权公告日</th></tr>${rows}${more}</table>
<h2>合同信息</h2>
<table>
  <tr><th>主合同编号</th><td>${dash(p?.loanContractNo)}</td></tr>
  <tr><th>被担保债权种类及数额</th><td>借款，${money(p?.loanFen)}</td></tr>
  <tr><th>债务履行期限</th><td>${dash(p?.loanStart)} 至 ${dash(p?.loanEnd)}</td></tr>
  <tr><th>质押合同编号</th><td>${dash(p?.pledgeContractNo)}</td></tr>
  <tr><th>担保债权数额</th><td>${money(p?.securedFen)}</td></tr>
  <tr><th>质押期限</th><td>${dash(p?.pledgeStart)} 至 ${p?.pledgeEnd ? esc(p.pledgeEnd) : '主债权清偿完毕之日'}</td></tr>
  <tr><th>是否经过资产评估</th><td>${p?.appraised ? '是（附评估报告）' : '否'}</td></tr>
</table>
<div class="sign"><div>出质人（签章）：<br><br><br>日期：</div><div>质权人（签章）：<br><br><br>日期：</div></div>
<div class="meta">随附材料：质押合同；双方身份证明或承诺书；${p?.agent ? '委托书；' : ''}${p?.appraised ? '资产评估报告；' : ''}${patents.length > FORM_PATENT_LIMIT ? '质押专利清单（Excel）；' : ''}由知融工作台生成，请以国家知识产权局现行表格为准核对后提交。</div>
</body></html>`;
}

/** The Excel list CNIPA wants for more than 10 patents: numbers without the dot before the check digit. */
export async function patentListXlsx(d: CaseDetail): Promise<Uint8Array> {
  // Loaded when first used: its start-up costs about 0.1 s, and the first screen needs none of it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = '知融工作台';
  const ws = wb.addWorksheet('质押专利清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '专利号', width: 18 },
    { header: '专利名称', width: 40 },
    { header: '授权公告日', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  d.items.filter((i) => isPatentKind(i.kind)).forEach((i, n) => ws.addRow([n + 1, i.number, i.title, i.grantDate]));
  // Numbers as text, so Excel keeps the check character X and never shows 2.01711E+12.
  ws.getColumn(2).numFmt = '@';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
