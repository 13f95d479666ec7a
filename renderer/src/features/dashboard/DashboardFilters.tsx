import { DatePicker, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import { api } from '../../api';
import { dayOf, isoOf } from '../../lib/dates';
import type { Period, PeriodMode } from '../../../../shared/domain/periods';

export interface DashboardFilter {
  period: Period;
  districts: District[];
  bank?: string;
  steward?: string;
}

const MODES: { value: PeriodMode; label: string }[] = [
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季' },
  { value: 'year', label: '年' },
  { value: 'custom', label: '自定义' },
];

/** Period (month, quarter, year, custom), districts, bank and steward. */
export function DashboardFilters({
  value,
  onChange,
  banks,
  thisYear,
  districts = DISTRICTS,
}: {
  value: DashboardFilter;
  onChange: (f: DashboardFilter) => void;
  banks: string[];
  thisYear: number;
  /** The districts offered (the central service answers for the user's only). */
  districts?: readonly District[];
}) {
  const [stewards, setStewards] = useState<string[]>([]);
  useEffect(() => {
    void api()
      .stewardsList({})
      .then(setStewards)
      .catch(() => setStewards([]));
  }, []);
  const p = value.period;
  const setPeriod = (patch: Partial<Period>) => onChange({ ...value, period: { ...p, ...patch } });
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  return (
    <Space wrap aria-label="dashboard-filters">
      <Segmented<PeriodMode>
        aria-label="统计周期"
        value={p.mode}
        onChange={(mode) => setPeriod({ mode, part: mode === 'quarter' ? Math.min(p.part, 4) : p.part })}
        options={MODES}
      />
      {p.mode !== 'custom' && (
        <Select
          aria-label="年份"
          style={{ width: 100 }}
          value={p.year}
          onChange={(year) => setPeriod({ year })}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
      )}
      {p.mode === 'quarter' && (
        <Select
          aria-label="季度"
          style={{ width: 110 }}
          value={Math.min(p.part, 4)}
          onChange={(part) => setPeriod({ part })}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))}
        />
      )}
      {p.mode === 'month' && (
        <Select
          aria-label="月份"
          style={{ width: 90 }}
          value={p.part}
          onChange={(part) => setPeriod({ part })}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
        />
      )}
      {p.mode === 'custom' && (
        <DatePicker.RangePicker
          aria-label="自定义区间"
          allowClear={false}
          value={[dayOf(p.from), dayOf(p.to)]}
          onChange={(r) => r?.[0] && r[1] && setPeriod({ from: isoOf(r[0])!, to: isoOf(r[1])! })}
        />
      )}
      <Select<District[]>
        mode="multiple"
        allowClear
        aria-label="所属区"
        placeholder={districts.length < DISTRICTS.length ? `全部（${districts.join('、')}）` : '全部区'}
        style={{ minWidth: 160 }}
        value={value.districts}
        onChange={(chosen) => onChange({ ...value, districts: chosen })}
        options={districts.map((d) => ({ value: d, label: d }))}
        maxTagCount={2}
      />
      <Select
        allowClear
        showSearch
        aria-label="银行"
        placeholder="全部银行"
        style={{ width: 200 }}
        value={value.bank}
        onChange={(bank?: string) => onChange({ ...value, bank })}
        options={banks.map((b) => ({ value: b, label: b }))}
      />
      <Select
        allowClear
        showSearch
        aria-label="管家"
        placeholder="全部管家"
        style={{ width: 130 }}
        value={value.steward}
        onChange={(steward?: string) => onChange({ ...value, steward })}
        options={stewards.map((s) => ({ value: s, label: s }))}
      />
    </Space>
  );
}
