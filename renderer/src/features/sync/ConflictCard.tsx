import { Button, Card, Col, Form, Input, message, Row, Space, Typography } from 'antd';
import type { ZodType } from 'zod';
import { useTranslation } from 'react-i18next';
import { FIELD_SCHEMAS } from '../../../../shared/sync/mutations/records';
import type { Entity } from '../../../../shared/sync/entities';
import { formatDateTime } from '../../../../shared/time';
import type { ConflictItemView, ConflictSide } from '../../../../shared/types/sync';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { applyApiError } from '../../lib/formErrors';
import { numberRule, readNumber } from '../../lib/numbers';
import { useSyncStore } from './store';

/** How a third value is typed for this field: money in 万元, a number, text; anything else is only picked. */
function editorOf(c: ConflictItemView): { kind: 'wan' | 'plain' | 'text'; schema: ZodType } | null {
  const schema = FIELD_SCHEMAS[c.entity as Entity]?.[c.field];
  if (!schema || c.field === '*') return null;
  const sample = c.kept.value ?? c.offered.value;
  if (c.field.endsWith('Fen')) return { kind: 'wan', schema };
  if (typeof sample === 'number') return { kind: 'plain', schema };
  if (typeof sample === 'string' || sample === null)
    return schema.safeParse('').success || schema.safeParse('x').success ? { kind: 'text', schema } : null;
  return null;
}

function Side({ title, side, onTake }: { title: string; side: ConflictSide & { text: string }; onTake: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      title={title}
      extra={
        <Button size="small" onClick={onTake}>
          {t('sync.conflicts.take')}
        </Button>
      }
    >
      <Typography.Paragraph strong style={{ fontSize: 15, marginBottom: 4, whiteSpace: 'pre-wrap' }}>
        {side.text}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('sync.conflicts.by', { by: side.by ?? t('sync.conflicts.unknownBy'), at: side.at ? formatDateTime(side.at) : '—' })}
      </Typography.Text>
    </Card>
  );
}

/** One conflict: the record and field, both values with who and when, pick one or type a third. */
export function ConflictCard({ conflict: c }: { conflict: ConflictItemView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ value: string }>();
  const editor = editorOf(c);
  const settle = async (input: Parameters<ReturnType<typeof api>['syncConflictResolve']>[0]) => {
    try {
      useSyncStore.getState().set(await api().syncConflictResolve(input));
      void message.success(t('sync.conflicts.resolved'));
    } catch (err) {
      const text = applyApiError(form, err);
      if (text) void message.error(text);
    }
  };
  const saveThird = async (v: { value: string }) => {
    if (!editor) return;
    const value = editor.kind === 'text' ? v.value : readNumber(v.value, editor.kind);
    await settle({ id: c.id, take: 'value', value });
  };
  const rules =
    editor?.kind === 'text'
      ? [
          {
            validator: async (_r: unknown, text: string) => {
              const parsed = editor.schema.safeParse(text ?? '');
              if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '取值不正确');
            },
          },
        ]
      : editor
        ? [{ required: true, message: '请填写新的值' }, numberRule(editor.schema, editor.kind)]
        : [];
  return (
    <Card
      size="small"
      data-conflict-card={c.id}
      title={
        <Space>
          <span>{c.entityLabel}</span>
          <Typography.Text strong>{c.recordLabel}</Typography.Text>
          <span>·</span>
          <span>{c.fieldLabel}</span>
        </Space>
      }
    >
      <Row gutter={12}>
        <Col span={12}>
          <Side title={t('sync.conflicts.kept')} side={c.kept} onTake={() => void settle({ id: c.id, take: 'kept' })} />
        </Col>
        <Col span={12}>
          <Side title={t('sync.conflicts.offered')} side={c.offered} onTake={() => void settle({ id: c.id, take: 'offered' })} />
        </Col>
      </Row>
      {editor ? (
        <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => void saveThird(v)} aria-label="conflict-third">
          <Form.Item name="value" label={t('sync.conflicts.third')} rules={rules} style={{ flex: 1 }}>
            {editor.kind === 'text' ? (
              <Input placeholder={t('sync.conflicts.thirdPlaceholder')} />
            ) : (
              <NumberInput unit={editor.kind === 'wan' ? '万元' : undefined} placeholder={t('sync.conflicts.thirdPlaceholder')} />
            )}
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">{t('sync.conflicts.save')}</Button>
          </Form.Item>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('sync.conflicts.onlyPick')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
