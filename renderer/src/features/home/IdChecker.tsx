import { Alert, Descriptions, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdResult } from '../../../../shared/validators/identify';
import { api } from '../../api';

export function IdChecker() {
  const { t } = useTranslation();
  const [result, setResult] = useState<IdResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check(value: string) {
    setError(null);
    try {
      setResult(await api().idCheck({ value }));
    } catch (err) {
      setResult(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div>
      <Input.Search
        aria-label={t('home.idTitle')}
        placeholder={t('home.idHint')}
        enterButton={t('home.idCheck')}
        allowClear
        onSearch={(v) => void check(v)}
        maxLength={200}
      />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      {result && (
        <Descriptions style={{ marginTop: 12 }} size="small" column={1} bordered data-testid="id-result">
          <Descriptions.Item label={t('home.kind.' + result.kind)}>
            <Tag color={result.valid ? 'success' : 'error'}>{result.valid ? t('home.valid') : t('home.invalid')}</Tag>
            {result.reason}
          </Descriptions.Item>
          {result.normalized && <Descriptions.Item label={t('home.normalized')}>{result.normalized}</Descriptions.Item>}
        </Descriptions>
      )}
    </div>
  );
}
