import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { LoanList } from '../../../../shared/contract';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import { PORTFOLIO_STATE_LABELS, PORTFOLIO_STATES, type PortfolioRow } from '../../../../shared/domain/loan/portfolio';
import type { LoanFilter } from '../../../../shared/schemas/loan';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { ExportButtons } from '../../components/ExportButtons';
import { fenToWanText } from '../../lib/format';
import { useSyncStore } from '../sync/store';
import { ImportEventsButton } from './ImportEventsButton';
import { LoanFigures } from './LoanFigures';
import { PoolPanel } from './PoolPanel';
import { STATE_COLORS } from './labels';

type State = NonNullable<LoanFilter['state']>;
const STATE_OPTIONS: { value: State; label: string }[] = [
  { value: 'attention', label: '需关注（逾期、违约或担保削弱）' },
  { value: 'weakened', label: '担保削弱' },
  ...PORTFOLIO_STATES.map((s) => ({ value: s, label: PORTFOLIO_STATE_LABELS[s] })),
];

/** 贷后管理: every registered loan with its repayment state and warnings, the officer's figures, and the securitisation pools. */
export function LoansPage() {
  const [filter, setFilter] = useState<LoanFilter>({ search: '', includeClosed: false });
  const [data, setData] = useState<LoanList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  useEffect(() => {
    void api()
      .loansList(filter)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [filter, synced]);
  const set = (patch: Partial<LoanFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="贷后管理"
        extra={
          <Space>
            <ImportEventsButton onDone={() => setFilter((f) => ({ ...f }))} />
            <ExportButtons request={{ kind: 'loans', filter }} />
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="企业、银行、管家或资产池"
            style={{ width: 240 }}
            maxLength={60}
            onSearch={(search) => set({ search })}
          />
          <Select
            allowClear
            placeholder="区"
            style={{ width: 120 }}
            value={filter.district}
            onChange={(district?: District) => set({ district })}
            options={DISTRICTS.map((d) => ({ value: d, label: d }))}
          />
          <Select
            allowClear
            placeholder="银行（总行）"
            style={{ width: 180 }}
            value={filter.bank}
            onChange={(bank?: string) => set({ bank })}
            options={(data?.banks ?? []).map((b) => ({ value: b, label: b }))}
          />
          <Select
            allowClear
            placeholder="还款状态"
            style={{ width: 250 }}
            value={filter.state}
            onChange={(state?: State) => set({ state })}
            options={STATE_OPTIONS}
            aria-label="还款状态"
          />
          <Select
            allowClear
            placeholder="资产池"
            style={{ width: 220 }}
            value={filter.poolName}
            onChange={(poolName?: string) => set({ poolName })}
            options={(data?.pools ?? []).map((p) => ({ value: p, label: p }))}
          />
          <Checkbox checked={filter.includeClosed} onChange={(e) => set({ includeClosed: e.target.checked })}>
            含已结案
          </Checkbox>
        </Space>
        {error && <Alert type="error" showIcon message={`无法读取贷后台账：${error}`} style={{ marginBottom: 12 }} />}
        {data && <LoanFigures figures={data.figures} />}
      </Card>
      {filter.poolName && <PoolPanel poolName={filter.poolName} />}
      <Card size="small">
        <Table<PortfolioRow>
          rowKey="caseId"
          size="small"
          loading={!data && !error}
          dataSource={data?.rows ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 笔` }}
          scroll={{ x: 1500 }}
          locale={{ emptyText: '没有符合条件的贷款：质押登记成功的案件会列在这里' }}
          columns={[
            {
              title: '企业',
              key: 'e',
              width: 220,
              render: (_, r) => (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => navigate(`cases/${r.caseId}`)}
                >
                  {r.enterpriseName}
                </Button>
              ),
            },
            { title: '区', dataIndex: 'district', width: 70 },
            { title: '银行', key: 'b', width: 130, render: (_, r) => r.bank },
            { title: '未还本金', key: 'o', width: 110, align: 'right', render: (_, r) => fenToWanText(r.outstandingFen) },
            { title: '到期日', dataIndex: 'endOn', width: 110 },
            {
              title: '状态',
              key: 's',
              width: 170,
              render: (_, r) => (
                <Space size={2} wrap>
                  <Tag color={STATE_COLORS[r.state]}>{PORTFOLIO_STATE_LABELS[r.state]}</Tag>
                  {r.weakened && <Tag color="red">担保削弱</Tag>}
                  {r.closed && <Tag>已结案</Tag>}
                </Space>
              ),
            },
            {
              title: '逾期',
              key: 'od',
              width: 130,
              render: (_, r) => (r.overdueDays ? `${fenToWanText(r.overdueFen)}，${r.overdueDays} 天` : '—'),
            },
            {
              title: '预警与建议',
              key: 'w',
              width: 380,
              render: (_, r) =>
                r.topWarning ? <Typography.Text type={r.dangers ? 'danger' : 'warning'}>{r.topWarning}</Typography.Text> : '—',
            },
            { title: '资产池', dataIndex: 'poolName', width: 140 },
          ]}
        />
      </Card>
    </Space>
  );
}
