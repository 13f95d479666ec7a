import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DISTRICTS } from '../../../../shared/domain/districts';
import type { WorkshopView } from '../../../../shared/domain/training/workshops';
import { ATTENDEE_KIND_LABELS, ATTENDEE_KINDS, type Attendee } from '../../../../shared/schemas/workshop';
import { api } from '../../api';
import { dayOf, isoOf } from '../../lib/dates';
import { clearServerErrors } from '../../lib/formErrors';
import { useFormSave } from '../../lib/useFormSave';

interface Values {
  date: Dayjs | null;
  topic: string;
  trainer: string;
  venue: string;
  district: string | null;
  attendees: Attendee[];
  materials: { title: string; note: string }[];
  notes: string;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** A workshop's session, attendees (with attendance) and materials, saved through workshop.save. */
export function WorkshopEditor({
  initial,
  onClose,
  onSaved,
}: {
  initial: WorkshopView | null;
  onClose: () => void;
  onSaved: (w: WorkshopView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useFormSave(
    form,
    (v) =>
      api().workshopSave({
        id: initial?.id ?? crypto.randomUUID(),
        date: isoOf(v.date)!,
        topic: v.topic,
        trainer: v.trainer,
        venue: v.venue,
        district: (v.district ?? null) as never,
        attendees: v.attendees ?? [],
        materials: v.materials ?? [],
        notes: v.notes ?? '',
      }),
    onSaved,
    { nested: true },
  );
  return (
    <Modal
      open
      width={900}
      title={initial ? '编辑培训记录' : '登记培训'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        name="workshop"
        layout="vertical"
        onValuesChange={clearServerErrors(form)}
        initialValues={{
          date: dayOf(initial?.date),
          topic: initial?.topic ?? '',
          trainer: initial?.trainer ?? '',
          venue: initial?.venue ?? '',
          district: initial?.district ?? null,
          attendees: initial?.attendees ?? [],
          materials: initial?.materials ?? [],
          notes: initial?.notes ?? '',
        }}
      >
        <Space size={12} align="start" wrap>
          <Form.Item name="date" label="培训日期" rules={[{ required: true, message: '请选择培训日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="topic"
            label="培训主题"
            rules={[...required('请填写培训主题'), { min: 2, message: '至少 2 个字' }, { max: 100, message: '不超过 100 个字' }]}
          >
            <Input style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="trainer" label="讲师" rules={[...required('请填写讲师'), { max: 40, message: '不超过 40 个字' }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="venue" label="地点" rules={[...required('请填写地点'), { max: 100, message: '不超过 100 个字' }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="district" label="所属区">
            <Select allowClear placeholder="全市" style={{ width: 140 }} options={DISTRICTS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        </Space>
        <Typography.Text strong>学员与出席</Typography.Text>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <div style={{ maxHeight: 260, overflowY: 'auto', margin: '8px 0 12px' }}>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" size={8} style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'name']} rules={[...required('请填写姓名'), { max: 40, message: '不超过 40 个字' }]}>
                    <Input placeholder="姓名" aria-label="学员姓名" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'organisation']} rules={[...required('请填写单位'), { max: 80, message: '不超过 80 个字' }]}>
                    <Input placeholder="单位" aria-label="学员单位" style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'kind']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select
                      placeholder="类别"
                      aria-label="学员类别"
                      style={{ width: 120 }}
                      options={ATTENDEE_KINDS.map((k) => ({ value: k, label: ATTENDEE_KIND_LABELS[k] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'attended']} valuePropName="checked">
                    <Checkbox>出席</Checkbox>
                  </Form.Item>
                  <Button onClick={() => remove(name)}>移除</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', organisation: '', kind: undefined, attended: true })}>
                添加学员
              </Button>
            </div>
          )}
        </Form.List>
        <Typography.Text strong>培训资料</Typography.Text>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <div style={{ margin: '8px 0 12px' }}>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" size={8} style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'title']} rules={[...required('请填写资料名称'), { max: 100, message: '不超过 100 个字' }]}>
                    <Input placeholder="资料名称，例如：知识产权质押融资实务讲义" aria-label="资料名称" style={{ width: 360 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'note']} rules={[{ max: 200, message: '不超过 200 个字' }]}>
                    <Input placeholder="说明（可选）" aria-label="资料说明" style={{ width: 280 }} />
                  </Form.Item>
                  <Button onClick={() => remove(name)}>移除</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ title: '', note: '' })}>
                添加资料
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="notes" label="备注" rules={[{ max: 1000, message: '不超过 1000 个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
