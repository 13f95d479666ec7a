import { Alert, Button, Card, Form, Modal, Progress, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { backupPolicy } from '../../../../shared/backup-contract';
import { NumberInput } from '../../components/NumberInput';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { formatDateTime } from '../../../../shared/time';
import type { BackupEntry, BackupInfo, BackupPolicy, BackupReason, BackupsView } from '../../../../shared/types/backup';
import { api } from '../../api';
import { useAppStore } from '../../app/store';
import { downloadBase64 } from '../../lib/files';
import { applyApiError } from '../../lib/formErrors';
import { useJob } from '../../lib/useJob';

const REASONS: Record<BackupReason, { label: string; color: string }> = {
  manual: { label: '手动', color: 'blue' },
  daily: { label: '每日自动', color: 'default' },
  'before-restore': { label: '恢复前自动保存', color: 'orange' },
};

const confirmDrop = (n: number) =>
  new Promise<boolean>((resolve) =>
    Modal.confirm({
      title: `保存后将删除最早的 ${n} 份备份`,
      content: '删除后无法找回。如需保留，请先导出这些备份。',
      okText: '删除并保存',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    }),
  );

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** 备份与恢复: back up the working data now, keep N and a daily one, restore or export a backup. */
export function BackupCard() {
  const [view, setView] = useState<BackupsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ keep: string; daily: boolean }>();
  const job = useJob<BackupEntry>();
  const reloadApp = useAppStore((s) => s.load);

  const load = useCallback(async () => {
    try {
      const v = await api().backupsList({});
      setView(v);
      form.setFieldsValue({ keep: numberText(v.policy.keep, 'plain'), daily: v.policy.daily });
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [form]);
  useEffect(() => void load(), [load]);

  const backupNow = async () => {
    const made = await job.run(() => api().backupCreate({}));
    if (made) void message.success(`已备份：${formatDateTime(made.createdAt)}`);
    await load();
  };
  const savePolicy = async (v: { keep: string; daily: boolean }) => {
    const p: BackupPolicy = { keep: readNumber(v.keep, 'plain')!, daily: v.daily };
    const dropped = (view?.backups.length ?? 0) - p.keep;
    // Fewer to keep deletes the oldest at once: said before it happens.
    if (dropped > 0 && !(await confirmDrop(dropped))) return;
    try {
      await api().backupPolicySave(p);
      void message.success('已保存备份设置');
      await load();
    } catch (err) {
      const rest = applyApiError(form, err);
      if (rest) void message.error(rest);
    }
  };
  const exportOne = async (b: BackupEntry) => {
    setBusy(b.name);
    try {
      const f = await api().backupExport({ name: b.name });
      downloadBase64(f.fileName, f.base64);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  const restore = async (b: BackupEntry) => {
    setBusy(b.name);
    let info: BackupInfo;
    try {
      info = await api().backupInspect({ name: b.name });
    } catch (err) {
      setBusy(null);
      return void Modal.error({ title: '不能用这份备份恢复', content: err instanceof Error ? err.message : String(err) });
    }
    setBusy(null);
    Modal.confirm({
      title: `用 ${formatDateTime(info.createdAt)} 的备份替换当前数据？`,
      width: 520,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      content: (
        <Space orientation="vertical" size={4}>
          <span>
            备份中有企业 {info.enterprises} 家、知识产权 {info.ipAssets} 项、服务案件 {info.cases} 件
            {info.unsent > 0 ? `，另有 ${info.unsent} 项尚未同步的修改` : ''}。
          </span>
          <span>当前数据会先另存为一份“恢复前自动保存”的备份，随时可以再恢复回来。</span>
          {info.account && <span>恢复后同步时，备份之后在中心服务上的修改会重新下载到本机。</span>}
        </Space>
      ),
      onOk: async () => {
        try {
          const r = await api().backupRestore({ name: b.name });
          void message.success(`已恢复（当前数据已另存为 ${formatDateTime(r.safetyCopy.createdAt)} 的备份）`);
          await reloadApp();
          await load();
        } catch (err) {
          Modal.error({ title: '恢复未完成', content: err instanceof Error ? err.message : String(err) });
          await load();
        }
      },
    });
  };

  return (
    <Card
      title="备份与恢复"
      data-testid="backup-card"
      extra={
        <Space>
          {job.running && <Progress type="circle" size={24} percent={job.percent} aria-label="正在备份" />}
          <Button type="primary" loading={job.running} onClick={() => void backupNow()}>
            立即备份
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon message={error} />}
        <Typography.Text type="secondary">
          备份保存在本机：{view ? <Typography.Text copyable>{view.folder}</Typography.Text> : '…'}
          。备份是完整的数据库副本，请导出到移动硬盘等安全位置另行保管。
        </Typography.Text>
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8, minHeight: 56 }}
          onFinish={(v) => void savePolicy(v)}
          initialValues={{ keep: '10', daily: true }}
        >
          <Form.Item
            name="keep"
            label="保留份数"
            rules={[{ required: true, message: '请填写保留份数' }, numberRule(backupPolicy.shape.keep, 'plain', { label: '保留份数' })]}
          >
            <NumberInput aria-label="保留份数" unit="份" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="daily" label="每日自动备份" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">保存设置</Button>
          </Form.Item>
        </Form>
        {job.error && <Alert type="error" showIcon message={`备份未完成：${job.error}`} />}
        <Table<BackupEntry>
          size="small"
          rowKey="name"
          loading={!view && !error}
          dataSource={view?.backups ?? []}
          pagination={{ pageSize: 8, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 份` }}
          locale={{ emptyText: '还没有备份：点击“立即备份”，或打开“每日自动备份”' }}
          columns={[
            { key: 'at', title: '备份时间', render: (_, b) => formatDateTime(b.createdAt, { seconds: true }) },
            {
              key: 'reason',
              title: '类型',
              filters: Object.entries(REASONS).map(([value, r]) => ({ text: r.label, value })),
              onFilter: (value, b) => b.reason === value,
              render: (_, b) => <Tag color={REASONS[b.reason].color}>{REASONS[b.reason].label}</Tag>,
            },
            { key: 'size', title: '大小', align: 'right', render: (_, b) => sizeText(b.sizeBytes) },
            {
              key: 'actions',
              title: '操作',
              render: (_, b) => (
                <Space>
                  <Button size="small" disabled={!!busy || job.running} onClick={() => void exportOne(b)}>
                    导出
                  </Button>
                  <Button size="small" danger loading={busy === b.name} disabled={!!busy || job.running} onClick={() => void restore(b)}>
                    恢复
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
