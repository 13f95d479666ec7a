import { Alert, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { LEGAL_STATUS_LABELS, type LegalStatus } from '../../../../shared/domain/ip';
import type { LoanFacts } from '../../../../shared/domain/loan/of-state';
import { IP_EVENT_KINDS, IP_EVENT_LABELS, WATCH_LEVEL_LABELS, type IpEventKind } from '../../../../shared/domain/loan/watch';
import { ipEventInput } from '../../../../shared/schemas/loan';
import { api } from '../../api';
import { dateRule, isoOf } from '../../lib/dates';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';
import { useCasesStore } from '../cases/store';
import { LEVEL_ALERT } from './labels';

type EventForm = { kind: IpEventKind; occurredOn: Dayjs; endedOn: Dayjs | null; note: string };

/** The pledged items while the loan runs: every warning with what to do next, and each item's legal-status events. */
export function WatchSection({ caseId, loan, readOnly }: { caseId: string; loan: LoanFacts; readOnly: boolean }) {
  const act = useCasesStore((s) => s.act);
  const [itemId, setItemId] = useState<string | null>(null);
  const [form] = Form.useForm<EventForm>();
  const byItem = new Map(loan.items.map((i) => [i.id, i]));
  const save = async () => {
    const v = await validated(form);
    if (!v || !itemId) return;
    const ok = await act(
      () =>
        api().ipEventSave({
          caseId,
          ipAssetId: itemId,
          kind: v.kind,
          occurredOn: isoOf(v.occurredOn)!,
          endedOn: isoOf(v.endedOn),
          note: v.note ?? '',
        }),
      '已记录法律状态事件',
      (err) => applyApiError(form, err),
    );
    if (ok) setItemId(null);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <section data-testid="loan-warnings">
        <Typography.Title level={5}>质押物监测</Typography.Title>
        {loan.warnings.length === 0 ? (
          <Alert
            type="success"
            showIcon
            message={loan.pledgeStands ? '暂无预警：年费、保护期与法律状态正常' : '质押已注销或贷款已结清，不再监测'}
          />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {loan.warnings.map((w, n) => (
              <Alert
                key={`${w.code}-${w.itemId}-${n}`}
                type={LEVEL_ALERT[w.level]}
                showIcon
                message={
                  <span>
                    <Tag color={w.level === 'danger' ? 'red' : w.level === 'warning' ? 'orange' : 'blue'}>
                      {WATCH_LEVEL_LABELS[w.level]}
                    </Tag>
                    {w.itemId ? `${byItem.get(w.itemId)?.number ?? ''} ` : ''}
                    {w.message}
                  </span>
                }
                description={`建议：${w.action}`}
              />
            ))}
          </Space>
        )}
      </section>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={loan.items}
        locale={{ emptyText: '没有质押物' }}
        columns={[
          { title: '编号', dataIndex: 'number', width: 170 },
          { title: '名称', dataIndex: 'title' },
          { title: '法律状态', key: 'ls', width: 90, render: (_, i) => LEGAL_STATUS_LABELS[i.legalStatus as LegalStatus] },
          { title: '年费缴至', key: 'fee', width: 110, render: (_, i) => i.feePaidThrough ?? '未记录' },
          {
            title: '法律状态事件',
            key: 'ev',
            render: (_, i) =>
              i.events.length === 0 ? (
                <Typography.Text type="secondary">无</Typography.Text>
              ) : (
                <Space direction="vertical" size={2}>
                  {i.events.map((e) => (
                    <span key={e.id}>
                      {e.occurredOn} {IP_EVENT_LABELS[e.kind]}
                      {e.endedOn ? `（${e.endedOn} 解除）` : ''}
                      {e.note ? `：${e.note}` : ''}
                      {!readOnly && (
                        <Popconfirm
                          title="删除这条事件？"
                          onConfirm={() => void act(() => api().ipEventDelete({ caseId, id: e.id! }), '已删除')}
                        >
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      )}
                    </span>
                  ))}
                </Space>
              ),
          },
          {
            title: '',
            key: 'add',
            width: 110,
            render: (_, i) =>
              !readOnly && (
                <Button size="small" onClick={() => setItemId(i.id)}>
                  记录事件
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={itemId !== null}
        title={`记录法律状态事件：${itemId ? (byItem.get(itemId)?.number ?? '') : ''}`}
        okText="保存"
        cancelText="取消"
        onOk={() => void save()}
        onCancel={() => setItemId(null)}
        destroyOnHidden
      >
        <Form
          form={form}
          name="ip-event"
          layout="vertical"
          onValuesChange={clearServerErrors(form)}
          preserve={false}
          initialValues={{ kind: 'lapse', occurredOn: dayjs(), endedOn: null, note: '' }}
        >
          <Form.Item name="kind" label="事件" rules={[{ required: true, message: '请选择事件' }]}>
            <Select options={IP_EVENT_KINDS.map((k) => ({ value: k, label: IP_EVENT_LABELS[k] }))} />
          </Form.Item>
          <Form.Item
            name="occurredOn"
            label="事件日期"
            rules={[{ required: true, message: '请选择事件日期' }, dateRule(ipEventInput.shape.occurredOn)]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="endedOn" label="解除日期（如无效请求撤回、保全解除）">
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
