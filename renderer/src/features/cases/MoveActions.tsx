import { Button, Form, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, OUTCOME_LABELS, STAGES, STAGE_LABELS, type Move, type Outcome, type Stage } from '../../../../shared/domain/case-stages';
import type { CaseDetail } from '../../../../shared/types/case';
import { api } from '../../api';
import { useCasesStore } from './store';
import { validated } from '../../lib/formErrors';

type Dialog = 'back' | 'pause' | 'close' | null;

/** The moves of the stage machine; the service decides, these buttons only ask. */
export function MoveActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ to?: Stage; outcome?: Outcome; reason: string }>();
  const r = detail.record;
  if (r.stage === 'closed') return null;
  const move = (m: Move, done: string) => act(() => api().caseMove({ id: r.id, move: m }), done);
  const next = detail.next.stage;
  const earlier = STAGES.slice(0, STAGES.indexOf(r.stage));

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const reason = v.reason?.trim() ?? '';
    const ok =
      dialog === 'back'
        ? await move({ type: 'back', to: v.to!, reason }, t('case.movedBack'))
        : dialog === 'pause'
          ? await move({ type: 'pause', reason }, t('case.paused'))
          : await move({ type: 'close', outcome: v.outcome!, reason }, t('case.closed'));
    if (ok) setDialog(null);
  };
  const open = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };

  return (
    <Space wrap data-tour="move-actions">
      {next && (
        <Tooltip title={detail.next.blockers.join('；') || undefined}>
          <Button
            type="primary"
            disabled={r.paused}
            onClick={() => void move({ type: 'advance' }, t('case.advanced', { stage: STAGE_LABELS[next] }))}
          >
            {t('case.advance', { stage: STAGE_LABELS[next] })}
          </Button>
        </Tooltip>
      )}
      {earlier.length > 0 && (
        <Button disabled={r.paused} onClick={() => open('back')}>
          {t('case.back')}
        </Button>
      )}
      {r.paused ? (
        <Button onClick={() => void move({ type: 'resume' }, t('case.resumed'))}>{t('case.resume')}</Button>
      ) : (
        <Button onClick={() => open('pause')}>{t('case.pause')}</Button>
      )}
      <Button danger onClick={() => open('close')}>
        {t('case.close')}
      </Button>
      <Modal
        open={dialog !== null}
        title={dialog ? t(`case.dialog.${dialog}`) : ''}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        okText={t('case.confirm')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'back' && (
            <Form.Item name="to" label={t('case.backTo')} rules={[{ required: true, message: t('case.backToRequired') }]}>
              <Select options={earlier.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
            </Form.Item>
          )}
          {dialog === 'close' && (
            <Form.Item name="outcome" label={t('case.outcome')} rules={[{ required: true, message: t('case.outcomeRequired') }]}>
              <Select options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('case.reason')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
