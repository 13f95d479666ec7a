/** A district report as HTML for printing: the period and district in every page's header, charts as SVG. */
import { SUBSIDY_STATUS_LABELS } from '../../../../shared/domain/case-statuses';
import { growthText, headsAndBranches, pledgeKindLabel, type Segment } from '../../../../shared/domain/stats';
import type { TargetProgress } from '../../../../shared/domain/targets';
import { ENTRY_STATUSES } from '../../../../shared/domain/whitelist';
import { formatWan } from '../../../../shared/money';
import { formatDateTime } from '../../../../shared/time';
import { esc, REPORT_CSS } from '../html';
import { countAmountChart } from './charts';
import type { ReportData } from './data';

const amount = (fen: number) => formatWan(fen);
const table = (head: string[], rows: (string | number)[][], numeric: number[] = [], empty = '本期没有数据。') =>
  rows.length === 0
    ? `<p class="meta">${esc(empty)}</p>`
    : `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
        .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</table>`;
const segmentTable = (label: string, segs: Segment[], name = (k: string) => k) =>
  segs.length === 0
    ? '<p class="meta">本期没有质押登记。</p>'
    : table(
        [label, '笔数', '笔数同比', '登记金额', '金额同比'],
        segs.map((s) => [name(s.key), s.count, growthText(s.countGrowth), amount(s.amountFen), growthText(s.amountGrowth)]),
        [1, 2, 3, 4],
      );

/** 贷后: loans, overdue, weakened security, defaults and recoveries as they stand on the day the report is made. */
function afterLoanTables(d: ReportData): string {
  const f = d.afterLoan;
  const head = ['贷款笔数', '未还本金', '逾期笔数', '逾期金额', '担保削弱', '违约笔数', '违约损失', '已回收'];
  const cells = (g: (typeof f.byDistrict)[number]) => [
    g.loans,
    amount(g.outstandingFen),
    g.overdue,
    amount(g.overdueFen),
    g.weakened,
    g.defaults,
    amount(g.lossFen),
    amount(g.recoveredFen),
  ];
  const numeric = [1, 2, 3, 4, 5, 6, 7, 8];
  return `${table(['合计', ...head], [['全部', ...cells(f.total)]], numeric, '没有质押登记后的贷款。')}${table(
    ['区', ...head],
    f.byDistrict.map((g) => [g.key, ...cells(g)]),
    numeric,
    '没有质押登记后的贷款。',
  )}${table(
    ['银行（总行）', ...head],
    f.byBank.map((g) => [g.key, ...cells(g)]),
    numeric,
    '没有质押登记后的贷款。',
  )}`;
}

/** The header line printed on every page (the shell's header template). */
export const pageHeader = (d: ReportData) => `${d.title} · ${d.periodLabel} · ${d.districtLabel}`;

/** The year's targets in a sentence, as 统计看板 shows them ('' without targets). */
function targetText(t: TargetProgress | null): string {
  if (!t) return '';
  const share = (s: number | null) => (s === null ? '目标为 0' : `完成 ${(s * 100).toFixed(1)}%`);
  const parts = [
    t.registrations && `登记 ${t.registrations.actual} 笔 / 目标 ${t.registrations.target} 笔（${share(t.registrations.share)}）`,
    t.amountFen && `登记金额 ${amount(t.amountFen.actual)} / 目标 ${amount(t.amountFen.target)}（${share(t.amountFen.share)}）`,
  ].filter(Boolean);
  return parts.length ? `${t.year} 年目标（${t.districts.join('、')}）：${parts.join('；')}。` : '';
}

export function reportHtml(d: ReportData): string {
  const v = d.view;
  const r = v.registrations;
  const days = (s: typeof v.days.toLoan) =>
    s ? `中位 ${Math.round(s.median)} 天（四分位 ${Math.round(s.p25)}–${Math.round(s.p75)} 天，${s.n} 件）` : '无';
  const monthly = r.byMonth.length > 1;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title)}</title>
<style>${REPORT_CSS}
  .chart { margin-top: 8px; } .chart svg { width: 100%; height: auto; }
