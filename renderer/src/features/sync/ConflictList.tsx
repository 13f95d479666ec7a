import { Card, Empty, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictItemView } from '../../../../shared/types/sync';
import { api } from '../../api';
import { conflictMatches } from '../../../../shared/sync/list-filters';
import { ExportButtons } from '../../components/ExportButtons';
import { ConflictCard } from './ConflictCard';
import { useSyncStore } from './store';

/** The open conflicts, filtered by record or field, reloaded whenever the status says they changed. */
export function ConflictList() {
  const { t } = useTranslation();
  const version = useSyncStore((s) => s.version);
  const [items, setItems] = useState<ConflictItemView[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    void api()
      .syncConflicts({})
      .then(setItems)
      .catch(() => setItems([]));
  }, [version]);
  const shown = items.filter((c) => conflictMatches(c, q));
  return (
    <Card
      title={`${t('sync.conflicts.title')}（${items.length}）`}
      extra={
        items.length > 0 && (
          <Space>
            <Input.Search allowClear placeholder={t('sync.filter')} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} />
            <ExportButtons request={{ kind: 'conflicts', filter: { search: q } }} />
          </Space>
        )
      }
      aria-label="sync-conflicts"
    >
      {items.length === 0 ? (
        <Empty description={t('sync.conflicts.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('sync.conflicts.intro')}
          </Typography.Paragraph>
          {shown.map((c) => (
            <ConflictCard key={c.id} conflict={c} />
          ))}
        </Space>
      )}
    </Card>
  );
}
