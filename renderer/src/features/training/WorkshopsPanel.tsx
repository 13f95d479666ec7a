import { Alert, Button, Card, Input, Popconfirm, Select, Space, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { WorkshopView } from '../../../../shared/domain/training/workshops';
import { ATTENDEE_KIND_LABELS, ATTENDEE_KINDS, type AttendeeKind, type WorkshopFilter } from '../../../../shared/schemas/workshop';
import { api } from '../../api';
import { useAppStore } from '../../app/store';
import { ExportButtons } from '../../components/ExportButtons';
import { WorkshopEditor } from './WorkshopEditor';

const THIS_YEAR = new Date().getFullYear();

/** 培训记录: the association's sessions with attendance, filtered and exported; real records, so not in the sandbox. */
export function WorkshopsPanel() {
  const sandbox = useAppStore((s) => s.info?.sandbox ?? false);
  const [filter, setFilter] = useState<WorkshopFilter>({ search: '' });
  const [rows, setRows] = useState<WorkshopView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<WorkshopView | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (sandbox) return;
    api()
      .workshopsList(filter)
      .then((r) => (setRows(r), setError(null)))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [filter, version, sandbox]);

  if (sandbox)
    return <Alert type="info" showIcon message="培训记录保存在正式数据中" description="退出培训模式后，可查看、登记和导出培训记录。" />;

  const remove = async (w: WorkshopView) => {
    try {
      await api().workshopDelete({ id: w.id });
      setVersion((v) => v + 1);
      void message.success(`已删除“${w.topic}”`);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const columns = [
    { title: '日期', dataIndex: 'date', key: 'date', width: 110 },
    { title: '主题', dataIndex: 'topic', key: 'topic' },
    { title: '讲师', dataIndex: 'trainer', key: 'trainer', width: 100 },
    { title: '地点', dataIndex: 'venue', key: 'venue' },
    { title: '报名', dataIndex: 'invited', key: 'invited', width: 64, align: 'right' as const },
    { title: '出席', dataIndex: 'attended', key: 'attended', width: 64, align: 'right' as const },
    {
      title: '出席学员构成',
      key: 'kinds',
      render: (_: unknown, w: WorkshopView) =>
        ATTENDEE_KINDS.filter((k) => w.byKind[k] > 0)
          .map((k) => `${ATTENDEE_KIND_LABELS[k]} ${w.byKind[k]}`)
          .join('，') || '—',
    },
    { title: '资料', key: 'materials', width: 64, align: 'right' as const, render: (_: unknown, w: WorkshopView) => w.materials.length },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_: unknown, w: WorkshopView) => (
        <Space>
          <Button size="small" onClick={() => setEditing(w)}>
            编辑
          </Button>
          <Popconfirm
            title={`删除“${w.topic}”的培训记录？`}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => void remove(w)}
          >
            <Button size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Card
      title="培训记录"
      extra={
        <Button type="primary" onClick={() => setEditing('new')}>
          登记培训
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="主题、讲师、地点、学员或单位"
            aria-label="搜索培训记录"
            style={{ width: 260 }}
            onSearch={(search) => setFilter((f) => ({ ...f, search }))}
          />
          <Select
            allowClear
            placeholder="年度"
            aria-label="年度"
            style={{ width: 110 }}
            value={filter.year}
            onChange={(year?: number) => setFilter((f) => ({ ...f, year }))}
            options={Array.from({ length: 6 }, (_, i) => ({ value: THIS_YEAR - i, label: `${THIS_YEAR - i} 年` }))}
          />
          <Select
            allowClear
            placeholder="学员类别"
            aria-label="学员类别"
            style={{ width: 130 }}
            value={filter.kind}
            onChange={(kind?: AttendeeKind) => setFilter((f) => ({ ...f, kind }))}
            options={ATTENDEE_KINDS.map((k) => ({ value: k, label: ATTENDEE_KIND_LABELS[k] }))}
          />
        </Space>
        <ExportButtons request={{ kind: 'workshops', filter }} />
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        columns={columns}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: filter.search || filter.year || filter.kind ? '没有符合条件的培训记录' : '还没有培训记录：点击“登记培训”添加第一期',
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        导出为每名学员一行的签到表（含出席情况）。
      </Typography.Text>
      {editing && (
        <WorkshopEditor
          initial={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(w) => {
            setEditing(null);
            setVersion((v) => v + 1);
            void message.success(`已保存“${w.topic}”`);
          }}
        />
      )}
    </Card>
  );
}
