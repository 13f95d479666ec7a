/**
 * The bank package (融资申请材料包) of a case: the PDF (profile, self-checks, need, items with
 * their pledgeability, valuation, documents) and a .zip holding it with the lists as .xlsx, so
 * the bank receives once what was typed once.
 */
import { zipSync } from 'fflate';
import { IP_KIND_LABELS } from '../../../shared/domain/ip';
import type { IndicatorResult, QualificationResult } from '../../../shared/domain/qualification';
import type { CaseDetail, CaseItemView } from '../../../shared/types/case';
import { writeXlsx, type Column } from '../exporters/sheet-writers';

const ITEM_COLUMNS: Column<CaseItemView>[] = [
  { header: '类型', value: (i) => IP_KIND_LABELS[i.kind] },
  { header: '申请号/注册号', value: (i) => i.displayNumber, width: 20 },
  { header: '名称', value: (i) => i.title, width: 36 },
  { header: '权利人', value: (i) => i.owners.join('、'), width: 30 },
  { header: '授权日', value: (i) => i.grantDate ?? '' },
  { header: '保护期至', value: (i) => i.assessment.expiresOn ?? '续展不限' },
  { header: '能否出质', value: (i) => (i.assessment.pledgeable ? '可出质' : '不能出质') },
  { header: '说明', value: (i) => i.assessment.reasons.map((r) => r.message).join('；'), width: 60 },
];

type Line = IndicatorResult & { set: string; result: string };
const STATUS = { met: '符合', not_met: '不符合', unknown: '待补充' } as const;
const RESULT = { pass: '预计符合', fail: '不符合', unknown: '尚不能确定' } as const;
const CHECK_COLUMNS: Column<Line>[] = [
  { header: '资质', value: (l) => l.set, width: 28 },
  { header: '结论', value: (l) => l.result },
  { header: '指标', value: (l) => l.label, width: 30 },
  { header: '企业情况', value: (l) => l.value, width: 28 },
  { header: '要求', value: (l) => l.threshold, width: 30 },
  { header: '指标结论', value: (l) => STATUS[l.status] },
  { header: '得分', value: (l) => l.points ?? null },
  { header: '满分', value: (l) => l.maxPoints ?? null },
  { header: '需补充', value: (l) => (l.missing ?? []).join('；'), width: 40 },
];

type Doc = CaseDetail['checklist']['documents'][number];
const DOC_COLUMNS: Column<Doc>[] = [
  { header: '材料', value: (d) => d.label, width: 36 },
  { header: '状态', value: (d) => (d.provided ? '已备' : '缺') },
];

export async function bankPackageZip(
  detail: CaseDetail,
  checks: QualificationResult[],
  pdf: Uint8Array,
  baseName: string,
): Promise<Uint8Array> {
  const lines: Line[] = checks.flatMap((c) =>
    c.indicators.map((i) => ({ ...i, set: `${c.set.title}（${c.set.version}）`, result: RESULT[c.result] })),
  );
  return zipSync({
    [`${baseName}.pdf`]: pdf,
    '拟质押知识产权清单.xlsx': await writeXlsx('拟质押知识产权', ITEM_COLUMNS, detail.items),
    '资质自评.xlsx': await writeXlsx('资质自评', CHECK_COLUMNS, lines),
    '材料清单.xlsx': await writeXlsx('材料清单', DOC_COLUMNS, detail.checklist.documents),
  });
}
