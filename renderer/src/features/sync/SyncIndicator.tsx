import {
  CloudOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { formatDateTime } from '../../../../shared/time';
import type { SyncStatusView } from '../../../../shared/types/sync';
import { navigate } from '../../app/useHashRoute';
import { startSyncPolling, useSyncStore } from './store';

const LOOK: Record<SyncStatusView['state'], { color: string; icon: ReactNode }> = {
  'signed-out': { color: 'default', icon: <UserOutlined /> },
  idle: { color: 'success', icon: <CloudOutlined /> },
  syncing: { color: 'processing', icon: <CloudSyncOutlined spin /> },
  offline: { color: 'warning', icon: <DisconnectOutlined /> },
  error: { color: 'error', icon: <ExclamationCircleOutlined /> },
  held: { color: 'warning', icon: <PauseCircleOutlined /> },
};

/** The header's sync status: online or not, last sync, pending changes, the error in words; a click opens 同步. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const sandbox = useAppStore((s) => s.info?.sandbox ?? false);
  useEffect(() => startSyncPolling(), []);
  // The sandbox never syncs: its changes are not "pending", and signing in is not on offer.
  if (sandbox)
    return (
      <Tag color="orange" style={{ marginInlineEnd: 0 }} aria-label="sync-status">
        培训模式 · 不同步
      </Tag>
    );
  if (!status) return null;
  const look = LOOK[status.state];
  const tip = status.error?.message ?? (status.held ? t('sync.run.heldTitle') : undefined);
  return (
    <Tooltip title={tip}>
      <Space size={6} style={{ cursor: 'pointer' }} onClick={() => navigate('sync')} aria-label="sync-status" data-state={status.state}>
        <Tag color={look.color} icon={look.icon} style={{ marginInlineEnd: 0 }}>
          {t(`sync.state.${status.state}`)}
        </Tag>
        {status.pending > 0 && <Typography.Text type="secondary">{t('sync.header.pending', { n: status.pending })}</Typography.Text>}
        {status.openConflicts > 0 && <Tag color="error">{t('sync.header.conflicts', { n: status.openConflicts })}</Tag>}
        {status.signedIn && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {status.lastSyncAt ? t('sync.header.last', { at: formatDateTime(status.lastSyncAt) }) : t('sync.header.never')}
          </Typography.Text>
        )}
      </Space>
    </Tooltip>
  );
}
