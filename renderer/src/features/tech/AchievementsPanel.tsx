import { Alert, Button, Input, Popconfirm, Space, Table, Tooltip, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { AchievementRow, NeedRow } from '../../../../shared/types/tech';
import { api } from '../../api';
import { useAccount, useSyncStore } from '../sync/store';
import { AchievementEditor } from './AchievementEditor';
import { AchievementMatches } from './AchievementMatches';
import { errorText, ImportButton, ipcText } from './common';

/** Deleting an achievement is the district's or the administrator's (tech.ts: achievement.delete). */
const DELETERS = ['officer', 'admin'];
const PAGE_SIZE = 10;

/** 科技成果: the universities' and institutes' achievements; one selected shows its 匹配需求. */
export function AchievementsPanel({
  selected,
  onSelect,
  onOpenNeed,
}: {
  selected: AchievementRow | null;
  onSelect: (a: AchievementRow | null) => void;
  onOpenNeed: (n: NeedRow) => void;
}) {
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<AchievementRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AchievementRow | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  const account = useAccount();
  const canDelete = !account || DELETERS.includes(account.role);
  useEffect(() => {
    let live = true;
    api()
      .achievementsList({ search, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then((r) => {
        if (!live) return;
        // A page emptied by a deletion falls back to the last one there is.
        if (r.rows.length === 0 && r.total > 0 && page > 1) return setPage(Math.ceil(r.total / PAGE_SIZE));
        setRows(r.rows);
        setTotal(r.total);
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [search, page, version, synced]);

  const remove = async (a: AchievementRow) => {
    try {
      await api().achievementDelete({ id: a.id });
      if (selected?.id === a.id) onSelect(null);
      setVersion((v) => v + 1);
      void message.success(`已删除“${a.title}”`);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Input.Search
          allowClear
          aria-label="搜索科技成果"
          placeholder="搜索成果、持有单位、领域或 IPC"
          style={{ width: 300 }}
          onSearch={(q) => {
            setSearch(q);
            setPage(1);
          }}
        />
        <Space wrap>
          <ImportButton kind="achievements" />
          <Button type="primary" onClick={() => setEditing('new')}>
            新增成果
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title="科技成果未能读取" description={error} />}
      <Table<AchievementRow>
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 项`,
          onChange: setPage,
        }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selected ? [selected.id] : [],
          onChange: (_keys, picked) => onSelect(picked[0] ?? null),
        }}
        onRow={(a) => ({ onClick: () => onSelect(a), style: { cursor: 'pointer' } })}
        locale={{
          emptyText: search
            ? '没有符合条件的科技成果'
            : '还没有科技成果：从 Excel 导入高校院所的成果清单（企业与白名单 → 导入），或点击“新增成果”逐项登记',
        }}
        columns={[
          { key: 'title', title: '成果名称', dataIndex: 'title' },
          { key: 'holder', title: '持有单位', dataIndex: 'holder', width: 200 },
          { key: 'maturity', title: '成熟度', width: 80, render: (_, a) => a.maturity ?? '—' },
          { key: 'modes', title: '转化方式', width: 130, render: (_, a) => a.transferModes.join('、') || '—' },
          {
            key: 'ipc',
            title: 'IPC',
            width: 150,
            render: (_, a) => ipcText(a.ipcClasses),
          },
          { key: 'patents', title: '专利', width: 60, align: 'right', render: (_, a) => a.patents.length || '—' },
          {
            key: 'actions',
            title: '操作',
            width: 120,
            render: (_, a) => (
              <span onClick={(e) => e.stopPropagation()}>
                <Space>
                  <Button size="small" onClick={() => setEditing(a)}>
                    编辑
                  </Button>
                  {canDelete ? (
                    <Popconfirm
                      title={`删除科技成果“${a.title}”？`}
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => void remove(a)}
                    >
                      <Button size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Tooltip title="科技成果仅区级管理员或系统管理员可删除">
                      <Button size="small" danger disabled>
                        删除
                      </Button>
                    </Tooltip>
                  )}
                </Space>
              </span>
            ),
          },
        ]}
      />
      {selected ? (
        <AchievementMatches achievement={selected} onOpenNeed={onOpenNeed} />
      ) : (
        rows && rows.length > 0 && <Typography.Text type="secondary">点击一项成果，查看它可能满足的企业技术需求。</Typography.Text>
      )}
      {editing && (
        <AchievementEditor
          initial={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(a) => {
            setEditing(null);
            setVersion((v) => v + 1);
            onSelect(a);
            void message.success(`已保存“${a.title}”`);
          }}
        />
      )}
    </Space>
  );
}
