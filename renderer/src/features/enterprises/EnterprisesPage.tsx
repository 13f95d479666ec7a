import { App, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useJob } from '../../lib/useJob';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { EnterpriseForm } from './EnterpriseForm';
import { EnterpriseList } from './EnterpriseList';
import { ImportWizard } from './ImportWizard';
import { IpList } from './IpList';
import { OverviewPanel } from './OverviewPanel';
import { useEnterprisesStore } from './store';
import { WhitelistList } from './WhitelistList';

/** 企业与白名单: the enterprise, IP and whitelist lists, the officer overview and imports. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { tab, set, changed } = useEnterprisesStore();
  const [creating, setCreating] = useState(false);
  const demo = useJob<{ enterprises: number; ipAssets: number; entries: number }>();
  const loadDemo = () =>
    modal.confirm({
      title: t('ent.loadDemo'),
      content: t('ent.demoConfirm'),
      onOk: async () => {
        const key = 'demo';
        void message.loading({ content: t('ent.loadDemo'), key, duration: 0 });
        const r = await demo.run(() => api().demoStart({ enterprises: 300 }));
        if (r) void message.success({ content: t('ent.demoDone', r), key });
        else void message.error({ content: demo.error ?? '', key });
        changed();
      },
    });
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k as typeof tab })}
        destroyOnHidden
        items={[
          {
            key: 'enterprises',
            label: t('ent.tabs.enterprises'),
            children: <EnterpriseList onCreate={() => setCreating(true)} onDemo={loadDemo} />,
          },
          { key: 'ip', label: t('ent.tabs.ip'), children: <IpList /> },
          { key: 'whitelist', label: t('ent.tabs.whitelist'), children: <WhitelistList /> },
          { key: 'overview', label: t('ent.tabs.overview'), children: <OverviewPanel /> },
          { key: 'import', label: t('ent.tabs.import'), children: <ImportWizard /> },
        ]}
      />
      <EnterpriseDrawer />
      {creating && (
        <EnterpriseForm
          enterprise={null}
          onClose={(saved) => (setCreating(false), saved && (changed(), set({ openEnterpriseId: saved.id })))}
        />
      )}
    </>
  );
}
