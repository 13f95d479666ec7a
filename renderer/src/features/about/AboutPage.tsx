import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { BackupCard } from '../backup/BackupCard';
import { useUpdateStore } from '../update/store';

export function AboutPage() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const check = useUpdateStore((s) => s.check);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<string | null>(null);
  if (!info) return null;
  const checkNow = async () => {
    setChecking(true);
    try {
      const v = await check();
      setChecked(
        v.phase === 'none'
          ? t('about.upToDate', { version: v.currentVersion })
          : v.version && v.phase !== 'error'
            ? t('about.found', { version: v.version })
            : (v.message ?? null),
      );
    } catch (err) {
      setChecked(err instanceof Error ? err.message : String(err));
    } finally {
      setChecking(false);
    }
  };
  const copyable = (text: string) => <Typography.Text copyable>{text}</Typography.Text>;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('about.title')}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('about.version')}>{info.version}</Descriptions.Item>
          <Descriptions.Item label={t('about.shell')}>
            {info.shell} · Node {info.versions.node}
            {info.versions.electron ? ` · Electron ${info.versions.electron}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('about.platform')}>{info.platform}</Descriptions.Item>
          <Descriptions.Item label={t('about.dataDir')}>{copyable(info.dataDir)}</Descriptions.Item>
          <Descriptions.Item label={t('about.dbFile')}>{copyable(info.db.file)}</Descriptions.Item>
          {info.db.status === 'ok' && <Descriptions.Item label={t('about.schema')}>{info.db.schemaVersion}</Descriptions.Item>}
          <Descriptions.Item label={t('about.logFile')}>{copyable(info.logFile)}</Descriptions.Item>
          <Descriptions.Item label={t('about.update')}>
            <Space wrap>
              <Button size="small" loading={checking} onClick={() => void checkNow()}>
                {t('about.checkUpdate')}
              </Button>
              {checked && <Typography.Text aria-label="update-check-result">{checked}</Typography.Text>}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {info.db.status === 'ok' && !info.sandbox && <BackupCard />}
    </Space>
  );
}
