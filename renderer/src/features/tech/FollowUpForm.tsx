import { Button, DatePicker, Form, Input, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayIso } from '../../../../shared/domain/dates';
import { MATCH_STATUS_LABELS, MATCH_STATUSES, techMatchInput, type MatchStatus } from '../../../../shared/schemas/tech';
import type { FollowUpView } from '../../../../shared/types/tech';
import { api } from '../../api';
import { dateRule, dayOf, isoOf } from '../../lib/dates';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';
import { schemaRule } from './rules';

interface Values {
  status: MatchStatus | undefined;
  followedOn: Dayjs | null;
  note: string;
}

/** The steward's follow-up of one need–achievement pairing: status, date and a note, saved through techFollowUpSave. */
export function FollowUpForm({
  needId,
  achievementId,
  followUp,
  onSaved,
}: {
  needId: string;
  achievementId: string;
  followUp: FollowUpView | null;
  onSaved: (f: FollowUpView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await api().techFollowUpSave({
        needId,
        achievementId,
        status: v.status!,
        followedOn: isoOf(v.followedOn)!,
        note: v.note ?? '',
      });
      onSaved(saved);
      void message.success(`已记录跟进：${MATCH_STATUS_LABELS[saved.status]}`);
    } catch (err) {
      const rest = applyApiError(form, err);
      if (rest) void message.error(rest);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      name={`follow-${needId}-${achievementId}`}
      layout="inline"
      size="small"
      onValuesChange={clearServerErrors(form)}
      onFinish={() => void save()}
      initialValues={{ status: followUp?.status, followedOn: dayOf(followUp?.followedOn ?? todayIso()), note: followUp?.note ?? '' }}
      style={{ rowGap: 4 }}
    >
      <Form.Item name="status" rules={[{ required: true, message: '请选择跟进状态' }]}>
        <Select<MatchStatus>
          aria-label="跟进状态"
          placeholder="跟进状态"
          style={{ width: 110 }}
          options={MATCH_STATUSES.map((s) => ({ value: s, label: MATCH_STATUS_LABELS[s] }))}
        />
      </Form.Item>
      <Form.Item
        name="followedOn"
        rules={[
          { required: true, message: '请选择跟进日期' },
          dateRule(techMatchInput.shape.followedOn),
          {
            validator: async (_r, d: Dayjs | null | undefined) => {
              if (d && isoOf(d)! > todayIso()) throw new Error('跟进日期不能晚于今天');
            },
          },
        ]}
      >
        <DatePicker aria-label="跟进日期" placeholder="跟进日期" style={{ width: 130 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="note" rules={[schemaRule(techMatchInput.shape.note)]}>
        <Input aria-label="跟进备注" placeholder="备注（可选）：对接人、进展" style={{ width: 240 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={saving}>
          保存跟进
        </Button>
      </Form.Item>
    </Form>
  );
}
