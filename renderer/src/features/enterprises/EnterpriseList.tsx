import { Alert, Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseQuery } from '../../../../shared/schemas/queries';
import type { Enterprise } from '../../../../shared/types/records';
import { api } from '../../api';
import { fenToWanText } from '../../lib/format';
import { ExportButtons } from '../../components/ExportButtons';
import { DaysSelect, DistrictSelect, NeedRange, QualificationSelect, SearchBox, StatusSelect, StewardSelect } from './FilterControls';
import { useEnterprisesStore } from './store';
import { PAGE_SIZE, usePagedList } from './usePagedList';
import { ServerTable } from './ServerTable';
import { sortOrderOf, STATUS_COLORS, useTablePaging } from './tables';
import { ConflictBadge } from '../sync/ConflictBadge';

export function EnterpriseList({ onCreate, onDemo }: { onCreate: () => void; onDemo: () => void }) {
  const { t } = useTranslation();
  const { enterpriseFilter: f, enterpriseSort: s, version, set } = useEnterprisesStore();
  const paging = useTablePaging(JSON.stringify([f, s]));
  const fetch = useCallback((q: EnterpriseQuery) => api().enterprisesList(q), []);
  const { page, loading, error } = usePagedList(fetch, { filter: f, ...s, offset: paging.offset, limit: PAGE_SIZE }, version);
  const patch = (p: Partial<typeof f>) => set({ enterpriseFilter: { ...f, ...p } });
  const filtered =
    JSON.stringify(f) !== '{}' && Object.values(f).some((v) => (Array.isArray(v) ? v.length : v !== null && v !== '' && v !== undefined));

  const columns: ColumnsType<Enterprise> = [
    {
      key: 'name',
      title: t('ent.col.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(s, 'name'),
      width: 280,
      ellipsis: true,
      render: (v: string, e: Enterprise) => (
        <>
          <Typography.Link>{v}</Typography.Link>
          <ConflictBadge id={e.id} />
        </>
      ),
    },
    { key: 'uscc', title: t('ent.col.uscc'), dataIndex: 'uscc', width: 190 },
    {
      key: 'district',
      title: t('ent.col.district'),
      dataIndex: 'district',
      sorter: true,
      sortOrder: sortOrderOf(s, 'district'),
      width: 90,
    },
    {
      key: 'quals',
      title: t('ent.col.quals'),
      dataIndex: 'qualifications',
      width: 220,
      ellipsis: true,
      render: (qs: string[]) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {qs.map((q) => (
            <Tag key={q}>{q}</Tag>
          ))}
        </span>
      ),
    },
    {
      key: 'ipCount',
      title: t('ent.col.ipCount'),
      dataIndex: 'ipCount',
      sorter: true,
      sortOrder: sortOrderOf(s, 'ipCount'),
      width: 90,
      align: 'right',
    },
    {
      key: 'revenueFen',
      title: t('ent.col.revenue'),
      dataIndex: 'revenueFen',
      sorter: true,
      sortOrder: sortOrderOf(s, 'revenueFen'),
      width: 120,
      align: 'right',
      render: fenToWanText,
    },
    {
      key: 'wlStatus',
      title: t('ent.col.status'),
      dataIndex: 'wlStatus',
      sorter: true,
      sortOrder: sortOrderOf(s, 'wlStatus'),
      width: 100,
      render: (v: string | null) => (v ? <Tag color={STATUS_COLORS[v]}>{v}</Tag> : '—'),
    },
    { key: 'wlSteward', title: t('ent.col.steward'), dataIndex: 'wlSteward', width: 100, render: (v: string | null) => v || '—' },
    {
      key: 'wlNeedFen',
      title: t('ent.col.need'),
      dataIndex: 'wlNeedFen',
      sorter: true,
      sortOrder: sortOrderOf(s, 'wlNeedFen'),
      width: 120,
      align: 'right',
      render: fenToWanText,
    },
    { key: 'lastVisitOn', title: t('ent.col.lastVisit'), dataIndex: 'lastVisitOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <SearchBox value={f.search ?? ''} onChange={(search) => patch({ search })} placeholder={t('ent.search')} />
        <DistrictSelect value={f.districts ?? []} onChange={(districts) => patch({ districts })} />
        <QualificationSelect value={f.qualifications ?? []} onChange={(qualifications) => patch({ qualifications })} />
        <StatusSelect value={f.statuses ?? []} onChange={(statuses) => patch({ statuses })} />
        <StewardSelect value={f.stewards ?? []} onChange={(stewards) => patch({ stewards })} version={version} />
        <NeedRange
          min={f.needMinFen ?? null}
          max={f.needMaxFen ?? null}
          onChange={(needMinFen, needMaxFen) => patch({ needMinFen, needMaxFen })}
        />
        <DaysSelect
          label={t('ent.expiring')}
          value={f.expiringWithinDays ?? null}
          onChange={(expiringWithinDays) => patch({ expiringWithinDays })}
          format={(days) => t('ent.expiringWithin', { days })}
          options={[90, 180, 365, 730]}
        />
        <DaysSelect
          label={t('ent.notVisited')}
          value={f.notVisitedForDays ?? null}
          onChange={(notVisitedForDays) => patch({ notVisitedForDays })}
          format={(days) => t('ent.notVisitedFor', { days })}
          options={[30, 60, 90, 180]}
        />
        <Button onClick={() => set({ enterpriseFilter: {} })}>{t('ent.reset')}</Button>
      </Space>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Button type="primary" onClick={onCreate}>
            {t('ent.newEnterprise')}
          </Button>
          <Button onClick={onDemo}>{t('ent.loadDemo')}</Button>
        </Space>
        <ExportButtons request={{ kind: 'enterprises', filter: f }} />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <ServerTable<Enterprise>
        columns={columns}
        page={page}
        loading={loading}
        paging={paging}
        scrollX={1400}
        empty={filtered ? t('ent.noMatch') : `${t('ent.emptyTitle')}。${t('ent.emptyHint')}`}
        onSort={(sort) => set({ enterpriseSort: sort ? (sort as typeof s) : { sort: 'name', order: 'asc' } })}
        onOpen={(r) => set({ openEnterpriseId: r.id })}
      />
    </Space>
  );
}
