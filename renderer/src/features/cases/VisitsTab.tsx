import { Button, DatePicker, Form, Input, List, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, VisitView } from '../../../../shared/types/case';
import { visitInput } from '../../../../shared/schemas/case';
import { api } from '../../api';
import { dateRule } from '../../lib/dates';
import { applyApiError, validated, clearServerErrors } from '../../lib/formErrors';
import { useCasesStore } from './store';

interface VisitForm {
  visitedOn: Dayjs;
  place: string;
  attendees: string[];
  notes: string;
  nextSteps: string;
  followUpOn: Dayjs | null;
}

/** 走访记录: who met where, what was said, what comes next and when to follow up. */
export function VisitsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const [form] = Form.useForm<VisitForm>();
  const [editing, setEditing] = useState<string | null>(null);
  const r = detail.record;
  const closed = r.stage === 'closed';
  const edit = (v: VisitView) => {
    setEditing(v.id);
    form.setFieldsValue({
      visitedOn: dayjs(v.visitedOn),
      place: v.place,
      attendees: v.attendees,
      notes: v.notes,
      nextSteps: v.nextSteps,
      followUpOn: v.followUpOn ? dayjs(v.followUpOn) : null,
    });
  };
  const reset = () => {
    setEditing(null);
    form.resetFields();
  };

  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    try {
      await api().visitSave({
        caseId: r.id,
        ...(editing ? { id: editing } : {}),
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        place: v.place ?? '',
        attendees: v.attendees ?? [],
        notes: v.notes ?? '',
        nextSteps: v.nextSteps ?? '',
        followUpOn: v.followUpOn ? v.followUpOn.format('YYYY-MM-DD') : null,
      });
      await act(() => api().caseGet({ id: r.id }), t('case.visitSaved'));
      reset();
    } catch (err) {
      const rest = applyApiError(form, err);
      if (rest) form.setFields([{ name: 'notes', errors: [rest] }]);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Form
        form={form}
        onValuesChange={clearServerErrors(form)}
        layout="vertical"
        initialValues={{ visitedOn: dayjs(), attendees: r.steward ? [r.steward] : [] }}
        style={{ maxWidth: 880 }}
      >
        <Space wrap align="start">
          <Form.Item
            name="visitedOn"
            label={t('case.visitedOn')}
            rules={[{ required: true, message: t('case.dateRequired') }, dateRule(visitInput.shape.visitedOn)]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label={t('case.place')}>
            <Input maxLength={200} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="attendees" label={t('case.attendees')}>
            <Select mode="tags" style={{ width: 320 }} placeholder={t('case.attendeesHint')} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="followUpOn" label={t('case.followUpOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('case.notes')} rules={[{ required: true, whitespace: true, message: t('case.notesRequired') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('case.nextSteps')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space>
          <Button type="primary" onClick={() => void save()}>
            {editing ? t('case.saveVisit') : t('case.addVisit')}
          </Button>
          {editing && <Button onClick={reset}>{t('case.cancelEdit')}</Button>}
        </Space>
      </Form>
      <List
        header={t('case.visitsTitle')}
        dataSource={detail.visits}
        locale={{ emptyText: t('case.noVisits') }}
        renderItem={(v) => (
          <List.Item
            actions={
              closed
                ? undefined
                : [
                    <Button key="edit" type="link" size="small" onClick={() => edit(v)}>
                      {t('case.edit')}
                    </Button>,
                    <Popconfirm
                      key="delete"
                      title={t('case.deleteVisit')}
                      onConfirm={() =>
                        void act(() => api().visitDelete({ id: v.id }), t('case.visitDeleted')).then(
                          (ok) => ok && editing === v.id && reset(),
                        )
                      }
                    >
                      <Button type="link" size="small" danger>
                        {t('case.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={`${v.visitedOn}${v.place ? ` · ${v.place}` : ''}${v.attendees.length ? ` · ${v.attendees.join('、')}` : ''}`}
              description={
                <Space direction="vertical" size={0}>
                  {v.notes && <Typography.Text>{v.notes}</Typography.Text>}
                  {v.nextSteps && <Typography.Text type="secondary">{t('case.nextStepsIs', { text: v.nextSteps })}</Typography.Text>}
                  {v.followUpOn && <Typography.Text type="warning">{t('case.followUpIs', { date: v.followUpOn })}</Typography.Text>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
