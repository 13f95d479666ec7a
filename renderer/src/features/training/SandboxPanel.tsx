import { Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SandboxView, SnapshotView } from '../../../../shared/training-contract';
import { formatDateTime } from '../../../../shared/time';
import { api, ApiError } from '../../api';
import { switchMode } from './mode';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The sandbox: enter and leave it, load or reset the training dataset, keep named snapshots. */
export function SandboxPanel({ onChanged }: { onChanged: () => void }) {
  const [view, setView] = useState<SandboxView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const refresh = useCallback(() => {
    api()
      .sandboxStatus({})
      .then((v) => (setView(v), setError(null)))
      .catch((err: unknown) => setError(errorText(err)));
  }, []);
  useEffect(refresh, [refresh]);

  const run = async (what: string, job: () => Promise<SandboxView>, done: string) => {
    setBusy(what);
    try {
      setView(await job());
      onChanged();
      void message.success(done);
    } catch (err) {
      void message.error({ content: errorText(err), duration: 6 });
    } finally {
      setBusy(null);
    }
  };
  const save = async ({ name }: { name: string }, overwrite = false) => {
    setBusy('save');
    try {
      const s = await api().snapshotSave({ name, overwrite });
      form.resetFields();
      refresh();
      void message.success(`已保存快照“${s.name}”`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && !overwrite && /已有名为/.test(err.message)) {
        Modal.confirm({
          title: `覆盖快照“${name.trim()}”？`,
          content: '原快照将被当前沙盒数据替换。',
          okText: '覆盖',
          cancelText: '取消',
          onOk: () => save({ name }, true),
        });
      } else form.setFields([{ name: 'name', errors: [errorText(err)] }]);
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Alert type="error" showIcon message="无法读取培训沙盒的状态" description={error} />;
  if (!view) return null;
  if (!view.active)
    return (
      <Card title="培训沙盒">
        <Space direction="vertical" size={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            培训模式使用一份独立的沙盒数据库：可载入虚构的培训数据，随意演练贷前指导、价值评估、质押登记和贴息申报的全流程。
            沙盒从不同步，也不会改动正式数据；退出后回到正式数据，原样不变。
          </Typography.Paragraph>
          <Button type="primary" data-tour="enter-sandbox" onClick={() => void switchMode('enter')}>
            进入培训模式
          </Button>
        </Space>
      </Card>
    );

  const columns = [
    { title: '快照名称', dataIndex: 'name', key: 'name' },
    { title: '保存时间', dataIndex: 'savedAt', key: 'savedAt', render: (v: string) => formatDateTime(v) },
    { title: '大小', dataIndex: 'sizeBytes', key: 'size', render: sizeText },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, s: SnapshotView) => (
        <Space>
          <Popconfirm
            title={`恢复到快照“${s.name}”？`}
            description="沙盒当前的数据将被快照替换。"
            okText="恢复"
            cancelText="取消"
            onConfirm={() => run('restore', () => api().snapshotRestore({ name: s.name }), `已恢复到快照“${s.name}”`)}
          >
            <Button size="small" disabled={busy !== null}>
              恢复
            </Button>
          </Popconfirm>
          <Popconfirm
            title={`删除快照“${s.name}”？`}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => run('delete', () => api().snapshotDelete({ name: s.name }), `已删除快照“${s.name}”`)}
          >
            <Button size="small" danger disabled={busy !== null}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="培训沙盒"
        extra={
          <Button onClick={() => void switchMode('leave')} disabled={busy !== null}>
            退出培训模式
          </Button>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="培训数据">
            {view.dataset.title}（{view.dataset.version}）
          </Descriptions.Item>
          <Descriptions.Item label="沙盒状态">{view.dataset.loaded ? '已载入培训数据' : '尚未载入培训数据'}</Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            data-tour="load-dataset"
            loading={busy === 'load'}
            disabled={busy !== null && busy !== 'load'}
            onClick={() => void run('load', () => api().sandboxLoad({}), '培训数据已载入')}
          >
            载入培训数据
          </Button>
          <Popconfirm
            title="重置沙盒？"
            description="沙盒中的所有改动将被丢弃，恢复为刚载入时的培训数据。"
            okText="重置"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => run('reset', () => api().sandboxReset({}), '沙盒已重置为培训数据')}
          >
            <Button danger loading={busy === 'reset'} disabled={busy !== null && busy !== 'reset'}>
              重置沙盒
            </Button>
          </Popconfirm>
        </Space>
      </Card>
      <Card title="快照" extra={<Typography.Text type="secondary">课前保存一份，下一期培训前恢复</Typography.Text>}>
        <Form form={form} name="snapshot" layout="inline" onFinish={(v) => void save(v)} style={{ marginBottom: 12 }}>
          <Form.Item
            name="name"
            label="快照名称"
            rules={[
              { required: true, whitespace: true, message: '请填写快照名称' },
              { max: 40, message: '不超过 40 个字' },
            ]}
          >
            <Input placeholder="例如：第一期课前" style={{ width: 240 }} />
          </Form.Item>
          <Button htmlType="submit" loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
            保存当前沙盒为快照
          </Button>
        </Form>
        <Table
          rowKey="name"
          size="small"
          columns={columns}
          dataSource={view.snapshots}
          pagination={false}
          locale={{ emptyText: '还没有快照' }}
        />
      </Card>
    </Space>
  );
}
