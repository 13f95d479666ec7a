import { Alert, Button } from 'antd';
import { PLEDGE_KIND_LABELS } from '../../../../shared/domain/stats';
import type { CaseFilter } from '../../../../shared/schemas/case';

/** The filters a drill-down from the dashboard sets; cleared together. */
export const NO_DRILL: Partial<CaseFilter> = {
  regFrom: undefined,
  regTo: undefined,
  districts: undefined,
  bank: undefined,
  branch: undefined,
  ipKind: undefined,
};

/** Whether the list shows a dashboard segment (set by a drill-down). */
export const isDrill = (f: Partial<CaseFilter>): boolean => !!(f.regFrom || f.regTo || f.districts || f.bank || f.ipKind);

/** Says which dashboard segment the list shows, with a way back to all cases. */
export function DrillNotice({ filter, onClear }: { filter: Partial<CaseFilter>; onClear: () => void }) {
  if (!isDrill(filter)) return null;
  const parts = [
    filter.regFrom || filter.regTo ? `登记日期 ${filter.regFrom ?? '…'} 至 ${filter.regTo ?? '…'}` : null,
    filter.districts?.length ? `区：${filter.districts.join('、')}` : null,
    filter.bank ? `银行：${filter.bank}${filter.branch && filter.branch !== filter.bank ? `（${filter.branch}）` : ''}` : null,
    filter.ipKind ? `质物类型：${PLEDGE_KIND_LABELS[filter.ipKind]}` : null,
  ].filter(Boolean);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`来自统计看板：${parts.join(' · ')}`}
      action={
        <Button size="small" onClick={onClear}>
          查看全部案件
        </Button>
      }
    />
  );
}
