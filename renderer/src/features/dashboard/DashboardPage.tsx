import { AfterLoanCard } from '../loans/AfterLoanCard';
import { SelfCheckOverviewCard } from '../profile/SelfCheckOverviewCard';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { SUBSIDY_STATUS_LABELS } from '../../../../shared/domain/case-statuses';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import { growthText, pledgeKindLabel, type Growth, type Segment } from '../../../../shared/domain/stats';
import { ENTRY_STATUSES } from '../../../../shared/domain/whitelist';
import { todayIso } from '../../../../shared/domain/dates';
import type { CaseFilter } from '../../../../shared/schemas/case';
import { formatDateTime } from '../../../../shared/time';
import type { DashboardView } from '../../../../shared/types/stats';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { EChart } from '../../components/EChart';
import { fenToWanText } from '../../lib/format';
import { NO_DRILL } from '../cases/DrillNotice';
import { useCasesStore } from '../cases/store';
import { DashboardFilters, type DashboardFilter } from './DashboardFilters';
import { ReportButtons } from './ReportButtons';
import { TargetsCard } from './TargetsCard';
import { useAccount, useSyncStore } from '../sync/store';
import { periodLabel, rangeOf } from '../../../../shared/domain/periods';
import { STATS_ROLES } from '../../../../shared/sync/roles';

/** Where the figures come from: this computer's data, or the central service's for the user's districts. */
type Source = 'local' | 'central';

const wan = (fen: number) => Math.round(fen / 10_000) / 100;
const growthColor = (g: Growth) => (g.kind !== 'ratio' ? undefined : g.value >= 0 ? '#389e0d' : '#cf1322');

/** Opens the case list on exactly the registrations behind a number or a segment. */
type BankRow = Segment & { label: string; rowKey: string; head?: string; children?: BankRow[] };

/** Head banks with their branches as written below them (a row expands when it has any). */
const bankRows = (heads: readonly Segment[]): BankRow[] =>
  heads.map((h) => ({
    ...h,
    label: h.key,
    rowKey: h.key,
    children: h.branches?.map((b) => ({ ...b, label: b.key, rowKey: `${h.key}/${b.key}`, head: h.key })),
  }));

function drill(from: string, to: string, f: DashboardFilter, patch: Partial<CaseFilter> = {}) {
  const store = useCasesStore.getState();
  store.setFilter({
    ...NO_DRILL,
    search: '',
    stage: undefined,
    district: undefined,
    pausedOnly: false,
    includeClosed: true,
    steward: f.steward,
    regFrom: from,
    regTo: to,
    districts: f.districts.length ? f.districts : undefined,
    bank: f.bank,
    branch: undefined,
    ...patch,
  });
  navigate('cases');
}

