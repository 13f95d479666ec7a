import { Alert, List, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubsidyLineResult, SubsidyResult } from '../../../shared/domain/subsidy';
import { formatYuan } from '../../../shared/money';

const yuan = (fen: number | null) => (fen === null ? '—' : `${formatYuan(fen)} 元`);

/** A subsidy calculation: eligible or every failed rule, then each line and the working. */
export function SubsidyResultView({ result }: { result: SubsidyResult }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="subsidy-result">
      {result.eligible && result.totalFen === 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('case.subsidyZero')}
          description={`${result.policy.title}（${result.policy.version}）${result.policy.weak ? t('case.weakPolicy') : ''}`}
        />
      ) : result.eligible ? (
        <Alert
          type="success"
          showIcon
          message={t('case.subsidyEligible', { amount: yuan(result.totalFen) })}
          description={`${result.policy.title}（${result.policy.version}）${result.policy.weak ? t('case.weakPolicy') : ''}`}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          message={t('case.subsidyIneligible', { n: result.failures.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {result.failures.map((f) => (
                <li key={f.rule}>{f.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<SubsidyLineResult>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={result.lines}
        columns={[
          { title: t('case.line'), dataIndex: 'label' },
          { title: t('case.paid'), key: 'paid', render: (_, l) => yuan(l.paidFen) },
          { title: t('case.baseCap'), key: 'bc', render: (_, l) => yuan(l.baseCapFen) },
          { title: t('case.base'), key: 'b', render: (_, l) => yuan(l.baseFen) },
          { title: t('case.ratio'), key: 'r', render: (_, l) => `${l.ratePercent}%` },
          { title: t('case.computed'), key: 'c', render: (_, l) => yuan(l.computedFen) },
          { title: t('case.lineCap'), key: 'cap', render: (_, l) => yuan(l.capFen) },
          { title: t('case.granted'), key: 'a', render: (_, l) => <Typography.Text strong>{yuan(l.amountFen)}</Typography.Text> },
        ]}
      />
      <List
        size="small"
        header={t('case.working')}
        dataSource={result.working}
        renderItem={(w, n) => <List.Item>{`${n + 1}. ${w}`}</List.Item>}
      />
    </Space>
  );
}