</style></head><body>
<h1>${esc(d.title)}</h1>
<div class="meta">统计期间：${esc(d.periodLabel)}（${esc(v.period.from)} 至 ${esc(v.period.to)}） · 范围：${esc(d.districtLabel)}</div>
<div class="meta">数据截至 ${esc(formatDateTime(v.asOf))} · 同比对照 ${esc(v.period.prevFrom)} 至 ${esc(v.period.prevTo)} · 由知融工作台生成</div>
<div class="figures">
  <div class="fig">质押登记笔数<b>${r.total.count} 笔</b>同比 ${esc(growthText(r.total.countGrowth))}</div>
  <div class="fig">登记金额<b>${esc(amount(r.total.amountFen))}</b>同比 ${esc(growthText(r.total.amountGrowth))}</div>
  <div class="fig">本期新开案件 / 已融资<b>${v.pipeline.opened} / ${v.pipeline.loaned}</b>转化率 ${v.pipeline.conversion === null ? '—' : `${(v.pipeline.conversion * 100).toFixed(1)}%`}</div>
</div>
<section><h2>一、总体情况</h2>
<p>本期共办理知识产权质押登记 ${r.total.count} 笔，登记金额 ${esc(amount(r.total.amountFen))}，笔数同比 ${esc(growthText(r.total.countGrowth))}，金额同比 ${esc(growthText(r.total.amountGrowth))}。首次走访到放款：${esc(days(v.days.toLoan))}；首次走访到登记：${esc(days(v.days.toRegistration))}。${esc(targetText(v.targets))}</p></section>
${
  monthly
    ? `<section><h2>二、月度登记</h2><div class="chart">${countAmountChart(
        r.byMonth.map((m) => m.month),
        r.byMonth.map((m) => m.count),
        r.byMonth.map((m) => m.amountFen),
        true,
      )}</div>${table(
        ['月份', '笔数', '登记金额'],
        r.byMonth.map((m) => [m.month, m.count, amount(m.amountFen)]),
        [1, 2],
      )}</section>`
    : ''
}
<section><h2>${monthly ? '三' : '二'}、按区</h2>${
    r.byDistrict.length
      ? `<div class="chart">${countAmountChart(
          r.byDistrict.map((s) => s.key),
          r.byDistrict.map((s) => s.count),
          r.byDistrict.map((s) => s.amountFen),
        )}</div>`
      : ''
  }${segmentTable('区', r.byDistrict)}</section>
<section><h2>${monthly ? '四' : '三'}、按银行</h2>${segmentTable('银行（总行 / 分支机构）', headsAndBranches(r.byBank))}</section>
<section><h2>${monthly ? '五' : '四'}、按知识产权类型</h2>${segmentTable('类型', r.byKind, pledgeKindLabel)}</section>
<section><h2>${monthly ? '六' : '五'}、贴息申报（本期提交）</h2>${
    v.subsidies.length
      ? table(
          ['状态', '件数', '申报金额', '批准金额', '拨付金额'],
          v.subsidies.map((s) => [
            SUBSIDY_STATUS_LABELS[s.status as keyof typeof SUBSIDY_STATUS_LABELS] ?? s.status,
            s.count,
            amount(s.amountFen),
            amount(s.approvedFen),
            amount(s.paidFen),
          ]),
          [1, 2, 3, 4],
        )
      : '<p class="meta">本期没有提交的贴息申请。</p>'
  }</section>
<section><h2>${monthly ? '七' : '六'}、管家工作量</h2>${table(
    ['管家', '在办案件', '本期走访', '本期登记', '登记金额'],
    v.workload.map((w) => [w.steward, w.openCases, w.visits, w.registrations, amount(w.amountFen)]),
    [1, 2, 3, 4],
  )}</section>
<section><h2>${monthly ? '八' : '七'}、白名单转化（按批次，当前状态）</h2>${table(
    ['批次', '区', '企业数', ...ENTRY_STATUSES],
    v.funnel.map((b) => [b.batch, b.district, b.total, ...ENTRY_STATUSES.map((s) => b.counts[s] ?? 0)]),
    [2, 3, 4, 5, 6, 7, 8],
  )}</section>
<section><h2>${monthly ? '九' : '八'}、贷后情况（截至制表日）</h2>${afterLoanTables(d)}</section>
<section><h2>说明</h2><p class="meta">笔数为期间内登记日期落在本期、国家知识产权局已登记（含其后变更、注销）的质押；登记金额取担保债权数额，未填时取贷款金额。同比对照上年同期；上年同期为 0 或无数据时不计算比率。</p></section>
</body></html>`;
}
