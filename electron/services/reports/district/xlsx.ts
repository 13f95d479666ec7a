/**
 * A district report as .xlsx: one sheet per table, numbers as numbers (amounts in 万元 with a
 * 万元 format, shares as percentages), frozen header rows, the period and as-of time on top.
 */
import ExcelJS from 'exceljs';
import { SUBSIDY_STATUS_LABELS } from '../../../../shared/domain/case-statuses';
import { growthText, headsAndBranches, pledgeKindLabel, type Growth, type Segment } from '../../../../shared/domain/stats';
import type { TargetProgress } from '../../../../shared/domain/targets';
import { ENTRY_STATUSES } from '../../../../shared/domain/whitelist';
import { formatDateTime } from '../../../../shared/time';
import type { AfterLoanFigures, AfterLoanGroup } from '../../../../shared/domain/loan/portfolio';
import type { ReportData } from './data';

const WAN = '#,##0.00"万元"';
const PCT = '0.0%';
const wan = (fen: number) => fen / 1_000_000;
/** 同比 as a number where there is one; else its words (never a division by zero). */
const growthCell = (g: Growth): number | string => (g.kind === 'ratio' ? g.value : growthText(g));

type Cell = string | number | null;
interface SheetSpec {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Number formats by column index. */
  formats?: Record<number, string>;
}

function addSheet(wb: ExcelJS.Workbook, data: ReportData, spec: SheetSpec) {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`${data.title} · ${data.periodLabel} · ${data.districtLabel}`]).font = { bold: true };
  ws.addRow([`数据截至 ${formatDateTime(data.view.asOf)}；同比对照 ${data.view.period.prevFrom} 至 ${data.view.period.prevTo}`]);
  const head = ws.addRow(spec.headers);
  head.font = { bold: true };
  for (const r of spec.rows) ws.addRow(r);
  spec.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, h.length * 2 + 4);
    const fmt = spec.formats?.[i];
    if (fmt) col.eachCell((c, row) => row > 3 && typeof c.value === 'number' && (c.numFmt = fmt));
  });
}

const segmentSheet = (name: string, label: string, segs: Segment[], keyText = (k: string) => k): SheetSpec => ({
  name,
  headers: [label, '笔数', '笔数同比', '登记金额', '金额同比'],
  rows: segs.map((s) => [keyText(s.key), s.count, growthCell(s.countGrowth), wan(s.amountFen), growthCell(s.amountGrowth)]),
  formats: { 2: PCT, 3: WAN, 4: PCT },
});

/** Progress against the districts' yearly targets, as 统计看板 shows it. */
const targetSheet = (t: TargetProgress): SheetSpec => ({
  name: '年度目标',
  headers: [`${t.year} 年（${t.districts.join('、')}）`, '目标', '已完成', '完成率'],
  rows: [
    ...(t.registrations ? [['质押登记笔数', t.registrations.target, t.registrations.actual, t.registrations.share] as Cell[]] : []),
    ...(t.amountFen ? [['登记金额（万元）', wan(t.amountFen.target), wan(t.amountFen.actual), t.amountFen.share] as Cell[]] : []),
  ],
  formats: { 3: PCT },
});

const AFTER_LOAN_HEADERS = ['分组', '名称', '贷款笔数', '未还本金', '逾期笔数', '逾期金额', '担保削弱', '违约笔数', '违约损失', '已回收'];
/** 贷后: the loans as they stand on the report's day, in total, by district and by bank. */
function afterLoanSheet(f: AfterLoanFigures): SheetSpec {
  const row = (group: string, g: AfterLoanGroup): Cell[] => [
    group,
    g.key,
    g.loans,
    wan(g.outstandingFen),
    g.overdue,
    wan(g.overdueFen),
    g.weakened,
    g.defaults,
    wan(g.lossFen),
    wan(g.recoveredFen),
  ];
  return {
    name: '贷后',
    headers: AFTER_LOAN_HEADERS,
    rows: [row('合计', f.total), ...f.byDistrict.map((g) => row('按区', g)), ...f.byBank.map((g) => row('按银行', g))],
    formats: { 3: WAN, 5: WAN, 8: WAN, 9: WAN },
  };
}

export async function reportXlsx(data: ReportData): Promise<Uint8Array> {
  const v = data.view;
  const r = v.registrations;
  const wb = new ExcelJS.Workbook();
  wb.creator = '知融工作台';
  const sheets: SheetSpec[] = [
    {
      name: '概要',
      headers: ['指标', '数值', '同比'],
      rows: [
        ['质押登记笔数', r.total.count, growthCell(r.total.countGrowth)],
        ['登记金额', wan(r.total.amountFen), growthCell(r.total.amountGrowth)],
        ['本期新开案件', v.pipeline.opened, null],
        ['其中已融资', v.pipeline.loaned, null],
        ['转化率', v.pipeline.conversion ?? '本期无新案件', null],
        ['首次走访到放款（中位天数）', v.days.toLoan?.median ?? '无', null],
        ['首次走访到登记（中位天数）', v.days.toRegistration?.median ?? '无', null],
      ],
    },
    {
      name: '月度',
      headers: ['月份', '笔数', '登记金额'],
      rows: r.byMonth.map((m) => [m.month, m.count, wan(m.amountFen)]),
      formats: { 2: WAN },
    },
    segmentSheet('按区', '区', r.byDistrict),
    segmentSheet('按银行', '银行（总行 / 分支机构）', headsAndBranches(r.byBank)),
    segmentSheet('按知识产权类型', '类型', r.byKind, pledgeKindLabel),
    {
      name: '贴息',
      headers: ['状态', '件数', '申报金额', '批准金额', '拨付金额'],
      rows: v.subsidies.map((s) => [
        SUBSIDY_STATUS_LABELS[s.status as keyof typeof SUBSIDY_STATUS_LABELS] ?? s.status,
        s.count,
        wan(s.amountFen),
        wan(s.approvedFen),
        wan(s.paidFen),
      ]),
      formats: { 2: WAN, 3: WAN, 4: WAN },
    },
    {
      name: '管家工作量',
      headers: ['管家', '在办案件', '本期走访', '本期登记', '登记金额'],
      rows: v.workload.map((w) => [w.steward, w.openCases, w.visits, w.registrations, wan(w.amountFen)]),
      formats: { 4: WAN },
    },
    ...(v.targets ? [targetSheet(v.targets)] : []),
    afterLoanSheet(data.afterLoan),
    {
      name: '白名单转化',
      headers: ['批次', '区', '企业数', ...ENTRY_STATUSES],
      rows: v.funnel.map((b) => [b.batch, b.district, b.total, ...ENTRY_STATUSES.map((s) => b.counts[s] ?? 0)]),
    },
  ];
  // The summary's value column mixes counts, 万元 and a share: each cell gets its own format.
  for (const s of sheets) addSheet(wb, data, s);
  const summary = wb.getWorksheet('概要')!;
  summary.getCell('B5').numFmt = WAN;
  summary.getCell('B8').numFmt = PCT;
  for (const row of [4, 5]) summary.getCell(`C${row}`).numFmt = PCT;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
