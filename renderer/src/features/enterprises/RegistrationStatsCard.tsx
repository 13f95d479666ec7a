import { Card, Col, Empty, Row, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationStats, StatRow } from '../../../../shared/types/case';
import { growthText } from '../../../../shared/domain/stats';
import { api } from '../../api';
import { fenToWanText } from '../../lib/format';

/** 质押登记 figures as the annual list reports them: 笔数, 登记金额, 同比, by year, district and bank. */
export function RegistrationStatsCard({ version }: { version: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<string | undefined>(undefined);
  const [data, setData] = useState<RegistrationStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api()
      .registrationStats(year ? { year } : {})
      .then(
        (s) => (setData(s), setError(null)),
        (e: Error) => setError(e.message),
      );
  }, [year, version]);
  const columns = <K extends string>(key: K, title: string) => [
    { title, dataIndex: key },
    { title: t('ent.reg.count'), dataIndex: 'count', align: 'right' as const },
    { title: t('ent.reg.countGrowth'), key: 'cg', align: 'right' as const, render: (_: unknown, r: StatRow) => growthText(r.countGrowth) },
    { title: t('ent.reg.amount'), key: 'a', align: 'right' as const, render: (_: unknown, r: StatRow) => fenToWanText(r.amountFen) },
    {
      title: t('ent.reg.amountGrowth'),
      key: 'ag',
      align: 'right' as const,
      render: (_: unknown, r: StatRow) => growthText(r.amountGrowth),
    },
  ];
  return (
    <Card
      title={t('ent.reg.title')}
      extra={
        data &&
        data.byYear.length > 0 && (
          <Select
            aria-label={t('ent.reg.year')}
            style={{ width: 110 }}
            value={data.year ?? undefined}
            onChange={setYear}
            options={data.byYear.map((y) => ({ value: y.year, label: y.year }))}
          />
        )
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {data && data.byYear.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.reg.empty')} />}
      {data && data.byYear.length > 0 && (
        <Row gutter={16} data-testid="registration-stats">
          <Col xs={24} xxl={8} style={{ marginBottom: 12 }}>
            <Table rowKey="year" size="small" pagination={false} dataSource={data.byYear} columns={columns('year', t('ent.reg.year'))} />
          </Col>
          <Col xs={24} xxl={8} style={{ marginBottom: 12 }}>
            <Table
              rowKey="district"
              size="small"
              pagination={false}
              dataSource={data.byDistrict}
              columns={columns('district', t('ent.reg.district', { year: data.year }))}
            />
          </Col>
          <Col xs={24} xxl={8} style={{ marginBottom: 12 }}>
            <Table
              rowKey="bank"
              size="small"
              pagination={false}
              dataSource={data.byBank}
              columns={columns('bank', t('ent.reg.bank', { year: data.year }))}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
