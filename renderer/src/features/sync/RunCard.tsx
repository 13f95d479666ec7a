import { Alert, Button, Card, Descriptions, Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/time';
import type { SyncStatusView } from '../../../../shared/types/sync';
import { api } from '../../api';
import { useSyncStore } from './store';

const now = (allowMassRemoval = false) => api().syncNow({ allowMassRemoval }).then(useSyncStore.getState().set);

/** The progress line: pushed so far, then received out of the whole first pull when the server said how many. */
function progressText(t: ReturnType<typeof useTranslation>['t'], p: NonNullable<SyncStatusView['progress']>) {
  if (p.phase === 'push') return t('sync.run.pushing', { n: p.pushed });
  if (p.phase === 'index') return t('sync.run.indexing', { n: p.pulled });
  return p.total ? t('sync.run.pullingOf', { n: p.pulled, total: p.total }) : t('sync.run.pulling', { n: p.pulled });
}

export function RunCard({ status }: { status: SyncStatusView }) {
  const { t } = useTranslation();
  const p = status.progress;
  const percent =
    p?.phase === 'index' ? 99 : p?.phase === 'pull' && p.total ? Math.min(99, Math.floor((p.pulled / p.total) * 100)) : undefined;
  return (
    <Card
      title={t('sync.run.title')}
      extra={
        <Button type="primary" onClick={() => void now()} loading={status.state === 'syncing'} disabled={!status.signedIn}>
          {t('sync.run.now')}
        </Button>
      }
    >
      {status.state === 'syncing' && p && (
        <div aria-label="sync-progress" style={{ marginBottom: 16 }}>
          {!status.lastSyncAt && <div style={{ marginBottom: 4 }}>{t('sync.run.firstSync')}</div>}
          <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
          <div style={{ color: '#667085' }}>{progressText(t, p)}</div>
        </div>
      )}
      {status.error && (
        <Alert type={status.state === 'offline' ? 'warning' : 'error'} showIcon title={status.error.message} style={{ marginBottom: 16 }} />
      )}
      {status.held && (
        <Alert
          type="warning"
          showIcon
          title={t('sync.run.heldTitle')}
          description={t('sync.run.heldBody', { removals: status.held.removals, local: status.held.local })}
          action={
            <Button danger onClick={() => void now(true)}>
              {t('sync.run.heldConfirm')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('sync.run.last')}>
          {status.lastSyncAt ? formatDateTime(status.lastSyncAt) : t('sync.run.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.run.next')}>
          {status.nextAttemptAt ? formatDateTime(status.nextAttemptAt) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.run.pending')}>
          <Space>
            <Tag color={status.pending ? 'gold' : 'default'}>{status.pending}</Tag>
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
