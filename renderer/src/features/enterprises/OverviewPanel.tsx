import { Alert, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type OfficerOverviewView } from '../../../../shared/contract';
import { api } from '../../api';
import { EChart } from '../../components/EChart';
import { NumberFilter } from '../../components/NumberFilter';
import { fenToWanText } from '../../lib/format';
import { RegistrationStatsCard } from './RegistrationStatsCard';
import { useEnterprisesStore } from './store';

/** The district officer's view: funnel, districts, stewards, and who has not been visited. */
export function OverviewPanel() {
  const { t } = useTranslation();
  const { version, set } = useEnterprisesStore();
  const [days, setDays] = useState(30);
  const [data, setData] = useState<OfficerOverviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api()
      .officerOverview({ notVisitedDays: days })
      .then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [days, version]);
  const funnel = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '4%',
          width: '62%',
          label: { formatter: '{b}：{c}' },
          data: (data?.funnel.steps ?? []).map((f) => ({ name: f.label, value: f.count })),
        },
      ],
    }),
    [data],
  );
  const districts = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('ent.overview.enterprises'), t('ent.overview.whitelisted'), t('ent.overview.loaned')] },
      grid: { left: 40, right: 10, bottom: 60, top: 36 },
      xAxis: {
        type: 'category',
        data: (data?.byDistrict ?? []).map((d) => d.district),
        axisLabel: { interval: 0, fontSize: 11, rotate: 30 },
      },
      yAxis: { type: 'value' },
      series: [
        { name: t('ent.overview.enterprises'), type: 'bar', data: (data?.byDistrict ?? []).map((d) => d.enterprises) },
        { name: t('ent.overview.whitelisted'), type: 'bar', data: (data?.byDistrict ?? []).map((d) => d.whitelisted) },
        { name: t('ent.overview.loaned'), type: 'bar', data: (data?.byDistrict ?? []).map((d) => d.loaned) },
      ],
    }),
    [data, t],
  );
  if (error) return <Alert type="error" showIcon title={error} />;
  if (data && data.totals.entries === 0) return <Empty description={t('ent.emptyHint')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title={t('ent.overview.totalEnterprises')} value={data?.totals.enterprises ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('ent.overview.totalEntries')} value={data?.totals.entries ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('ent.overview.totalNeed')} value={fenToWanText(data?.totals.needFen ?? 0)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('ent.overview.notVisited', { days })}
              value={data?.notVisited.count ?? 0}
              valueStyle={{ color: '#cf1322' }}
            />
            <a
              onClick={() =>
                set({ tab: 'enterprises', enterpriseFilter: { notVisitedForDays: days, statuses: ['待走访', '已走访', '推进中'] } })
              }
            >
              →
            </a>
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Card title={t('ent.overview.funnel')}>
            <EChart option={funnel} label={t('ent.overview.funnel')} />
            <Typography.Text type="secondary">
              {t('ent.overview.exits', { list: (data?.funnel.exits ?? []).map((x) => `${x.status} ${x.count}`).join('、') })}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={14}>
          <Card title={t('ent.overview.byDistrict')}>
            <EChart option={districts} label={t('ent.overview.byDistrict')} />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('ent.overview.bySteward')}
        extra={
          <Space>
            {t('ent.overview.days')}
            <NumberFilter
              label={t('ent.overview.days')}
              unit="plain"
              unitLabel="天"
              schema={contract.officerOverview.input.shape.notVisitedDays}
              value={days}
              onChange={(v) => v && setDays(v)}
              width={110}
            />
          </Space>
        }
      >
        <Table
          rowKey="steward"
          size="small"
          pagination={false}
          dataSource={data?.bySteward ?? []}
          columns={[
            { title: t('ent.col.steward'), dataIndex: 'steward' },
            { title: t('ent.overview.enterprises'), dataIndex: 'enterprises', align: 'right' },
            { title: t('ent.overview.loaned'), dataIndex: 'loaned', align: 'right' },
            { title: t('ent.col.need'), dataIndex: 'needFen', align: 'right', render: fenToWanText },
            { title: t('ent.overview.overdue'), dataIndex: 'overdue', align: 'right' },
          ]}
        />
      </Card>
      <RegistrationStatsCard version={version} />
    </Space>
  );
}
