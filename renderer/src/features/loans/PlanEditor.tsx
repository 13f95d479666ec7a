import { Button, DatePicker, Form, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LoanFacts } from '../../../../shared/domain/loan/of-state';
import { planLine } from '../../../../shared/schemas/loan';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { isoOf } from '../../lib/dates';
import { validated } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { useCasesStore } from '../cases/store';
import { yuan } from './labels';

type Line = { dueOn: Dayjs | null; yuan: string };

/** 自定义计划: the instalments as the contract lists them (date and principal); interest is worked out by day. */
export function PlanEditor({ caseId, loan, open, onClose }: { caseId: string; loan: LoanFacts; open: boolean; onClose: () => void }) {
  const act = useCasesStore((s) => s.act);
  const [form] = Form.useForm<{ lines: Line[] }>();
  const terms = loan.terms!;
  const start: Line[] = loan.record.plan.length
    ? loan.record.plan.map((l) => ({ dueOn: dayjs(l.dueOn), yuan: numberText(l.principalFen, 'yuan') }))
    : [{ dueOn: dayjs(terms.endOn), yuan: numberText(terms.principalFen, 'yuan') }];
  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    const plan = v.lines.map((l) => ({ dueOn: isoOf(l.dueOn)!, principalFen: readNumber(l.yuan, 'yuan')! }));
    // The service checks the plan as a whole (dates in order, the sum, the last date) and says what is wrong.
    const ok = await act(() => api().loanPlan({ caseId, method: 'custom', plan }), '已保存自定义还款计划');
    if (ok) onClose();
  };
  return (
    <Modal
      open={open}
      title="自定义还款计划"
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">
        按合同逐期填写还款日与应还本金：各期本金合计须等于贷款本金 {yuan(terms.principalFen)}，最后一期为到期日 {terms.endOn}
        。利息按实际天数 × 年利率 ÷ 360 计算。
      </Typography.Paragraph>
      <Form form={form} name="custom-plan" initialValues={{ lines: start }} preserve={false}>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Space key={f.key} align="start">
                  <Typography.Text style={{ width: 48, display: 'inline-block', lineHeight: '32px' }}>第 {i + 1} 期</Typography.Text>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择还款日' }]}>
                    <DatePicker aria-label={`第 ${i + 1} 期还款日`} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'yuan']}
                    rules={[{ required: true, message: '请填写本金' }, numberRule(planLine.shape.principalFen, 'yuan')]}
                  >
                    <NumberInput unit="元" style={{ width: 180 }} aria-label={`第 ${i + 1} 期本金（元）`} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      移除
                    </Button>
                  )}
                </Space>
              ))}
              <Button onClick={() => add({ dueOn: null, yuan: '' }, Math.max(0, fields.length - 1))} disabled={fields.length >= 360}>
                在最后一期前添加一期
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
