import { Alert, Button, Input, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { NeedRow } from '../../../../shared/types/tech';
import { api } from '../../api';
import { routeParam } from '../../app/useHashRoute';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { fenToWanText } from '../../lib/format';
import { useSyncStore } from '../sync/store';
import { errorText, ImportButton, ipcText } from './common';
import { NeedEditor, type EnterpriseRef } from './NeedEditor';
import { NeedMatches } from './NeedMatches';

/** 技术需求: the enterprises' needs, filtered by text and enterprise; one selected shows its 推荐成果. */
export function NeedsPanel({
  selected,
  onSelect,
  onOpenAchievements,
}: {
  selected: NeedRow | null;
  onSelect: (n: NeedRow | null) => void;
  onOpenAchievements: () => void;
}) {
  const [search, setSearch] = useState('');
  // Opened from an enterprise ("#/tech?enterprise=…"): its needs only, until the filter is cleared.
  const [enterprise, setEnterprise] = useState<EnterpriseRef | null>(() => {
    const id = routeParam('enterprise');
    return id ? { id, name: '' } : null;
  });
  const [rows, setRows] = useState<NeedRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<NeedRow | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  // Asked again for another enterprise while this page is open (the hash changes, the page stays).
  useEffect(() => {
    const follow = () => {
      const id = routeParam('enterprise');
      if (id) setEnterprise((e) => (e?.id === id ? e : { id, name: '' }));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const enterpriseId = enterprise?.id;
  const named = !!enterprise?.name;
  useEffect(() => {
    if (!enterpriseId || named) return;
    api()
      .enterpriseGet({ id: enterpriseId })
      .then(
        (e) => setEnterprise({ id: e.id, name: e.name }),
        (err: unknown) => (setEnterprise(null), void message.error(`未找到该企业：${errorText(err)}`)),
      );
  }, [enterpriseId, named]);
  useEffect(() => {
    let live = true;
    api()
      .techNeedsList({ search, ...(enterpriseId ? { enterpriseId } : {}) })
      .then((r) => live && (setRows(r), setError(null)))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [search, enterpriseId, version, synced]);

  const remove = async (n: NeedRow) => {
    try {
      await api().techNeedDelete({ id: n.id });
      if (selected?.id === n.id) onSelect(null);
      setVersion((v) => v + 1);
      void message.success(`已删除“${n.title}”`);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const filtered = !!search || !!enterprise;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            aria-label="搜索技术需求"
            placeholder="搜索需求、企业、领域或 IPC"
            style={{ width: 280 }}
            onSearch={setSearch}
          />
          {enterprise ? (
            <Tag closable onClose={() => setEnterprise(null)} style={{ lineHeight: '30px', paddingInline: 10 }}>
              企业：{enterprise.name || '读取中…'}
            </Tag>
          ) : (
            <EnterprisePicker value={null} onChange={(e) => setEnterprise(e && { id: e.id, name: e.name })} />
          )}
        </Space>
        <Space wrap>
          <ImportButton kind="needs" />
          <Button type="primary" onClick={() => setEditing('new')}>
            新增需求
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title="技术需求未能读取" description={error} />}
      <Table<NeedRow>
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条` }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selected ? [selected.id] : [],
          onChange: (_keys, picked) => onSelect(picked[0] ?? null),
        }}
        onRow={(n) => ({ onClick: () => onSelect(n), style: { cursor: 'pointer' } })}
        locale={{
          emptyText: filtered
            ? '没有符合条件的技术需求'
            : '还没有技术需求：点击“新增需求”登记企业提出的需求，或从 Excel 批量导入（企业与白名单 → 导入）',
        }}
        columns={[
          { key: 'title', title: '需求名称', dataIndex: 'title' },
          {
            key: 'enterprise',
            title: '企业',
            width: 220,
            render: (_, n) => (
              <>
                {n.enterpriseName}
                <Typography.Text type="secondary">（{n.district}）</Typography.Text>
              </>
            ),
          },
          { key: 'field', title: '领域', width: 90, render: (_, n) => n.field || '—' },
          {
            key: 'ipc',
            title: 'IPC',
            width: 160,
            render: (_, n) => ipcText(n.ipcClasses),
          },
          { key: 'budget', title: '预算', width: 110, align: 'right', render: (_, n) => fenToWanText(n.budgetFen) },
          { key: 'deadline', title: '期望完成', width: 100, render: (_, n) => n.deadline ?? '—' },
          {
            key: 'actions',
            title: '操作',
            width: 120,
            render: (_, n) => (
              // Buttons and the confirmation act on their own: a click on them does not select the row.
              <span onClick={(e) => e.stopPropagation()}>
                <Space>
                  <Button size="small" onClick={() => setEditing(n)}>
                    编辑
                  </Button>
                  <Popconfirm
                    title={`删除技术需求“${n.title}”？`}
                    description="它的对接跟进记录一并删除。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => void remove(n)}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              </span>
            ),
          },
        ]}
      />
      {selected ? (
        <NeedMatches need={selected} onOpenAchievements={onOpenAchievements} />
      ) : (
        rows &&
        rows.length > 0 && <Typography.Text type="secondary">点击一条需求，查看为它推荐的科技成果，并记录对接跟进。</Typography.Text>
      )}
      {editing && (
        <NeedEditor
          initial={editing === 'new' ? null : editing}
          enterprise={enterprise?.name ? enterprise : null}
          onClose={() => setEditing(null)}
          onSaved={(n) => {
            setEditing(null);
            setVersion((v) => v + 1);
            onSelect(n);
            void message.success(`已保存“${n.title}”`);
          }}
        />
      )}
    </Space>
  );
}
