import { Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/settings';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { SandboxBanner } from '../features/training/SandboxBanner';
import { Walkthrough } from '../features/training/Walkthrough';
import { UpdateBadge, UpdatePrompt } from '../features/update/UpdatePrompt';
import { AreaPage } from './routes';
import { AREAS, areaOf } from './areas';
import { useAppStore } from './store';
import { navigate, useHashRoute } from './useHashRoute';
import { useSyncedReload } from './useSyncedReload';

export function AppShell() {
  const { t, i18n } = useTranslation();
  const area = areaOf(useHashRoute());
  const setLanguage = useAppStore((s) => s.setLanguage);
  useSyncedReload();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>
        <div style={{ padding: '18px 20px 12px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          aria-label="main-navigation"
          selectedKeys={[area]}
          onClick={({ key }) => navigate(key === 'home' ? '' : key)}
          items={AREAS.map((a) => ({ key: a.key, icon: a.icon, label: t(`nav.${a.key}`) }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <SandboxBanner />
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0 24px',
            borderBottom: '1px solid #eef0f3',
          }}
        >
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t(`nav.${area}`)}
          </Typography.Title>
          <Space size={16}>
            <UpdateBadge />
            <SyncIndicator />
            <Segmented<Language>
              aria-label={t('language.label')}
              value={i18n.language as Language}
              onChange={(lang) => void setLanguage(lang)}
              options={[
                { label: t('language.zh'), value: 'zh-CN' },
                { label: t('language.en'), value: 'en-US' },
              ]}
            />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <AreaPage area={area} />
        </Layout.Content>
        <Walkthrough />
        <UpdatePrompt />
      </Layout>
    </Layout>
  );
}
