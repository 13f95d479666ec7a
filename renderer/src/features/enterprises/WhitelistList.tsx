import { Alert, Button, Form, Input, Modal, Select, Space, Tag, Timeline, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_STATUSES, PRIORITY_LABELS, type EntryStatus } from '../../../../shared/domain/whitelist';
import type { EntryQuery } from '../../../../shared/schemas/queries';
import type { StatusChange, WhitelistEntry } from '../../../../shared/types/records';
import { api } from '../../api';
import { fenToWanText } from '../../lib/format';
import { ExportButtons } from '../../components/ExportButtons';
import { DaysSelect, DistrictSelect, NeedRange, SearchBox, StatusSelect, StewardSelect } from './FilterControls';
import { useEnterprisesStore } from './store';
import { ServerTable } from './ServerTable';
import { sortOrderOf, STATUS_COLORS, useTablePaging } from './tables';
import { PAGE_SIZE, usePagedList } from './usePagedList';
import { formatDateTime } from '../../../../shared/time';
import { validated } from '../../lib/formErrors';
import { ConflictBadge } from '../sync/ConflictBadge';

/** Moves an entry to a new status with the reason, showing every earlier move. */
function StatusModal({ entry, onClose }: { entry: WhitelistEntry; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<StatusChange[]>([]);
  const [form] = Form.useForm<{ status: EntryStatus; reason: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api()
      .entryHistory({ entryId: entry.id })
      .then(setHistory, () => setHistory([]));
  }, [entry.id]);
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      await api().entryStatusChange({ entryId: entry.id, status: v.status, reason: v.reason });
      void message.success(t('ent.saved'));
      onClose(true);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('ent.changeStatus')}：${entry.enterpriseName}`}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => onClose(false)}
      okText={t('ent.form.save')}
      cancelText={t('ent.form.cancel')}
    >
      <Form form={form} layout="vertical" initialValues={{ status: undefined, reason: '' }}>
        <Form.Item name="status" label={t('ent.form.newStatus')} rules={[{ required: true, message: t('ent.form.required') }]}>
          <Select options={ENTRY_STATUSES.filter((s) => s !== entry.status).map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('ent.form.reason')}
          rules={[{ required: true, whitespace: true, message: t('ent.form.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <Timeline
        items={history.map((h) => ({
          children: `${formatDateTime(h.changedAt)} ${h.changedBy}：${h.fromStatus ?? '—'} → ${h.toStatus}${h.reason ? `（${h.reason}）` : ''}`,
        }))}
      />
    </Modal>
  );
}

export function WhitelistList() {
  const { t } = useTranslation();
  const { entryFilter: f, entrySort: s, version, set, changed } = useEnterprisesStore();
  const paging = useTablePaging(JSON.stringify([f, s]));
  const fetch = useCallback((q: EntryQuery) => api().entriesList(q), []);
  const { page, loading, error } = usePagedList(fetch, { filter: f, ...s, offset: paging.offset, limit: PAGE_SIZE }, version);
  const [editing, setEditing] = useState<WhitelistEntry | null>(null);
  const patch = (p: Partial<typeof f>) => set({ entryFilter: { ...f, ...p } });
  const columns: ColumnsType<WhitelistEntry> = [
    {
      key: 'enterpriseName',
      title: t('ent.col.name'),
      dataIndex: 'enterpriseName',
      width: 260,
      ellipsis: true,
      sorter: true,
      sortOrder: sortOrderOf(s, 'enterpriseName'),
      render: (v: string, e: WhitelistEntry) => (
        <>
          {v}
          <ConflictBadge id={e.id} />
          <ConflictBadge id={e.enterpriseId} />
        </>
      ),
    },
    { key: 'district', title: t('ent.col.district'), dataIndex: 'district', width: 90 },
    { key: 'batch', title: t('ent.col.batch'), dataIndex: 'batchName', width: 190, ellipsis: true },
    { key: 'surveyedOn', title: t('ent.col.surveyedOn'), dataIndex: 'surveyedOn', width: 110, className: 'nowrap' },
    { key: 'source', title: t('ent.col.source'), dataIndex: 'source', width: 140, ellipsis: true, render: (v: string) => v || '—' },
    {
      key: 'status',
      title: t('ent.col.status'),
      dataIndex: 'status',
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf(s, 'status'),
      render: (v: string) => <Tag color={STATUS_COLORS[v]}>{v}</Tag>,
    },
    { key: 'steward', title: t('ent.col.steward'), dataIndex: 'steward', width: 100, sorter: true, sortOrder: sortOrderOf(s, 'steward') },
    {
      key: 'needFen',
      title: t('ent.col.need'),
      dataIndex: 'needFen',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(s, 'needFen'),
      render: fenToWanText,
    },
    {
      key: 'term',
      title: t('ent.col.term'),
      dataIndex: 'needTermMonths',
      width: 100,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : t('ent.detail.months', { n: v })),
    },
    {
      key: 'priority',
      title: t('ent.col.priority'),
      dataIndex: 'priority',
      width: 80,
      sorter: true,
      sortOrder: sortOrderOf(s, 'priority'),
      render: (p: number) => PRIORITY_LABELS[p],
    },
    {
      key: 'lastVisitOn',
      title: t('ent.col.lastVisit'),
      dataIndex: 'lastVisitOn',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(s, 'lastVisitOn'),
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'actions',
      title: t('ent.col.actions'),
      width: 110,
      fixed: 'right',
      render: (_: unknown, e: WhitelistEntry) => (
        <Button size="small" onClick={(ev) => (ev.stopPropagation(), setEditing(e))}>
          {t('ent.changeStatus')}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <SearchBox value={f.search ?? ''} onChange={(search) => patch({ search })} placeholder={t('ent.search')} />
        <DistrictSelect value={f.districts ?? []} onChange={(districts) => patch({ districts })} />
        <StatusSelect value={f.statuses ?? []} onChange={(statuses) => patch({ statuses })} />
        <StewardSelect value={f.stewards ?? []} onChange={(stewards) => patch({ stewards })} version={version} />
        <NeedRange
          min={f.needMinFen ?? null}
          max={f.needMaxFen ?? null}
          onChange={(needMinFen, needMaxFen) => patch({ needMinFen, needMaxFen })}
        />
        <DaysSelect
          label={t('ent.notVisited')}
          value={f.notVisitedForDays ?? null}
          onChange={(notVisitedForDays) => patch({ notVisitedForDays })}
          format={(days) => t('ent.notVisitedFor', { days })}
          options={[30, 60, 90, 180]}
        />
        <Button onClick={() => set({ entryFilter: {} })}>{t('ent.reset')}</Button>
      </Space>
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <ExportButtons request={{ kind: 'whitelist', filter: f }} />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <ServerTable<WhitelistEntry>
        columns={columns}
        page={page}
        loading={loading}
        paging={paging}
        scrollX={1560}
        empty={t('ent.noMatch')}
        onSort={(sort) => set({ entrySort: sort ? (sort as typeof s) : { sort: 'priority', order: 'asc' } })}
        onOpen={(r) => set({ openEnterpriseId: r.enterpriseId })}
      />
      {editing && <StatusModal entry={editing} onClose={(didChange) => (setEditing(null), didChange && changed())} />}
    </Space>
  );
}
