import { Button, Card, Empty, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/time';
import type { RejectionView } from '../../../../shared/types/sync';
import { rejectionMatches } from '../../../../shared/sync/list-filters';
import { api } from '../../api';
import { ExportButtons } from '../../components/ExportButtons';
import { useSyncStore } from './store';

/** The changes the server refused (already undone here), with its reasons, until dismissed. */
export function RejectionList() {
  const { t } = useTranslation();
  const version = useSyncStore((s) => s.version);
  const [items, setItems] = useState<RejectionView[]>([]);
  const [q, setQ] = useState('');
  const load = () =>
    void api()
      .syncRejections({})
      .then(setItems)
      .catch(() => setItems([]));
  useEffect(load, [version]);
  const dismiss = async (id: string) => {
    await api().syncRejectionDismiss({ id });
    load();
    void useSyncStore.getState().refresh();
  };
  const shown = items.filter((r) => rejectionMatches(r, q));
  return (
    <Card
      title={`${t('sync.rejections.title')}（${items.length}）`}
      extra={
        items.length > 0 && (
          <Space>
            <Input.Search allowClear placeholder={t('sync.filter')} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} />
            <ExportButtons request={{ kind: 'rejections', filter: { search: q } }} />
          </Space>
        )
      }
      aria-label="sync-rejections"
    >
      {items.length === 0 ? (
        <Empty description={t('sync.rejections.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('sync.rejections.intro')}</Typography.Paragraph>
          <Table<RejectionView>
            rowKey="id"
            size="small"
            dataSource={shown}
            pagination={shown.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { key: 'label', title: t('sync.rejections.change'), dataIndex: 'label', width: 160 },
              { key: 'reasons', title: t('sync.rejections.reasons'), render: (_, r) => r.reasons.join('；') },
              { key: 'madeAt', title: t('sync.rejections.madeAt'), width: 150, render: (_, r) => formatDateTime(r.madeAt) },
              { key: 'rejectedAt', title: t('sync.rejections.rejectedAt'), width: 150, render: (_, r) => formatDateTime(r.rejectedAt) },
              {
                key: 'dismiss',
                title: '',
                width: 90,
                render: (_, r) => (
                  <Button size="small" onClick={() => void dismiss(r.id)}>
                    {t('sync.rejections.dismiss')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
