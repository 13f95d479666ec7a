import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installRealApi } from '../../../test/support/real-api';
import { resetApi } from '../api';
import '../i18n';
import { ExportButtons } from './ExportButtons';

let real: ReturnType<typeof installRealApi>;
beforeEach(() => {
  real = installRealApi();
  resetApi();
});
afterEach(() => real.cleanup());

describe('the export buttons', () => {
  it('show why an export was refused, in Chinese, beside the buttons', async () => {
    // A search longer than any list filter accepts: the service refuses the export.
    render(
      <AntApp>
        <ExportButtons request={{ kind: 'institutions', filter: { search: '长'.repeat(101) } }} />
      </AntApp>,
    );
    await userEvent.click(screen.getByRole('button', { name: /Excel/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/[\u4e00-\u9fff]/);
  });
});
