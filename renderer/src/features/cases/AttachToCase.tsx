import { Alert, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/types/case';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';

/** After a valuation: attach the run to the enterprise's open service case, as its evidence. */
export function AttachToCase({ enterpriseId, runId }: { enterpriseId: string; runId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<CaseSummary | null>(null);
  const [attached, setAttached] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setAttached(false);
    api()
      .casesList({ enterpriseId, limit: 1 })
      .then(
        (p) => setOpen(p.rows[0] ?? null),
        () => setOpen(null),
      );
  }, [enterpriseId, runId]);
  if (!open) return null;
  const attach = async () => {
    try {
      const d = await api().caseUpdate({ id: open.id, valuationId: runId });
      setAttached(d.record.valuationId === runId);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Alert
      type={error ? 'error' : attached ? 'success' : 'info'}
      showIcon
      message={error ?? (attached ? t('case.attached') : t('case.attachHint'))}
      action={
        <Space>
          {!attached && (
            <Button size="small" type="primary" onClick={() => void attach()}>
              {t('case.attach')}
            </Button>
          )}
          <Button size="small" onClick={() => navigate(`cases/${open.id}`)}>
            {t('case.openCase')}
          </Button>
        </Space>
      }
    />
  );
}
