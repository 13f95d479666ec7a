import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from './app/AppShell';
import { DbErrorScreen } from './app/DbErrorScreen';
import { ErrorBoundary } from './app/ErrorBoundary';
import { useAppStore } from './app/store';

function Body() {
  const { t } = useTranslation();
  const { boot, info, load, retryDatabase } = useAppStore();
  useEffect(() => {
    void load();
  }, [load]);
  if (boot.phase === 'loading') return <Spin size="large" description={t('boot.loading')} fullscreen />;
  if (boot.phase === 'failed') return <Result status="error" title={t('boot.failed')} subTitle={boot.message} />;
  if (info && info.db.status === 'error') return <DbErrorScreen info={info} onRetry={() => void retryDatabase()} />;
  return <AppShell />;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={{
        // Components' styles come from antd's prebuilt stylesheet (imported in main.tsx), not
        // computed on first render; only the theme's CSS variables are made at run time.
        zeroRuntime: true,
        token: { colorPrimary: '#1d5fd1', fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif" },
      }}
    >
      <AntApp>
        <ErrorBoundary>
          <Body />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
