import { Card, Col, Row, Statistic, Table, Tabs } from 'antd';
import { ROUTE_INFO } from '../../../../shared/domain/loan/disposal';
import type { AfterLoanFigures, AfterLoanGroup } from '../../../../shared/domain/loan/portfolio';
import { fenToWanText } from '../../lib/format';

const rate = (loss: number, rec: number) => (loss ? `${((rec / loss) * 100).toFixed(1)}%` : '—');

const groupColumns = (title: string) => [
  { title, dataIndex: 'key', key: 'k' },
  { title: '贷款笔数', dataIndex: 'loans', key: 'n', align: 'right' as const },
  { title: '未还本金', key: 'o', align: 'right' as const, render: (_: unknown, g: AfterLoanGroup) => fenToWanText(g.outstandingFen) },
  { title: '逾期笔数', dataIndex: 'overdue', key: 'od', align: 'right' as const },
  { title: '逾期金额', key: 'of', align: 'right' as const, render: (_: unknown, g: AfterLoanGroup) => fenToWanText(g.overdueFen) },
  { title: '担保削弱', dataIndex: 'weakened', key: 'w', align: 'right' as const },
  { title: '违约笔数', dataIndex: 'defaults', key: 'd', align: 'right' as const },
  { title: '违约损失', key: 'l', align: 'right' as const, render: (_: unknown, g: AfterLoanGroup) => fenToWanText(g.lossFen) },
  { title: '回收率', key: 'r', align: 'right' as const, render: (_: unknown, g: AfterLoanGroup) => rate(g.lossFen, g.recoveredFen) },
];

/** The officer's after-loan figures: overdue, weakened security, defaults and recoveries, by district, bank and disposal route. */
export function LoanFigures({ figures, compact = false }: { figures: AfterLoanFigures; compact?: boolean }) {
  const t = figures.total;
  return (
    <Row gutter={[12, 12]} data-testid="loan-figures">
      {[
        ['在贷笔数', String(t.loans)],
        ['未还本金', fenToWanText(t.outstandingFen)],
        ['逾期', `${t.overdue} 笔 / ${fenToWanText(t.overdueFen)}`],
        ['担保削弱', `${t.weakened} 笔`],
        ['违约', `${t.defaults} 笔 / 损失 ${fenToWanText(t.lossFen)}`],
        ['回收率', rate(t.lossFen, t.recoveredFen)],
      ].map(([title, value]) => (
        <Col key={title} xs={12} lg={4}>
          <Card size="small">
            <Statistic title={title} value={value} valueStyle={{ fontSize: 18 }} />
          </Card>
        </Col>
      ))}
      {!compact && (
        <Col span={24}>
          <Tabs
            size="small"
            items={[
              {
                key: 'district',
                label: '按区',
                children: (
                  <Table size="small" rowKey="key" pagination={false} dataSource={figures.byDistrict} columns={groupColumns('区')} />
                ),
              },
              {
                key: 'bank',
                label: '按银行',
                children: (
                  <Table size="small" rowKey="key" pagination={false} dataSource={figures.byBank} columns={groupColumns('银行（总行）')} />
                ),
              },
              {
                key: 'route',
                label: '按处置方式',
                children: (
                  <Table
                    size="small"
                    rowKey="route"
                    pagination={false}
                    dataSource={figures.byRoute}
                    locale={{ emptyText: '没有违约贷款' }}
                    columns={[
                      { title: '处置方式', key: 'r', render: (_, r) => (r.route === 'none' ? '尚未处置' : ROUTE_INFO[r.route].label) },
                      { title: '违约笔数', dataIndex: 'count', align: 'right' },
                      { title: '违约损失', key: 'l', align: 'right', render: (_, r) => fenToWanText(r.lossFen) },
                      { title: '已回收', key: 'c', align: 'right', render: (_, r) => fenToWanText(r.recoveredFen) },
                      { title: '回收率', key: 'p', align: 'right', render: (_, r) => rate(r.lossFen, r.recoveredFen) },
                    ]}
                  />
                ),
              },
            ]}
          />
        </Col>
      )}
    </Row>
  );
}
