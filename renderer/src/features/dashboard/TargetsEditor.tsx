import { Alert, Form, Modal, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { District } from '../../../../shared/domain/districts';
import { targetInput } from '../../../../shared/schemas/targets';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { validated } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';

const COUNT = targetInput.shape.registrations;
const AMOUNT = targetInput.shape.amountFen;

/**
 * The year's targets of each district, typed in 笔 and 万元 (blank: no target). A value out of
 * range is refused at its field; only districts whose targets changed are saved.
 */
export function TargetsEditor({
  year,
  districts,
  open,
  onClose,
  onSaved,
}: {
  year: number;
  districts: readonly District[];
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [initial, setInitial] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!open) return;
    setError(null);
    void api()
      .targetsList({ year })
      .then(
        (list) => {
          const values: Record<string, string> = {};
          for (const d of districts) {
            const t = list.find((x) => x.district === d);
            values[`${d}.count`] = numberText(t?.registrations, 'plain');
            values[`${d}.amount`] = numberText(t?.amountFen, 'wan');
          }
          setInitial(values);
          form.setFieldsValue(values);
        },
        (e: Error) => setError(e.message),
      );
  }, [open, year, districts, form]);

  async function save() {
    const values = (await validated(form)) as Record<string, string | undefined> | null;
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      for (const d of districts) {
        const [c, a] = [values[`${d}.count`] ?? '', values[`${d}.amount`] ?? ''];
        if (c === (initial[`${d}.count`] ?? '') && a === (initial[`${d}.amount`] ?? '')) continue;
        await api().targetSave({ district: d, year, registrations: readNumber(c, 'plain'), amountFen: readNumber(a, 'wan') });
      }
      onSaved();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`${year} 年各区目标`}
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      width={620}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} component={false}>
        <Table
          size="small"
          rowKey={(d) => d}
          pagination={false}
          dataSource={[...districts]}
          scroll={districts.length > 6 ? { y: 360 } : undefined}
          columns={[
            { title: '区', dataIndex: undefined, width: 90, render: (_: unknown, d: District) => d },
            {
              title: '质押登记笔数目标',
              render: (_: unknown, d: District) => (
                <Form.Item name={`${d}.count`} rules={[numberRule(COUNT, 'plain')]} style={{ margin: 0 }}>
                  <NumberInput unit="笔" aria-label={`${d}目标笔数`} placeholder="不设" />
                </Form.Item>
              ),
            },
            {
              title: '登记金额目标',
              render: (_: unknown, d: District) => (
                <Form.Item name={`${d}.amount`} rules={[numberRule(AMOUNT, 'wan')]} style={{ margin: 0 }}>
                  <NumberInput unit="万元" aria-label={`${d}目标金额`} placeholder="不设" />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
