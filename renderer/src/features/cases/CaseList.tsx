import { Button, Card, Empty, Input, Modal, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, STAGE_LABELS, type Stage } from '../../../../shared/domain/case-stages';
import { PLEDGE_STATUS_LABELS, SUBSIDY_STATUS_LABELS } from '../../../../shared/domain/case-statuses';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import type { CaseSummary } from '../../../../shared/types/case';
import type { Enterprise, Page } from '../../../../shared/types/records';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { ExportButtons } from '../../components/ExportButtons';
import { fenToWanText } from '../../lib/format';
import { STAGE_COLORS, stageText } from './labels';
import { RemindersCard } from './RemindersCard';
import { useCasesStore } from './store';
import { formatDateTime } from '../../../../shared/time';
import { openableRow } from '../../lib/openableRow';
import { ConflictBadge } from '../sync/ConflictBadge';
import { DrillNotice, isDrill, NO_DRILL } from './DrillNotice';

const PAGE_SIZE = 50;

/** Every case, filterable by search, stage, district and steward; exportable; reminders on top. */
export function CaseList({ stage: fixedStage }: { stage?: Stage } = {}) {
  const { t } = useTranslation();
  const { filter, setFilter, version } = useCasesStore();
  const f = { ...filter, ...(fixedStage ? { stage: fixedStage } : {}) };
  const [page, setPage] = useState<Page<CaseSummary>>({ rows: [], total: 0 });
  const [offset, setOffset] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const key = JSON.stringify(f);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api()
      .casesList({ ...JSON.parse(key), offset, limit: PAGE_SIZE })
      .then(
        (p) => live && (setPage(p), setError(null)),
        (e: Error) => live && setError(e.message),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key, offset, version]);

  const create = async () => {
    if (!enterprise) return void message.warning(t('case.pickEnterprise'));
    try {
      const d = await api().caseCreate({ enterpriseId: enterprise.id });
      setCreating(false);
      navigate(`cases/${d.record.id}`);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {/* Arriving from a drill-down, the cases asked for come first, not the reminders. */}
      {!fixedStage && !isDrill(filter) && <RemindersCard />}
      <Card
        title={fixedStage ? t('case.listAt', { stage: STAGE_LABELS[fixedStage] }) : t('case.listTitle')}
        extra={
          <Space>
            <ExportButtons request={{ kind: 'cases', filter: { includeClosed: false, search: '', pausedOnly: false, ...f } }} />
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('case.new')}
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('case.search')}
            aria-label={t('case.search')}
            style={{ width: 260 }}
            defaultValue={filter.search}
            onSearch={(search) => (setOffset(0), setFilter({ search }))}
          />
          {!fixedStage && (
            <Select
              allowClear
              placeholder={t('case.stage')}
              aria-label={t('case.stage')}
              style={{ width: 140 }}
              value={filter.stage}
              onChange={(stage?: Stage) => (setOffset(0), setFilter({ stage }))}
              options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
            />
          )}
          <Select
            allowClear
            placeholder={t('case.district')}
            aria-label={t('case.district')}
            style={{ width: 140 }}
            value={filter.district}
            onChange={(district?: District) => (setOffset(0), setFilter({ district }))}
            options={DISTRICTS.map((d) => ({ value: d, label: d }))}
          />
          {!fixedStage && (
            <Space>
              <Switch
                size="small"
                checked={filter.includeClosed ?? false}
                onChange={(includeClosed) => (setOffset(0), setFilter({ includeClosed }))}
                aria-label={t('case.includeClosed')}
              />
              {t('case.includeClosed')}
            </Space>
          )}
          <Space>
            <Switch
              size="small"
              checked={filter.pausedOnly ?? false}
              onChange={(pausedOnly) => (setOffset(0), setFilter({ pausedOnly }))}
              aria-label={t('case.pausedOnly')}
            />
            {t('case.pausedOnly')}
          </Space>
        </Space>
        <DrillNotice filter={filter} onClear={() => (setOffset(0), setFilter(NO_DRILL))} />
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={page.rows}
          onRow={openableRow((r: CaseSummary) => navigate(`cases/${r.id}`))}
          pagination={{
            current: offset / PAGE_SIZE + 1,
            pageSize: PAGE_SIZE,
            total: page.total,
            showSizeChanger: false,
            onChange: (p) => setOffset((p - 1) * PAGE_SIZE),
            showTotal: (n) => t('case.total', { n }),
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  fixedStage || filter.search || filter.stage || filter.district || filter.pausedOnly ? t('case.noMatch') : t('case.empty')
                }
              />
            ),
          }}
          columns={[
            {
              title: t('case.enterprise'),
              key: 'enterprise',
              ellipsis: true,
              render: (_, r) => (
                <>
                  <Typography.Text ellipsis>{r.enterpriseName}</Typography.Text>
                  <ConflictBadge id={r.id} />
                  <br />
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                  >{`${r.district} · ${r.steward || t('case.noSteward')}`}</Typography.Text>
                </>
              ),
            },
            {
              title: t('case.stage'),
              key: 'stage',
              width: 150,
              render: (_, r) => <Tag color={STAGE_COLORS[r.stage]}>{stageText(r.stage, r.paused, r.outcome)}</Tag>,
            },
            {
              title: t('case.need'),
              key: 'need',
              width: 110,
              align: 'right',
              className: 'nowrap',
              render: (_, r) => fenToWanText(r.needFen),
            },
            {
              title: t('case.bankPledge'),
              key: 'p',
              width: 160,
              ellipsis: true,
              render: (_, r) => [r.bank, r.pledgeStatus ? PLEDGE_STATUS_LABELS[r.pledgeStatus] : null].filter(Boolean).join(' · ') || '—',
            },
            {
              title: t('case.subsidyStatus'),
              key: 's',
              width: 150,
              className: 'nowrap',
              render: (_, r) => (r.subsidyStatus ? `${SUBSIDY_STATUS_LABELS[r.subsidyStatus]} ${fenToWanText(r.subsidyFen)}` : '—'),
            },
            {
              title: t('case.updatedAt'),
              dataIndex: 'updatedAt',
              width: 140,
              className: 'nowrap',
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('case.new')}
        okText={t('case.create')}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('case.newHint')}</Typography.Paragraph>
        <EnterprisePicker value={enterprise} onChange={setEnterprise} />
      </Modal>
    </Space>
  );
}
