import { Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder, ReminderKind } from '../../../../shared/types/case';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { useCasesStore } from './store';

const KIND_COLORS: Record<ReminderKind, string> = { follow_up: 'blue', fee_due: 'red', pledge_expiring: 'orange', subsidy_window: 'green' };

/** Follow-ups, annual fees, pledges ending and subsidy windows due soon; overdue first. */
export function RemindersCard() {
  const { t } = useTranslation();
  const version = useCasesStore((s) => s.version);
  const [days, setDays] = useState(30);
  const [items, setItems] = useState<Reminder[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api()
      .reminders({ days })
      .then(
        (r) => (setItems(r), setError(null)),
        (e: Error) => setError(e.message),
      );
  }, [days, version]);
  return (
    <Card
      size="small"
      title={t('case.reminders')}
      extra={
        <Space>
          {t('case.within')}
          <Select
            size="small"
            value={days}
            onChange={setDays}
            aria-label={t('case.within')}
            options={[7, 30, 90, 365].map((d) => ({ value: d, label: t('case.days', { n: d }) }))}
          />
        </Space>
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {items && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noReminders', { n: days })} />}
      {items && items.length > 0 && (
        <List
          size="small"
          dataSource={items.slice(0, 12)}
          footer={items.length > 12 ? t('case.moreReminders', { n: items.length - 12 }) : undefined}
          renderItem={(r) => (
            <List.Item
              onClick={r.caseId ? () => navigate(`cases/${r.caseId}`) : undefined}
              style={{ cursor: r.caseId ? 'pointer' : 'default' }}
            >
              <Space wrap>
                <Tag color={KIND_COLORS[r.kind]}>{t(`case.reminderKind.${r.kind}`)}</Tag>
                <Typography.Text type={r.overdue ? 'danger' : undefined}>
                  {r.due}
                  {r.overdue ? ` ${t('case.overdue')}` : ''}
                </Typography.Text>
                {r.enterpriseName && <Typography.Text strong>{r.enterpriseName}</Typography.Text>}
                <Typography.Text>{r.subject}</Typography.Text>
                <Typography.Text type="secondary">{r.message}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
