import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { techNeedInput } from '../../../../shared/schemas/tech';
import type { NeedRow } from '../../../../shared/types/tech';
import { api } from '../../api';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { NumberInput } from '../../components/NumberInput';
import { dateRule, dayOf, isoOf } from '../../lib/dates';
import { clearServerErrors } from '../../lib/formErrors';
import { useFormSave } from '../../lib/useFormSave';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { schemaRule, TAG_SEPARATORS, tagsRule } from './rules';

/** The enterprise a need belongs to, as the form holds it. */
export interface EnterpriseRef {
  id: string;
  name: string;
}

interface Values {
  enterprise: EnterpriseRef | null;
  title: string;
  description: string;
  field: string;
  ipcClasses: string[];
  budget: string;
  deadline: Dayjs | null;
}

const shape = techNeedInput.shape;

/** The enterprise named (the page's filter) with 更换 to search for another; a saved need's enterprise stays. */
function EnterpriseField({
  value,
  onChange,
  locked,
}: {
  value?: EnterpriseRef | null;
  onChange?: (e: EnterpriseRef | null) => void;
  locked?: boolean;
}) {
  const [picking, setPicking] = useState(!value);
  if (locked && value)
    return (
      <Space>
        <Typography.Text strong>{value.name}</Typography.Text>
        <Typography.Text type="secondary">（已登记的需求不能改到其他企业名下）</Typography.Text>
      </Space>
    );
  if (!picking && value)
    return (
      <Space>
        <Typography.Text strong>{value.name}</Typography.Text>
        <Button size="small" type="link" onClick={() => (setPicking(true), onChange?.(null))}>
          更换企业
        </Button>
      </Space>
    );
  return (
    <EnterprisePicker
      value={null}
      onChange={(e) => {
        onChange?.(e ? { id: e.id, name: e.name } : null);
        if (e) setPicking(false);
      }}
    />
  );
}

/** Adds or edits one 技术需求; each refused value is said under its field. */
export function NeedEditor({
  initial,
  enterprise,
  onClose,
  onSaved,
}: {
  initial: NeedRow | null;
  /** The enterprise a new need starts with (the page's enterprise filter). */
  enterprise: EnterpriseRef | null;
  onClose: () => void;
  onSaved: (n: NeedRow) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useFormSave(
    form,
    (v) =>
      api().techNeedSave({
        id: initial?.id ?? crypto.randomUUID(),
        enterpriseId: v.enterprise!.id,
        title: v.title,
        description: v.description ?? '',
        field: v.field ?? '',
        ipcClasses: v.ipcClasses ?? [],
        budgetFen: readNumber(v.budget, 'wan'),
        deadline: isoOf(v.deadline),
      }),
    onSaved,
    { pathToField: { enterpriseId: 'enterprise', budgetFen: 'budget' } },
  );
  return (
    <Modal
      open
      width={720}
      title={initial ? `编辑技术需求：${initial.title}` : '新增技术需求'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        name="tech-need"
        layout="vertical"
        onValuesChange={clearServerErrors(form)}
        initialValues={{
          enterprise: initial ? { id: initial.enterpriseId, name: initial.enterpriseName } : enterprise,
          title: initial?.title ?? '',
          description: initial?.description ?? '',
          field: initial?.field ?? '',
          ipcClasses: initial?.ipcClasses ?? [],
          budget: numberText(initial?.budgetFen, 'wan'),
          deadline: dayOf(initial?.deadline),
        }}
      >
        <Form.Item
          name="enterprise"
          label="提出需求的企业"
          rules={[
            {
              validator: async (_r, v: EnterpriseRef | null | undefined) => {
                if (!v?.id) throw new Error('请选择提出需求的企业');
              },
            },
          ]}
        >
          <EnterpriseField locked={!!initial} />
        </Form.Item>
        <Form.Item name="title" label="需求名称" rules={[schemaRule(shape.title)]}>
          <Input placeholder="例如：锂电池极片涂布缺陷在线视觉检测" />
        </Form.Item>
        <Form.Item name="description" label="需求描述" rules={[schemaRule(shape.description)]}>
          <Input.TextArea rows={4} placeholder="要解决的问题、技术指标、应用场景；写得越具体，推荐越准" />
        </Form.Item>
        <Space size={12} align="start" wrap>
          <Form.Item name="field" label="技术领域" rules={[schemaRule(shape.field)]}>
            <Input placeholder="例如：新能源" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="budget" label="预算" rules={[numberRule(shape.budgetFen, 'wan')]}>
            <NumberInput unit="万元" placeholder="可不填" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="deadline" label="期望完成日期" rules={[dateRule(shape.deadline)]}>
            <DatePicker style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="ipcClasses"
          label="IPC 分类（回车添加，如 H01M 或 H01M 4/13）"
          rules={[tagsRule(shape.ipcClasses)]}
          normalize={(v: string[]) => v.map((s) => s.trim().toUpperCase()).filter(Boolean)}
        >
          <Select mode="tags" open={false} tokenSeparators={TAG_SEPARATORS} placeholder="可不填" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
