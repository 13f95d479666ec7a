import { Alert, Button, Card, Descriptions, Result, Space, Spin, Steps, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS, STAGES, STAGE_LABELS, type Stage } from '../../../../shared/domain/case-stages';
import { navigate } from '../../app/useHashRoute';
import { fenToWanText } from '../../lib/format';
import { AuditTab } from './AuditTab';
import { GuidanceTab } from './GuidanceTab';
import { STAGE_COLORS, stageText } from './labels';
import { MoveActions } from './MoveActions';
import { PledgeTab } from './PledgeTab';
import { SubsidyTab } from './SubsidyTab';
import { LoanTab } from '../loans/LoanTab';
import { useCasesStore } from './store';
import { ValueTab } from './ValueTab';
import { VisitsTab } from './VisitsTab';
import { localDate } from '../../../../shared/time';
import { ConflictBadge } from '../sync/ConflictBadge';

const LOOP: Stage[] = STAGES.filter((s) => s !== 'closed');

/** One case: where it stands in the loop, what stops the next stage, one tab per stage. */
export function CaseView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { detail, load, loadError } = useCasesStore();
  const [tab, setTab] = useState<string | null>(null);
  useEffect(() => {
    setTab(null);
    void load(id);
  }, [id, load]);

  if (loadError) {
    return (
      <Result
        status="warning"
        title={t('case.loadFailed')}
        subTitle={loadError}
        extra={<Button onClick={() => navigate('cases')}>{t('case.backToList')}</Button>}
      />
    );
  }
  if (!detail || detail.record.id !== id) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const r = detail.record;
  const current = r.stage === 'closed' ? LOOP.length : LOOP.indexOf(r.stage);
  const activeTab = tab ?? (r.stage === 'closed' ? 'audit' : r.stage);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button type="link" onClick={() => navigate('cases')} style={{ padding: 0 }}>
              {t('case.backToList')}
            </Button>
            <Typography.Text strong>{detail.enterprise.name}</Typography.Text>
            <ConflictBadge id={r.id} />
            <Tag color={STAGE_COLORS[r.stage]}>{stageText(r.stage, r.paused, r.outcome)}</Tag>
            {detail.facts.pledgeStands && r.stage !== 'closed' && <Tag color="purple">贷后管理中</Tag>}
            {detail.loan?.weakened && <Tag color="red">担保削弱</Tag>}
          </Space>
        }
        extra={<MoveActions detail={detail} />}
      >
        <Steps
          size="small"
          current={current}
          status={r.paused ? 'error' : r.stage === 'closed' ? 'finish' : 'process'}
          items={[...LOOP.map((s) => ({ title: STAGE_LABELS[s] })), { title: STAGE_LABELS.closed }]}
          style={{ marginBottom: 16 }}
        />
        {r.paused && (
          <Alert type="warning" showIcon message={t('case.pausedBecause', { reason: r.pauseReason })} style={{ marginBottom: 12 }} />
        )}
        {r.stage === 'closed' && (
          <Alert
            type="info"
            showIcon
            message={t('case.closedWith', { outcome: r.outcome ? OUTCOME_LABELS[r.outcome] : '', reason: r.outcomeReason || '—' })}
            style={{ marginBottom: 12 }}
          />
        )}
        {detail.next.stage && detail.next.blockers.length > 0 && !r.paused && (
          <Alert
            type="info"
            showIcon
            message={t('case.beforeNext', { stage: STAGE_LABELS[detail.next.stage] })}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="next-blockers">
                {detail.next.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('case.uscc')}>{detail.enterprise.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('case.district')}>{detail.enterprise.district}</Descriptions.Item>
          <Descriptions.Item label={t('case.steward')}>{r.steward || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.bankOfficer')}>{r.bankOfficer || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.need')}>{fenToWanText(r.needFen)}</Descriptions.Item>
          <Descriptions.Item label={t('case.value')}>{fenToWanText(detail.valueFen)}</Descriptions.Item>
          <Descriptions.Item label={t('case.items')}>{detail.items.length}</Descriptions.Item>
          <Descriptions.Item label={t('case.createdAt')}>{localDate(r.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          activeKey={activeTab}
          onChange={setTab}
          items={[
            { key: 'guidance', label: STAGE_LABELS.guidance, children: <GuidanceTab detail={detail} /> },
            { key: 'valuation', label: STAGE_LABELS.valuation, children: <ValueTab detail={detail} /> },
            { key: 'registration', label: STAGE_LABELS.registration, children: <PledgeTab detail={detail} /> },
            { key: 'subsidy', label: STAGE_LABELS.subsidy, children: <SubsidyTab detail={detail} /> },
            ...(detail.loan?.terms || detail.facts.pledgeRegistered
              ? [{ key: 'loan', label: '贷后管理', children: <LoanTab detail={detail} /> }]
              : []),
            { key: 'visits', label: t('case.visits', { n: detail.visits.length }), children: <VisitsTab detail={detail} /> },
            { key: 'audit', label: t('case.audit'), children: <AuditTab detail={detail} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
