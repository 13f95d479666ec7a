import { Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PAYMENT_KINDS,
  PAYMENT_KIND_LABELS,
  SUBSIDY_MOVES,
  SUBSIDY_STATUS_LABELS,
  type SubsidyStatus,
} from '../../../../shared/domain/case-statuses';
import type { SubsidyResult } from '../../../../shared/domain/subsidy';
import { formatYuan } from '../../../../shared/money';
import type { Policy } from '../../../../shared/schemas/policy';
import type { CaseDetail, PaymentView } from '../../../../shared/types/case';
import { api } from '../../api';
import { paymentInput, subsidyStatusInput } from '../../../../shared/schemas/case';
import { NumberInput } from '../../components/NumberInput';
import { dateRule, isoOf } from '../../lib/dates';
import { applyApiError, validated, clearServerErrors } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { useCasesStore } from './store';
import { SubsidyResultView } from '../../components/SubsidyResultView';

/** 贴息申报: payments, the policy calculation with its working, materials and the application status. */
export function SubsidyTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const r = detail.record;
  const s = detail.subsidy;
  const closed = r.stage === 'closed';
  const [policies, setPolicies] = useState<Policy[]>([]);
  const [policyId, setPolicyId] = useState<string | undefined>(s?.policyId);
  const [repaid, setRepaid] = useState(s?.repaid ?? false);
  const [otherSubsidy, setOtherSubsidy] = useState(s?.otherSubsidy ?? false);
  const [result, setResult] = useState<SubsidyResult | null>(s?.calc ?? null);
  const [dialog, setDialog] = useState<SubsidyStatus | null>(null);
  const [statusForm] = Form.useForm<{ note: string; yuan: string; on: Dayjs | null }>();
  const [payForm] = Form.useForm<{ paidOn: Dayjs; kind: PaymentView['kind']; yuan: string; note: string }>();
  const draftable = !closed && (!s || s.status === 'draft');

  useEffect(() => {
    api()
      .policiesList({})
      .then(
        (ps) => {
          setPolicies(ps);
          setPolicyId((cur) => cur ?? ps.find((p) => p.district === detail.enterprise.district)?.id ?? ps[0]?.id);
        },
        () => setPolicies([]),
      );
  }, [detail.enterprise.district]);
  useEffect(() => setResult(s?.calc ?? null), [s?.calc]);

  const policy = policies.find((p) => p.id === policyId);
  const draft = () => ({ caseId: r.id, policyId: policyId ?? '', repaid, otherSubsidy });
  const calc = async () => {
    try {
      setResult(await api().subsidyCalc(draft()));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const addPayment = async () => {
    const v = await validated(payForm);
    if (!v) return;
    const ok = await act(
      () =>
        api().paymentSave({
          caseId: r.id,
          paidOn: v.paidOn.format('YYYY-MM-DD'),
          kind: v.kind,
          amountFen: readNumber(v.yuan, 'yuan')!,
          note: v.note ?? '',
        }),
      t('case.saved'),
      (err) => applyApiError(payForm, err, { amountFen: 'yuan' }),
    );
    if (ok) payForm.resetFields(['yuan', 'note']);
  };
  /** Approval and payment ask for the amount and the day; a refusal for its reason. */
  const needsDialog = (to: SubsidyStatus) => to === 'approved' || to === 'paid' || to === 'rejected';
  const open = (to: SubsidyStatus) => setDialog(to);
  /** What the dialog starts with: the amount applied for (or approved, when paying) and today. */
  const dialogStart = {
    yuan: numberText(dialog === 'paid' ? (s?.approvedFen ?? s?.amountFen) : s?.amountFen, 'yuan'),
    on: dayjs(),
    note: '',
  };
  const move = async (to: SubsidyStatus) => {
    const v = needsDialog(to) ? await validated(statusForm) : { note: '', yuan: '', on: null };
    if (!v) return;
    const input = {
      caseId: r.id,
      to,
      note: v.note ?? '',
      amountFen: to === 'rejected' ? null : readNumber(v.yuan, 'yuan'),
      on: to === 'rejected' ? null : isoOf(v.on),
    };
    const ok = await act(
      () => api().subsidyStatus(input),
      t('case.subsidyMoved', { status: SUBSIDY_STATUS_LABELS[to] }),
      (err) => applyApiError(statusForm, err, { amountFen: 'yuan' }),
    );
    if (ok) setDialog(null);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section>
        <Typography.Title level={5}>{t('case.paymentsTitle')}</Typography.Title>
        <Form
          form={payForm}
          onValuesChange={clearServerErrors(payForm)}
          layout="inline"
          disabled={closed}
          initialValues={{ paidOn: dayjs(), kind: 'interest' }}
          style={{ marginBottom: 8 }}
        >
          <Form.Item
            name="paidOn"
            label={t('case.paidOn')}
            rules={[{ required: true, message: t('case.dateRequired') }, dateRule(paymentInput.shape.paidOn)]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('case.payKind')}>
            <Select style={{ width: 140 }} options={PAYMENT_KINDS.map((k) => ({ value: k, label: PAYMENT_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item
            name="yuan"
            label={t('case.amount')}
            rules={[{ required: true, message: t('case.amountRequired') }, numberRule(paymentInput.shape.amountFen, 'yuan')]}
          >
            <NumberInput unit="元" style={{ width: 170 }} aria-label={t('case.amountYuan')} />
          </Form.Item>
          <Form.Item name="note" label={t('case.note')}>
            <Input maxLength={200} style={{ width: 180 }} />
          </Form.Item>
          <Button onClick={() => void addPayment()}>{t('case.addPayment')}</Button>
        </Form>
        <Table<PaymentView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.payments}
          locale={{ emptyText: t('case.noPayments') }}
          columns={[
            { title: t('case.paidOn'), dataIndex: 'paidOn', width: 120 },
            { title: t('case.payKind'), key: 'k', width: 120, render: (_, p) => PAYMENT_KIND_LABELS[p.kind] },
            { title: t('case.amountYuan'), key: 'a', width: 160, render: (_, p) => formatYuan(p.amountFen) },
            { title: t('case.note'), dataIndex: 'note' },
            {
              title: '',
              key: 'x',
              width: 70,
              render: (_, p) =>
                !closed && (
                  <Popconfirm
                    title={t('case.deletePayment')}
                    onConfirm={() => void act(() => api().paymentDelete({ id: p.id }), t('case.saved'))}
                  >
                    <Button size="small" type="link" danger>
                      {t('case.remove')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </section>

      <section>
        <Typography.Title level={5}>{t('case.calcTitle')}</Typography.Title>
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            style={{ width: 380 }}
            value={policyId}
            onChange={setPolicyId}
            disabled={!draftable}
            aria-label={t('case.policy')}
            options={policies.map((p) => ({ value: p.id, label: `${p.title}${p.weak ? '（弱）' : ''}` }))}
          />
          <Space>
            <Switch checked={repaid} onChange={setRepaid} disabled={!draftable} aria-label={t('case.repaid')} />
            {t('case.repaid')}
          </Space>
          <Space>
            <Switch checked={otherSubsidy} onChange={setOtherSubsidy} disabled={!draftable} aria-label={t('case.otherSubsidy')} />
            {t('case.otherSubsidy')}
          </Space>
          <Button onClick={() => void calc()} disabled={!policyId}>
            {t('case.calc')}
          </Button>
          <Button
            type="primary"
            disabled={!draftable || !policyId}
            onClick={() => void act(() => api().subsidySave(draft()), t('case.saved'))}
          >
            {t('case.saveApplication')}
          </Button>
        </Space>
        {policy && <Typography.Paragraph type="secondary">{t('case.policySource', { source: policy.source })}</Typography.Paragraph>}
        {result && <SubsidyResultView result={result} />}
      </section>

      {s && (
        <section>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('case.applicationTitle')}
            </Typography.Title>
            <Tag color={s.status === 'rejected' ? 'red' : s.status === 'paid' ? 'green' : 'blue'}>{SUBSIDY_STATUS_LABELS[s.status]}</Tag>
            <Typography.Text>{t('case.appliedFor', { amount: `${formatYuan(s.amountFen)} 元` })}</Typography.Text>
            {s.submittedOn && <Typography.Text type="secondary">{t('case.submittedOnIs', { date: s.submittedOn })}</Typography.Text>}
            {s.approvedFen !== null && (
              <Typography.Text>{t('case.approvedIs', { amount: `${formatYuan(s.approvedFen)} 元`, date: s.approvedOn })}</Typography.Text>
            )}
            {s.paidFen !== null && (
              <Typography.Text type="success">
                {t('case.paidIs', { amount: `${formatYuan(s.paidFen)} 元`, date: s.paidOn })}
              </Typography.Text>
            )}
            {s.statusNote && <Typography.Text type="secondary">{t('case.statusReason', { reason: s.statusNote })}</Typography.Text>}
            {!closed &&
              SUBSIDY_MOVES[s.status].map((to) => (
                <Button
                  key={to}
                  size="small"
                  type={to === 'submitted' || to === 'paid' ? 'primary' : 'default'}
                  danger={to === 'rejected'}
                  onClick={() => (needsDialog(to) ? open(to) : void move(to))}
                >
                  {t(`case.subsidyTo.${to}`)}
                </Button>
              ))}
          </Space>
          <Typography.Text type="secondary">{t('case.materials')}</Typography.Text>
          <Space direction="vertical" style={{ display: 'flex', marginTop: 4 }}>
            {(policies.find((p) => p.id === s.policyId)?.materials ?? []).map((m) => (
              <Checkbox
                key={m}
                checked={s.materials[m] === true}
                disabled={s.status !== 'draft' || closed}
                onChange={(e) =>
                  void act(() =>
                    api().subsidySave({
                      caseId: r.id,
                      policyId: s.policyId,
                      repaid: s.repaid,
                      otherSubsidy: s.otherSubsidy,
                      materials: { [m]: e.target.checked },
                    }),
                  )
                }
              >
                {m}
              </Checkbox>
            ))}
          </Space>
        </section>
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`case.subsidyTo.${dialog}`) : ''}
        onOk={() => dialog && void move(dialog)}
        onCancel={() => setDialog(null)}
        okText={t('case.confirm')}
        destroyOnHidden
      >
        <Form
          form={statusForm}
          onValuesChange={clearServerErrors(statusForm)}
          layout="vertical"
          preserve={false}
          key={dialog ?? 'none'}
          initialValues={dialogStart}
        >
          {dialog !== 'rejected' && (
            <>
              <Form.Item
                name="yuan"
                label={t(dialog === 'paid' ? 'case.paidAmount' : 'case.approvedAmount')}
                rules={[{ required: true, message: t('case.amountRequired') }, numberRule(subsidyStatusInput.shape.amountFen, 'yuan')]}
              >
                <NumberInput unit="元" />
              </Form.Item>
              <Form.Item
                name="on"
                label={t(dialog === 'paid' ? 'case.paidDate' : 'case.approvedDate')}
                rules={[{ required: true, message: t('case.dateRequired') }, dateRule(subsidyStatusInput.shape.on)]}
              >
                <DatePicker />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="note"
            label={t('case.reason')}
            rules={dialog === 'rejected' ? [{ required: true, message: t('case.reasonRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