function Kpi({
  title,
  value,
  growth,
  note,
  onClick,
}: {
  title: string;
  value: string;
  growth?: Growth;
  note?: string;
  onClick?: () => void;
}) {
  return (
    <Card size="small" hoverable={!!onClick} onClick={onClick} style={{ height: '100%' }}>
      <Statistic title={title} value={value} />
      {growth && (
        <Typography.Text style={{ color: growthColor(growth) }} type={growth.kind === 'ratio' ? undefined : 'secondary'}>
          同比 {growthText(growth)}
        </Typography.Text>
      )}
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

const barOption = (segments: { key: string; label: string; count: number; amountFen: number }[], horizontal = false) => ({
  tooltip: { trigger: 'axis' },
  legend: { data: ['笔数', '登记金额（万元）'], top: 0 },
  grid: { left: horizontal ? 150 : 50, right: 50, top: 40, bottom: 30 },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: segments.map((s) => s.label), ...(horizontal ? { inverse: true } : {}) },
  [horizontal ? 'xAxis' : 'yAxis']: [
    { type: 'value', name: '笔数', minInterval: 1 },
    { type: 'value', name: '万元', splitLine: { show: false } },
  ],
  series: [
    { name: '笔数', type: 'bar', data: segments.map((s) => s.count), [horizontal ? 'xAxisIndex' : 'yAxisIndex']: 0 },
    { name: '登记金额（万元）', type: 'bar', data: segments.map((s) => wan(s.amountFen)), [horizontal ? 'xAxisIndex' : 'yAxisIndex']: 1 },
  ],
});

const segmentColumns = (label: string) => [
  { key: 'key', title: label, dataIndex: 'label' },
  { key: 'count', title: '笔数', dataIndex: 'count', align: 'right' as const },
  { key: 'countGrowth', title: '笔数同比', render: (_: unknown, s: Segment) => growthText(s.countGrowth), align: 'right' as const },
  { key: 'amount', title: '登记金额', render: (_: unknown, s: Segment) => fenToWanText(s.amountFen), align: 'right' as const },
  { key: 'amountGrowth', title: '金额同比', render: (_: unknown, s: Segment) => growthText(s.amountGrowth), align: 'right' as const },
];

/** A table of segments (districts, kinds), each row opening the cases behind it. */
function SegmentTable({
  segments,
  title,
  labelOf = (k) => k,
  onPick,
}: {
  segments: readonly Segment[];
  title: string;
  labelOf?: (key: string) => string;
  onPick(s: Segment): void;
}) {
  return (
    <Table<Segment & { label: string }>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={segments.map((s) => ({ ...s, label: labelOf(s.key) }))}
      columns={segmentColumns(title)}
      onRow={(s) => ({ onClick: () => onPick(s), style: { cursor: 'pointer' } })}
    />
  );
}

/** 统计看板: the district officer's figures for a period, each drilling down to its cases. */
export function DashboardPage() {
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [filter, setFilter] = useState<DashboardFilter>({
    period: { mode: 'year', year: thisYear, part: Number(today.slice(5, 7)), from: `${thisYear}-01-01`, to: today },
    districts: [],
  });
  const [view, setView] = useState<DashboardView | null>(null);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  const account = useAccount();
  const canCentral = !!account && STATS_ROLES.includes(account.role);
  const [chosenSource, setSource] = useState<Source>('local');
  const source: Source = canCentral ? chosenSource : 'local';
  const scope = source === 'central' && account ? account.districts : undefined;
  const [saved, setSaved] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [banks, setBanks] = useState<string[]>([]);
  const { from, to } = rangeOf(filter.period);
  // The central service answers for the user's districts only: others chosen before are left out.
  const districts = useMemo(
    () => (scope ? filter.districts.filter((d) => scope.includes(d)) : filter.districts),
    [scope, filter.districts],
  );
  const shown = { ...filter, districts };
  const request = JSON.stringify({ from, to, districts, bank: filter.bank, steward: filter.steward });
  useEffect(() => {
    let live = true;
    setError(null);
    const f = JSON.parse(request) as { from: string; to: string; districts: District[] };
    (source === 'central' ? api().dashboardCentral(f) : api().dashboard(f)).then(
      (v) => {
        if (!live) return;
        setView(v);
        setError(null);
        setBanks((b) => [...new Set([...b, ...v.registrations.byBank.map((s) => s.key)])].sort((x, y) => x.localeCompare(y, 'zh-Hans-CN')));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [request, synced, saved, source]);

  const r = view?.registrations;
  const months = useMemo(() => r?.byMonth ?? [], [r]);
  const lastDay = (month: string) =>
    rangeOf({ mode: 'month', year: Number(month.slice(0, 4)), part: Number(month.slice(5, 7)), from, to }).to;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
            <Space wrap align="start">
              {canCentral && (
                <Segmented<Source>
                  aria-label="数据来源"
                  value={source}
                  onChange={(s) => {
                    setSource(s);
                    setView(null);
                  }}
                  options={[
                    { value: 'local', label: '本机数据' },
                    { value: 'central', label: '中心服务' },
                  ]}
                />
              )}
              <DashboardFilters value={shown} onChange={setFilter} banks={banks} thisYear={thisYear} districts={scope} />
            </Space>
            <ReportButtons period={filter.period} districts={districts} narrowed={!!filter.bank || !!filter.steward} />
          </Space>
          <Typography.Text type="secondary">
            {source === 'central' ? '来源：中心服务（点开的案件列表为本机已同步的数据）· ' : canCentral ? '来源：本机数据 · ' : ''}
            {periodLabel(filter.period)}（{from} 至 {to}）·{' '}
            {districts.length ? districts.join('、') : scope && scope.length < DISTRICTS.length ? `全部（${scope.join('、')}）` : '全部区'}
            {view && ` · 数据截至 ${formatDateTime(view.asOf)} · 同比对照 ${view.period.prevFrom} 至 ${view.period.prevTo}`}
          </Typography.Text>
        </Space>
      </Card>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            source === 'central' ? (
              <Button size="small" onClick={() => setSource('local')}>
                改看本机数据
              </Button>
            ) : undefined
          }
        />
      )}
      {!view || !r ? (
        !error && <Skeleton active />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col span={6}>
              <Kpi title="质押登记笔数" value={`${r.total.count} 笔`} growth={r.total.countGrowth} onClick={() => drill(from, to, shown)} />
            </Col>
            <Col span={6}>
              <Kpi
                title="登记金额"
                value={fenToWanText(r.total.amountFen)}
                growth={r.total.amountGrowth}
                onClick={() => drill(from, to, shown)}
              />
            </Col>
            <Col span={6}>
              <Kpi
                title="本期新开案件 / 已融资"
                value={`${view.pipeline.opened} / ${view.pipeline.loaned}`}
                note={`转化率 ${view.pipeline.conversion === null ? '—（本期无新案件）' : `${(view.pipeline.conversion * 100).toFixed(1)}%`}`}
              />
            </Col>
            <Col span={6}>
              <Kpi
                title="首次走访到放款（中位）"
                value={view.days.toLoan ? `${Math.round(view.days.toLoan.median)} 天` : '—'}
                note={
                  view.days.toLoan
                    ? `四分位 ${Math.round(view.days.toLoan.p25)}–${Math.round(view.days.toLoan.p75)} 天，${view.days.toLoan.n} 件${view.days.toRegistration ? ` · 到登记中位 ${Math.round(view.days.toRegistration.median)} 天` : ''}`
                    : '本期没有走访后登记的案件'
                }
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <TargetsCard
                targets={view.targets}
                year={Number(to.slice(0, 4))}
                districts={districts}
                narrowed={!!filter.bank || !!filter.steward}
                onSaved={() => setSaved((n) => n + 1)}
              />
            </Col>
            <Col span={16}>
              <Card title="月度质押登记" size="small">
                {r.total.count === 0 ? (
                  <Empty description="本期没有质押登记" image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart
                    label="月度质押登记"
                    height={260}
                    onClick={({ dataIndex }) => {
                      const m = months[dataIndex];
                      if (!m) return;
                      // The month within the period (a custom period may start or end inside it).
                      const first = `${m.month}-01`;
                      drill(first < from ? from : first, lastDay(m.month) > to ? to : lastDay(m.month), shown);
                    }}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { data: ['笔数', '登记金额（万元）'], top: 0 },
                      grid: { left: 50, right: 60, top: 40, bottom: 30 },
                      xAxis: { type: 'category', data: months.map((m) => m.month) },
                      yAxis: [
                        { type: 'value', name: '笔数', minInterval: 1 },
                        { type: 'value', name: '万元', splitLine: { show: false } },
                      ],
                      series: [
                        { name: '笔数', type: 'bar', data: months.map((m) => m.count) },
                        { name: '登记金额（万元）', type: 'line', yAxisIndex: 1, data: months.map((m) => wan(m.amountFen)) },
                      ],
                    }}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Card title="按区" size="small">
                <EChart
                  label="按区的质押登记"
                  height={240}
                  onClick={({ name }) => drill(from, to, shown, { districts: [name as District] })}
                  option={barOption(r.byDistrict.map((s) => ({ ...s, label: s.key })))}
                />
                <SegmentTable
                  segments={r.byDistrict}
                  title="区"
                  onPick={(s) => drill(from, to, shown, { districts: [s.key as District] })}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card title="按知识产权类型" size="small">
                <EChart
                  label="按知识产权类型的质押登记"
                  height={240}
                  onClick={({ dataIndex }) => {
                    const s = r.byKind[dataIndex];
                    if (s) drill(from, to, shown, { ipKind: s.key as CaseFilter['ipKind'] });
                  }}
                  option={{
                    tooltip: { trigger: 'item', formatter: '{b}：{c} 笔（{d}%）' },
                    series: [
                      {
                        type: 'pie',
                        radius: ['35%', '65%'],
                        data: r.byKind.map((s) => ({ name: pledgeKindLabel(s.key), value: s.count })),
                      },
                    ],
                  }}
                />
                <SegmentTable
                  segments={r.byKind}
                  title="类型"
                  labelOf={pledgeKindLabel}
                  onPick={(s) => drill(from, to, shown, { ipKind: s.key as CaseFilter['ipKind'] })}
                />
              </Card>
            </Col>
          </Row>
          <Card title="按银行" size="small">
            <EChart
              label="按银行的质押登记"
              height={Math.max(200, r.byBank.length * 28 + 60)}
              onClick={({ name }) => drill(from, to, shown, { bank: name })}
              option={barOption(
                r.byBank.slice(0, 15).map((s) => ({ ...s, label: s.key })),
                true,
              )}
            />
            <Table<BankRow>
              size="small"
              rowKey="rowKey"
              pagination={r.byBank.length > 10 ? { pageSize: 10 } : false}
              dataSource={bankRows(r.byBank)}
              columns={segmentColumns('银行（总行 / 分支机构）')}
              onRow={(s) => ({
                onClick: () => drill(from, to, shown, s.head ? { bank: s.head, branch: s.key } : { bank: s.key }),
                style: { cursor: 'pointer' },
              })}
            />
          </Card>
          <Row gutter={16}>
            <Col span={12}>
              <Card title="贴息申报（本期提交）" size="small">
                <Table
                  size="small"
                  rowKey="status"
                  pagination={false}
                  locale={{ emptyText: '本期没有提交的贴息申请' }}
                  dataSource={view.subsidies}
                  columns={[
                    {
                      key: 'status',
                      title: '状态',
                      render: (_, s) => SUBSIDY_STATUS_LABELS[s.status as keyof typeof SUBSIDY_STATUS_LABELS] ?? s.status,
                    },
                    { key: 'count', title: '件数', dataIndex: 'count', align: 'right' },
                    { key: 'amount', title: '申报金额', render: (_, s) => fenToWanText(s.amountFen), align: 'right' },
                    { key: 'approved', title: '批准金额', render: (_, s) => fenToWanText(s.approvedFen), align: 'right' },
                    { key: 'paid', title: '拨付金额', render: (_, s) => fenToWanText(s.paidFen), align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card title="管家工作量" size="small">
                <Table
                  size="small"
                  rowKey="steward"
                  pagination={view.workload.length > 8 ? { pageSize: 8 } : false}
                  locale={{ emptyText: '没有案件' }}
                  dataSource={view.workload}
                  columns={[
                    { key: 'steward', title: '管家', dataIndex: 'steward' },
                    { key: 'open', title: '在办案件', dataIndex: 'openCases', align: 'right' },
                    { key: 'visits', title: '本期走访', dataIndex: 'visits', align: 'right' },
                    { key: 'regs', title: '本期登记', dataIndex: 'registrations', align: 'right' },
                    { key: 'amount', title: '登记金额', render: (_, w) => fenToWanText(w.amountFen), align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card title="白名单转化（按批次，当前状态）" size="small">
            <Table
              size="small"
              rowKey={(b) => `${b.district}/${b.batch}`}
              pagination={view.funnel.length > 8 ? { pageSize: 8 } : false}
              locale={{ emptyText: '还没有白名单批次' }}
              dataSource={view.funnel}
              columns={[
                { key: 'batch', title: '批次', dataIndex: 'batch' },
                { key: 'district', title: '区', dataIndex: 'district' },
                { key: 'total', title: '企业数', dataIndex: 'total', align: 'right' },
                ...ENTRY_STATUSES.map((s) => ({
                  key: s,
                  title: s,
                  align: 'right' as const,
                  render: (_: unknown, b: DashboardView['funnel'][number]) => b.counts[s] ?? 0,
                })),
              ]}
            />
          </Card>
          <AfterLoanCard districts={districts} bank={filter.bank} />
          <SelfCheckOverviewCard />
        </>
      )}
    </Space>
  );
}
