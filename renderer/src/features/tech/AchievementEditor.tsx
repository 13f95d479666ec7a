import { Alert, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { achievementInput, MATURITIES, TRANSFER_MODES } from '../../../../shared/schemas/tech';
import type { AchievementRow } from '../../../../shared/types/tech';
import { api } from '../../api';
import { clearServerErrors } from '../../lib/formErrors';
import { useFormSave } from '../../lib/useFormSave';
import { schemaRule, TAG_SEPARATORS, tagsRule } from './rules';

type Values = Pick<AchievementRow, 'title' | 'abstract' | 'holder' | 'field' | 'ipcClasses' | 'patents' | 'maturity' | 'transferModes'>;

const shape = achievementInput.shape;

/** Adds or edits one 科技成果; each refused value is said under its field. */
export function AchievementEditor({
  initial,
  onClose,
  onSaved,
}: {
  initial: AchievementRow | null;
  onClose: () => void;
  onSaved: (a: AchievementRow) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useFormSave(
    form,
    (v) =>
      api().achievementSave({
        id: initial?.id ?? crypto.randomUUID(),
        title: v.title,
        abstract: v.abstract ?? '',
        holder: v.holder,
        field: v.field ?? '',
        ipcClasses: v.ipcClasses ?? [],
        patents: v.patents ?? [],
        maturity: v.maturity ?? null,
        transferModes: v.transferModes ?? [],
      }),
    onSaved,
  );
  return (
    <Modal
      open
      width={720}
      title={initial ? `编辑科技成果：${initial.title}` : '新增科技成果'}
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
        name="achievement"
        layout="vertical"
        onValuesChange={clearServerErrors(form)}
        initialValues={{
          title: initial?.title ?? '',
          abstract: initial?.abstract ?? '',
          holder: initial?.holder ?? '',
          field: initial?.field ?? '',
          ipcClasses: initial?.ipcClasses ?? [],
          patents: initial?.patents ?? [],
          maturity: initial?.maturity ?? null,
          transferModes: initial?.transferModes ?? [],
        }}
      >
        <Form.Item name="title" label="成果名称" rules={[schemaRule(shape.title)]}>
          <Input placeholder="例如：一种基于深度学习的锂电池极片表面缺陷在线检测方法" />
        </Form.Item>
        <Space size={12} align="start" wrap>
          <Form.Item name="holder" label="持有单位" rules={[schemaRule(shape.holder)]}>
            <Input placeholder="高校、院所或企业" style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="field" label="技术领域" rules={[schemaRule(shape.field)]}>
            <Input placeholder="例如：新能源" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="maturity" label="成熟度">
            <Select allowClear placeholder="未填写" style={{ width: 160 }} options={MATURITIES.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Space>
        <Form.Item name="abstract" label="成果简介" rules={[schemaRule(shape.abstract)]}>
          <Input.TextArea rows={4} placeholder="解决的问题、技术方案、主要指标、应用情况；写得越具体，推荐越准" />
        </Form.Item>
        <Form.Item name="transferModes" label="转化方式">
          <Checkbox.Group options={TRANSFER_MODES.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item
          name="ipcClasses"
          label="IPC 分类（回车添加，如 H01M 或 H01M 4/13）"
          rules={[tagsRule(shape.ipcClasses)]}
          normalize={(v: string[]) => v.map((s) => s.trim().toUpperCase()).filter(Boolean)}
        >
          <Select mode="tags" open={false} tokenSeparators={TAG_SEPARATORS} placeholder="可不填" />
        </Form.Item>
        <Form.Item
          name="patents"
          label="相关专利（回车添加专利号）"
          rules={[tagsRule(shape.patents)]}
          normalize={(v: string[]) => v.map((s) => s.trim()).filter(Boolean)}
        >
          <Select mode="tags" open={false} tokenSeparators={TAG_SEPARATORS} placeholder="例如：ZL202011112648.X" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
