import { Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  REPAYMENT_KIND_LABELS,
  REPAYMENT_KINDS,
  ROW_STATUS_LABELS,
  type RepaymentKind,
  type ServicedRow,
} from '../../../../shared/domain/loan/servicing';
import type { LoanFacts } from '../../../../shared/domain/loan/of-state';
import { repaymentInput } from '../../../../shared/schemas/loan';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { dateRule } from '../../lib/dates';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { useCasesStore } from '../cases/store';
import { ROW_COLORS, yuan } from './labels';

/** The schedule as the contract now stands, each instalment's status, and the repayments as they came in. */
export function ScheduleSection({ caseId, loan, readOnly }: { caseId: string; loan: LoanFacts; readOnly: boolean }) {
  const act = useCasesStore((s) => s.act);
  const [form] = Form.useForm<{ paidOn: Dayjs; kind: RepaymentKind; yuan: string; note: string }>();
  const s = loan.servicing!;
  const next = s.nextDue;
  const add = async () => {
    const v = await validated(form);
    if (!v) return;
    const ok = await act(
      () =>
        api().repaymentSave({
          caseId,
          paidOn: v.paidOn.format('YYYY-MM-DD'),
          kind: v.kind,
          amountFen: readNumber(v.yuan, 'yuan')!,
          note: v.note ?? '',
        }),
      '已登记还款',
      (err) => applyApiError(form, err, { amountFen: 'yuan' }),
    );
    if (ok) form.resetFields(['yuan', 'note']);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <section>
        <Typography.Title level={5}>登记还款</Typography.Title>
        <Form
          form={form}
          name="repayment"
          layout="inline"
          disabled={readOnly}
          onValuesChange={clearServerErrors(form)}
          initialValues={{ paidOn: dayjs(), kind: 'instalment', yuan: next ? numberText(next.amountFen, 'yuan') : '' }}
          data-testid="repayment-form"
        >
          <Form.Item
            name="paidOn"
            label="还款日期"
            rules={[{ required: true, message: '请选择还款日期' }, dateRule(repaymentInput.shape.paidOn)]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select style={{ width: 120 }} options={REPAYMENT_KINDS.map((k) => ({ value: k, label: REPAYMENT_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item
            name="yuan"
            label="金额"
            rules={[{ required: true, message: '请填写还款金额' }, numberRule(repaymentInput.shape.amountFen, 'yuan')]}
          >
            <NumberInput unit="元" style={{ width: 170 }} aria-label="还款金额（元）" />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input maxLength={200} style={{ width: 160 }} />
          </Form.Item>
          <Button onClick={() => void add()}>登记</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          按期还款按先息后本金冲抵最早未还的一期；提前还本另计自上一还款日起的应计利息，此后各期按剩余本金重算（到期日不变）。
        </Typography.Paragraph>
      </section>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={loan.repayments}
        locale={{ emptyText: '尚无还款记录' }}
        columns={[
          { title: '还款日期', dataIndex: 'paidOn', width: 120 },
          { title: '类型', key: 'k', width: 110, render: (_, r) => REPAYMENT_KIND_LABELS[r.kind] },
          { title: '金额（元）', key: 'a', width: 160, align: 'right', render: (_, r) => yuan(r.amountFen) },
          { title: '备注', dataIndex: 'note' },
          {
            title: '',
            key: 'x',
            width: 70,
            render: (_, r) =>
              !readOnly && (
                <Popconfirm title="删除这条还款记录？" onConfirm={() => void act(() => api().repaymentDelete({ id: r.id }), '已删除')}>
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <section>
        <Typography.Title level={5}>
          还款计划（{s.rows.length} 期，到期日 {s.endOn}）
        </Typography.Title>
        <Table<ServicedRow>
          rowKey={(r) => `${r.no}`}
          size="small"
          pagination={s.rows.length > 24 ? { pageSize: 24 } : false}
          dataSource={s.rows}
          data-testid="schedule"
          columns={[
            { title: '期次', dataIndex: 'no', width: 60 },
            { title: '还款日', key: 'd', width: 120, render: (_, r) => (r.kind === 'prepayment' ? `${r.dueOn}（提前还本）` : r.dueOn) },
            { title: '本金（元）', key: 'p', align: 'right', render: (_, r) => yuan(r.principalFen) },
            { title: '利息（元）', key: 'i', align: 'right', render: (_, r) => yuan(r.interestFen) },
            { title: '应还（元）', key: 't', align: 'right', render: (_, r) => yuan(r.totalFen) },
            { title: '已还（元）', key: 'pd', align: 'right', render: (_, r) => yuan(r.paidFen) },
            { title: '剩余本金（元）', key: 'r', align: 'right', render: (_, r) => yuan(r.remainingFen) },
            {
              title: '状态',
              key: 's',
              width: 150,
              render: (_, r) => (
                <Tag color={ROW_COLORS[r.status]}>
                  {ROW_STATUS_LABELS[r.status]}
                  {r.daysLate > 0 ? ` ${r.daysLate} 天` : ''}
                </Tag>
              ),
            },
          ]}
        />
      </section>
    </Space>
  );
}
