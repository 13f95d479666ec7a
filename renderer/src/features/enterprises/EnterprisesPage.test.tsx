import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installRealApi } from '../../../../test/support/real-api';
import { usccFor } from '../../../../test/support/sheets';
import { resetApi } from '../../api';
import '../../i18n';
import { EnterprisesPage } from './EnterprisesPage';
import { useEnterprisesStore } from './store';

let real: ReturnType<typeof installRealApi>;
beforeEach(() => {
  real = installRealApi();
  resetApi();
  useEnterprisesStore.setState({ tab: 'enterprises', enterpriseFilter: {}, version: 0, openEnterpriseId: null });
});
afterEach(() => real.cleanup());

const ui = () =>
  render(
    <AntApp>
      <EnterprisesPage />
    </AntApp>,
  );

async function saveEnterprise(name: string, uscc: string, district: '南山' | '福田') {
  const r = await real.runtime.dispatch('enterpriseSave', { name, uscc, district });
  if (!r.ok) throw new Error(r.error.message);
}

describe('enterprise list', () => {
  it('says how to start when there is nothing yet', async () => {
    ui();
    expect(await screen.findByText(/还没有企业/)).toBeTruthy();
  });

  it('lists enterprises from the store and narrows them by pinyin initials', async () => {
    await saveEnterprise('深圳华为示例技术有限公司', '91350100M000100Y43', '南山');
    await saveEnterprise('深圳市另一家科技有限公司', usccFor(2), '福田');
    ui();
    expect(await screen.findByText('深圳华为示例技术有限公司')).toBeTruthy();
    expect(screen.getByText('共 2 条')).toBeTruthy();
    await userEvent.type(screen.getByPlaceholderText(/拼音首字母/), 'szhwsl');
    await waitFor(() => expect(screen.getByText('共 1 条')).toBeTruthy());
    await userEvent.clear(screen.getByPlaceholderText(/拼音首字母/));
    await userEvent.type(screen.getByPlaceholderText(/拼音首字母/), '不存在的企业');
    expect(await screen.findByText('没有符合筛选条件的记录', {}, { timeout: 5000 })).toBeTruthy();
  });
});
