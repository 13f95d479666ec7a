import { Alert, Card, Col, Descriptions, Row, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import type { Concentration } from '../../../../shared/domain/loan/pool';
import { api } from '../../api';
import { ExportButtons } from '../../components/ExportButtons';
import { fenToWanText } from '../../lib/format';

const share = (x: number) => `${(x * 100).toFixed(1)}%`;
const concentration = (title: string, rows: Concentration[]) => (
  <Table
    size="small"
    rowKey="key"
    pagination={false}
    dataSource={rows}
    columns={[
      { title, dataIndex: 'key' },
      { title: '笔数', dataIndex: 'count', align: 'right' },
      { title: '未还本金', key: 'o', align: 'right', render: (_, g) => fenToWanText(g.outstandingFen) },
      { title: '占比', key: 's', align: 'right', render: (_, g) => share(g.share) },
    ]}
  />
);

/** A securitisation pool (知识产权 ABS 底层资产池): totals and concentration of its loans. */
export function PoolPanel({ poolName }: { poolName: string }) {
  const [data, setData] = useState<OutputOf<'loanPoolView'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    void api()
      .loanPoolView({ poolName })
      .then(setData)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [poolName]);
  if (error) return <Alert type="error" showIcon message={`无法读取资产池：${error}`} />;
  if (!data) return null;
  const v = data.view;
  return (
    <Card
      size="small"
      title={`资产池：${poolName}`}
      extra={<ExportButtons request={{ kind: 'loan-pool', filter: { poolName } }} />}
      data-testid="pool-panel"
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="贷款笔数">{v.count}</Descriptions.Item>
        <Descriptions.Item label="本金合计">{fenToWanText(v.principalFen)}</Descriptions.Item>
        <Descriptions.Item label="未还本金">{fenToWanText(v.outstandingFen)}</Descriptions.Item>
        <Descriptions.Item label="加权年利率">
          {v.weightedRatePercent === null ? '—' : `${v.weightedRatePercent.toFixed(2)}%`}
        </Descriptions.Item>
        <Descriptions.Item label="加权剩余期限">
          {v.weightedDaysToMaturity === null ? '—' : `${Math.round(v.weightedDaysToMaturity)} 天`}
        </Descriptions.Item>
        <Descriptions.Item label="质押物">{v.itemCount} 项</Descriptions.Item>
        <Descriptions.Item label="逾期 / 担保削弱">{`${v.overdueLoans} / ${v.weakenedLoans} 笔`}</Descriptions.Item>
        <Descriptions.Item label="最大单一借款人占比">{share(v.largestBorrowerShare)}</Descriptions.Item>
      </Descriptions>
      <Row gutter={12}>
        <Col xs={24} lg={8}>
          {concentration('区', v.byDistrict)}
        </Col>
        <Col xs={24} lg={8}>
          {concentration('行业', v.bySector)}
        </Col>
        <Col xs={24} lg={8}>
          {concentration('剩余期限', v.byMaturity)}
        </Col>
      </Row>
    </Card>
  );
}
