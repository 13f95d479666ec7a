import { Alert, Button, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { IP_KIND_LABELS, IP_KINDS, LEGAL_STATUS_LABELS, type IpKind } from '../../../../shared/domain/ip';
import type { IpQuery } from '../../../../shared/schemas/queries';
import type { IpAsset } from '../../../../shared/types/records';
import { api } from '../../api';
import { ExportButtons } from '../../components/ExportButtons';
import { DaysSelect, DistrictSelect, SearchBox } from './FilterControls';
import { useEnterprisesStore } from './store';
import { ServerTable } from './ServerTable';
import { sortOrderOf, useTablePaging } from './tables';
import { PAGE_SIZE, usePagedList } from './usePagedList';
import { ConflictBadge } from '../sync/ConflictBadge';

const LEVEL_COLORS = { block: 'error', risk: 'warning', confirm: 'processing', warn: 'default' } as const;

/** Pledgeability with every reason, as a tag with the reasons on hover. */
export function PledgeTag({ asset }: { asset: IpAsset }) {
  const { t } = useTranslation();
  const a = asset.assessment;
  const tag = (
    <Tag color={a.pledgeable ? (a.reasons.length ? 'warning' : 'success') : 'error'}>{a.pledgeable ? t('ent.yes') : t('ent.no')}</Tag>
  );
  if (!a.reasons.length) return tag;
  return (
    <Tooltip
      title={a.reasons.map((r) => (
        <div key={r.code}>
          <Tag color={LEVEL_COLORS[r.level]}>{t(`case.level.${r.level}`)}</Tag>
          {r.message}
        </div>
      ))}
    >
      <span>
        {tag}
        <span style={{ fontSize: 12 }}>{a.reasons[0]!.message}</span>
      </span>
    </Tooltip>
  );
}

export function ipColumns(t: (k: string) => string, s?: { sort: string; order: 'asc' | 'desc' }): ColumnsType<IpAsset> {
  const sorted = (key: string) => (s ? { sorter: true, sortOrder: sortOrderOf(s, key) } : {});
  return [
    {
      key: 'number',
      title: t('ent.col.number'),
      dataIndex: 'displayNumber',
      width: 180,
      ...sorted('number'),
      render: (v: string, a: IpAsset) => (
        <>
          {v}
          <ConflictBadge id={a.id} />
        </>
      ),
    },
    { key: 'kind', title: t('ent.col.kind'), dataIndex: 'kind', width: 100, render: (k: IpKind) => IP_KIND_LABELS[k] },
    { key: 'title', title: t('ent.col.title'), dataIndex: 'title', width: 240, ellipsis: true, ...sorted('title') },
    { key: 'filingDate', title: t('ent.col.filing'), dataIndex: 'filingDate', width: 110, ...sorted('filingDate') },
    {
      key: 'expiresOn',
      title: t('ent.col.expires'),
      width: 110,
      render: (_: unknown, a: IpAsset) => a.assessment.expiresOn ?? '—',
      ...sorted('expiresOn'),
    },
    {
      key: 'legal',
      title: t('ent.col.legal'),
      dataIndex: 'legalStatus',
      width: 100,
      render: (v: keyof typeof LEGAL_STATUS_LABELS) => LEGAL_STATUS_LABELS[v],
    },
    {
      key: 'pledgeable',
      title: t('ent.col.pledgeable'),
      width: 300,
      ellipsis: true,
      render: (_: unknown, a: IpAsset) => <PledgeTag asset={a} />,
    },
  ];
}

/** The columns that fit a drawer: the number over its kind, the title, the term end, pledgeability. */
export function ipColumnsCompact(t: (k: string) => string): ColumnsType<IpAsset> {
  return [
    {
      key: 'number',
      title: t('ent.col.number'),
      width: 170,
      render: (_: unknown, a: IpAsset) => (
        <>
          <div className="nowrap">
            {a.displayNumber}
            <ConflictBadge id={a.id} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {IP_KIND_LABELS[a.kind]} · {LEGAL_STATUS_LABELS[a.legalStatus]}
          </Typography.Text>
        </>
      ),
    },
    { key: 'title', title: t('ent.col.title'), dataIndex: 'title', ellipsis: true },
    {
      key: 'expiresOn',
      title: t('ent.col.expires'),
      width: 110,
      className: 'nowrap',
      render: (_: unknown, a: IpAsset) => a.assessment.expiresOn ?? '—',
    },
    {
      key: 'pledgeable',
      title: t('ent.col.pledgeable'),
      width: 200,
      ellipsis: true,
      render: (_: unknown, a: IpAsset) => <PledgeTag asset={a} />,
    },
  ];
}

export function IpList() {
  const { t } = useTranslation();
  const { ipFilter: f, ipSort: s, version, set } = useEnterprisesStore();
  const paging = useTablePaging(JSON.stringify([f, s]));
  const fetch = useCallback((q: IpQuery) => api().ipList(q), []);
  const { page, loading, error } = usePagedList(fetch, { filter: f, ...s, offset: paging.offset, limit: PAGE_SIZE }, version);
  const patch = (p: Partial<typeof f>) => set({ ipFilter: { ...f, ...p } });
  const columns: ColumnsType<IpAsset> = [
    ...ipColumns(t, s),
    {
      key: 'enterpriseName',
      title: t('ent.col.enterprise'),
      dataIndex: 'enterpriseName',
      width: 240,
      ellipsis: true,
      sorter: true,
      sortOrder: sortOrderOf(s, 'enterpriseName'),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <SearchBox value={f.search ?? ''} onChange={(search) => patch({ search })} placeholder={t('ent.search')} />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('ent.col.kind')}
          placeholder={t('ent.col.kind')}
          value={f.kinds ?? []}
          onChange={(kinds) => patch({ kinds })}
          options={IP_KINDS.map((k) => ({ value: k, label: IP_KIND_LABELS[k] }))}
          style={{ minWidth: 150 }}
        />
        <DistrictSelect value={f.districts ?? []} onChange={(districts) => patch({ districts })} />
        <DaysSelect
          label={t('ent.expiring')}
          value={f.expiringWithinDays ?? null}
          onChange={(expiringWithinDays) => patch({ expiringWithinDays })}
          format={(days) => t('ent.expiringWithin', { days })}
          options={[90, 180, 365, 730]}
        />
        <Button onClick={() => set({ ipFilter: {} })}>{t('ent.reset')}</Button>
      </Space>
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <ExportButtons request={{ kind: 'ip', filter: f }} />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <ServerTable<IpAsset>
        columns={columns}
        page={page}
        loading={loading}
        paging={paging}
        scrollX={1400}
        empty={t('ent.noMatch')}
        onSort={(sort) => set({ ipSort: sort ? (sort as typeof s) : { sort: 'expiresOn', order: 'asc' } })}
        onOpen={(r) => set({ openEnterpriseId: r.enterpriseId })}
      />
    </Space>
  );
}
