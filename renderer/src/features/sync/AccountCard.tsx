import { Button, Card, Descriptions, message, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../../shared/sync/roles';
import type { SyncStatusView } from '../../../../shared/types/sync';
import { api } from '../../api';
import { useSyncStore } from './store';

/** Who is signed in, where, for which districts; signing out says what stays unsent. */
export function AccountCard({ status }: { status: SyncStatusView }) {
  const { t } = useTranslation();
  const logout = async () => {
    const { unsent } = await api().syncLogout({});
    await useSyncStore.getState().refresh();
    void message.info(unsent ? t('sync.account.loggedOutUnsent', { n: unsent }) : t('sync.account.loggedOut'));
  };
  return (
    <Card
      title={t('sync.account.title')}
      extra={
        <Popconfirm
          title={t('sync.account.logoutConfirm')}
          description={status.pending ? t('sync.account.logoutUnsent', { n: status.pending }) : t('sync.account.logoutClean')}
          onConfirm={() => void logout()}
        >
          <Button>{t('sync.account.logout')}</Button>
        </Popconfirm>
      }
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('sync.account.user')}>{status.user?.name}</Descriptions.Item>
        <Descriptions.Item label={t('sync.account.role')}>{status.user ? ROLE_LABELS[status.user.role] : ''}</Descriptions.Item>
        <Descriptions.Item label={t('sync.account.districts')}>{status.user?.districts.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('sync.account.server')}>{status.server}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
