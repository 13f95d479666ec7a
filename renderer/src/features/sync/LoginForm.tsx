import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError, clearServerErrors } from '../../lib/formErrors';
import { useSyncStore } from './store';

interface Values {
  server: string;
  user: string;
  password: string;
}

/** Server address, user name and password; what the server refused is said at its field or above the button. */
export function LoginForm({ onSwitched }: { onSwitched: (text: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const status = useSyncStore((s) => s.status);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api().syncLogin(v);
      useSyncStore.getState().set(r.status);
      if (r.switched)
        onSwitched(
          r.switched.unsent > 0
            ? t('sync.login.switched', { user: v.user.trim(), from: r.switched.from, n: r.switched.unsent })
            : t('sync.login.switchedNone', { user: v.user.trim() }),
        );
      form.setFieldValue('password', '');
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('sync.login.title')} style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('sync.login.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label="sync-login"
        initialValues={{ server: status?.server ?? '', user: status?.user?.name ?? '', password: '' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={clearServerErrors(form)}
      >
        <Form.Item name="server" label={t('sync.login.server')} rules={[{ required: true, message: '请填写中心服务地址' }]}>
          <Input placeholder={t('sync.login.serverHint')} autoComplete="url" />
        </Form.Item>
        <Form.Item name="user" label={t('sync.login.user')} rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('sync.login.password')} rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('sync.login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('sync.login.ownData')}
      </Typography.Paragraph>
    </Card>
  );
}
