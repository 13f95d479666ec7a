import { Button, Card, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PORTFOLIO_STATE_LABELS, type PortfolioRow } from '../../../../shared/domain/loan/portfolio';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { useSyncStore } from '../sync/store';
import { STATE_COLORS } from './labels';

/** The home page's after-loan warnings: loans overdue, defaulted or with weakened security, and what to do. */
export function LoanAlertsCard() {
  const [rows, setRows] = useState<PortfolioRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  useEffect(() => {
    void api()
      .loansList({ search: '', includeClosed: false, state: 'attention' })
      .then((d) => {
        setRows(d.rows);
        setError(null);
      })
      .catch((e: unknown) => {
        setRows([]);
        setError(e instanceof Error ? e.message : String(e));
      });
  }, [synced]);
  return (
    <Card
      title="贷后预警"
      extra={
        <Button size="small" onClick={() => navigate('loans')}>
          贷后台账
        </Button>
      }
      data-testid="loan-alerts"
    >
      <List
        size="small"
        loading={rows === null}
        dataSource={(rows ?? []).slice(0, 6)}
        locale={{ emptyText: error ? `无法读取贷后数据：${error}` : '没有逾期、违约或担保削弱的贷款' }}
        footer={
          rows && rows.length > 6 ? <Typography.Text type="secondary">另有 {rows.length - 6} 笔，见贷后台账</Typography.Text> : undefined
        }
        renderItem={(r) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`cases/${r.caseId}`)}>
            <List.Item.Meta
              title={
                <span>
                  {r.enterpriseName} <Tag color={STATE_COLORS[r.state]}>{PORTFOLIO_STATE_LABELS[r.state]}</Tag>
                  {r.weakened && <Tag color="red">担保削弱</Tag>}
                </span>
              }
              description={r.topWarning ?? (r.overdueDays ? `逾期 ${r.overdueDays} 天` : '')}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
