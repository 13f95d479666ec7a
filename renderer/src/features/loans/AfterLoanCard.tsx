import { Alert, Button, Card } from 'antd';
import { useEffect, useState } from 'react';
import type { AfterLoanFigures } from '../../../../shared/domain/loan/portfolio';
import type { District } from '../../../../shared/domain/districts';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { useSyncStore } from '../sync/store';
import { LoanFigures } from './LoanFigures';

/** The officer's after-loan figures on the dashboard: today's state of the loans of the districts (and bank) chosen. */
export function AfterLoanCard({ districts, bank }: { districts: District[]; bank?: string }) {
  const [figures, setFigures] = useState<AfterLoanFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  const key = JSON.stringify({ districts, bank });
  useEffect(() => {
    void api()
      .loansList({ search: '', includeClosed: true, districts, bank })
      .then((d) => {
        setFigures(d.figures);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the filter's value
  }, [key, synced]);
  return (
    <Card
      title="贷后：逾期、担保削弱、违约与回收（当前状态，本机数据）"
      size="small"
      extra={
        <Button size="small" onClick={() => navigate('loans')}>
          查看贷后台账
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon message={`无法读取贷后数据：${error}`} /> : figures && <LoanFigures figures={figures} />}
    </Card>
  );
}
