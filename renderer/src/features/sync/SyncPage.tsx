import { Alert, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountCard } from './AccountCard';
import { ConflictList } from './ConflictList';
import { LoginForm } from './LoginForm';
import { RejectionList } from './RejectionList';
import { RunCard } from './RunCard';
import { useSyncStore } from './store';

/** 数据同步: sign in, the sync's state and progress, open conflicts and refused changes. */
export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const [notice, setNotice] = useState<string | null>(null);
  if (!status) return null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {notice && <Alert type="info" showIcon closable title={notice} onClose={() => setNotice(null)} />}
      {status.signedIn ? (
        <>
          <AccountCard status={status} />
          <RunCard status={status} />
        </>
      ) : (
        <>
          {status.user && <Alert type="info" showIcon title={t('sync.account.signedOutData', { user: status.user.name })} />}
          <LoginForm onSwitched={setNotice} />
        </>
      )}
      {(status.signedIn || status.openConflicts > 0) && <ConflictList />}
      {(status.signedIn || status.rejections > 0) && <RejectionList />}
    </Space>
  );
}
