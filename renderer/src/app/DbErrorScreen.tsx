import { Button, Descriptions, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/types/app';

/** What the user sees instead of a blank window when the local store cannot be opened. */
export function DbErrorScreen({ info, onRetry }: { info: AppInfo; onRetry: () => void }) {
  const { t } = useTranslation();
  if (info.db.status !== 'error') return null;
  return (
    <Result
      status="error"
      title={t('dbError.title')}
      subTitle={t('dbError.body')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('dbError.retry')}
        </Button>
      }
    >
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('dbError.reason')}>{info.db.message}</Descriptions.Item>
        <Descriptions.Item label={t('dbError.file')}>
          <Typography.Text copyable>{info.db.file}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('dbError.log')}>
          <Typography.Text copyable>{info.logFile}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Result>
  );
}
