import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { DISTRICTS } from '../../../../shared/domain/districts';
import type { InstitutionView } from '../../../../shared/domain/institution-lists';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, type Institution } from '../../../../shared/domain/institutions';
import { api } from '../../api';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';

/** An institution being edited (no id yet when new). */
export type Draft = Omit<Institution, 'id'> & { id?: string };

const newId = () => `inst-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Adds or edits one institution; a refusal (a name already in the directory…) is said in the dialog. */
export function InstitutionEditor({
  draft,
  all,
  onClose,
  onSaved,
}: {
  draft: Draft | null;
  all: readonly InstitutionView[];
  onClose(): void;
  onSaved(i: InstitutionView): void;
}) {
  const [form] = Form.useForm<Draft>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? draft?.kind;
  useEffect(() => {
    if (draft) form.setFieldsValue(draft);
    setError(null);
  }, [draft, form]);
  const heads = all.filter((i) => i.kind === kind && !i.headId && i.id !== draft?.id);
  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await api().institutionSave({ ...v, id: draft?.id ?? newId(), name: v.name.trim(), headId: v.headId ?? null });
      onSaved(saved);
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={!!draft}
      title={draft?.id ? `编辑机构：${draft.name}` : '新增机构'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onValuesChange={clearServerErrors(form)} initialValues={draft ?? undefined}>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择机构类别' }]}>
          <Select aria-label="类别" options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请填写机构名称' },
            { min: 2, message: '机构名称至少 2 个字' },
            { max: 80, message: '机构名称最多 80 个字' },
          ]}
        >
          <Input aria-label="名称" placeholder="例如 中国银行深圳南山支行" />
        </Form.Item>
        <Form.Item name="headId" label="上级机构（分支机构填写）">
          <Select
            aria-label="上级机构"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="总行或总公司不填"
            options={heads.map((h) => ({ value: h.id, label: h.name }))}
          />
        </Form.Item>
        <Form.Item
          name="aliases"
          label="别名（简称、旧称，回车添加）"
          rules={[
            {
              validator: (_, v: string[] | undefined) =>
                (v ?? []).some((a) => a.trim().length < 2) ? Promise.reject(new Error('别名至少 2 个字')) : Promise.resolve(),
            },
          ]}
        >
          <Select aria-label="别名" mode="tags" open={false} tokenSeparators={['、', ',', '，']} maxCount={20} />
        </Form.Item>
        <Form.Item name="greenChannel" label="绿色通道合作单位（所属区）">
          <Select aria-label="绿色通道" mode="multiple" allowClear options={DISTRICTS.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
        <Form.Item name="active" label="在用" valuePropName="checked">
          <Switch aria-label="在用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
