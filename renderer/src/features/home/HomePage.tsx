import { Card, Col, Row, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RemindersCard } from '../cases/RemindersCard';
import { IdChecker } from './IdChecker';
import { LoanAlertsCard } from '../loans/LoanAlertsCard';

export function HomePage() {
  const { t } = useTranslation();
  const loop = t('home.loop', { returnObjects: true }) as unknown as string[];
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('home.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
          <Steps current={-1} items={loop.map((title) => ({ title }))} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <RemindersCard />
      </Col>
      <Col xs={24} lg={12}>
        <LoanAlertsCard />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('home.idTitle')}>
          <IdChecker />
        </Card>
      </Col>
    </Row>
  );
}
