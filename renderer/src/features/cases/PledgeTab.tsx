import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row, Space, Switch, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLEDGE_EDITABLE, PLEDGE_MOVES, PLEDGE_STATUS_LABELS, type PledgeStatus } from '../../../../shared/domain/case-statuses';
import type { CaseDetail } from '../../../../shared/types/case';
import { api } from '../../api';
import { downloadBase64 } from '../../lib/files';
import { pledgeInput, pledgeStatusInput } from '../../../../shared/schemas/case';
import { NumberInput } from '../../components/NumberInput';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { applyApiError, validated, clearServerErrors } from '../../lib/formErrors';
import { CheckList } from './CheckList';
import { InstitutionInput } from '../../components/InstitutionInput';
import type { InstitutionKind } from '../../../../shared/domain/institutions';

/** What each party of the pledge is chosen from in the directory. */
const BANKS: readonly InstitutionKind[] = ['bank'];
const PLEDGEES: readonly InstitutionKind[] = ['bank', 'guarantor', 'insurer'];
const AGENTS: readonly InstitutionKind[] = ['patent_agency', 'appraiser', 'law_firm'];
import { useCasesStore } from './store';
import { dateRule, dayOf, isoOf } from '../../lib/dates';

interface LoanForm {
  bank: string;
  pledgee: string;
  loanContractNo: string;
  loanWan: string;
  ratePercent: string;
  loan: [Dayjs, Dayjs] | null;
  pledgeContractNo: string;
  securedWan: string;
  pledgeStart: Dayjs | null;
  pledgeEnd: Dayjs | null;
  appraised: boolean;
  agent: string;
}

const iso = isoOf;
const day = dayOf;
const NEEDS_REASON: PledgeStatus[] = ['refused', 'changed', 'cancelled'];
/** Where the service's field errors go in this form. */
const PLEDGE_FIELDS: Record<string, string> = {
  loanFen: 'loanWan',
  securedFen: 'securedWan',
  loanStart: 'loan',
  loanEnd: 'loan',
  ratePercent: 'ratePercent',
};

/** 质押登记: the loan and pledge contract, the pre-filing check, the CNIPA form and the status. */
export function PledgeTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const [form] = Form.useForm<LoanForm>();
  const [statusForm] = Form.useForm<{ regNo: string; regDate: Dayjs | null; submittedOn: Dayjs | null; reason: string }>();
  const [target, setTarget] = useState<PledgeStatus | null>(null);
  const r = detail.record;
  const p = detail.pledge;
  const editable = r.stage !== 'closed' && (!p || PLEDGE_EDITABLE.includes(p.status));

  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    await act(
      () =>
        api().pledgeSave({
          caseId: r.id,
          bank: v.bank ?? '',
          pledgee: v.pledgee ?? '',
          loanContractNo: v.loanContractNo ?? '',
          loanFen: readNumber(v.loanWan, 'wan'),
          ratePercent: readNumber(v.ratePercent, 'plain'),
          loanStart: iso(v.loan?.[0]),
          loanEnd: iso(v.loan?.[1]),
          pledgeContractNo: v.pledgeContractNo ?? '',
          securedFen: readNumber(v.securedWan, 'wan'),
          pledgeStart: iso(v.pledgeStart),
          pledgeEnd: iso(v.pledgeEnd),
          appraised: v.appraised ?? false,
          agent: v.agent ?? '',
        }),
      t('case.saved'),
      (err) => applyApiError(form, err, PLEDGE_FIELDS),
    );
  };
  const change = (to: PledgeStatus) => {
    statusForm.resetFields();
    setTarget(to);
  };
  const submitStatus = async () => {
    const v = await validated(statusForm);
    if (!v || !target) return;
    const input = {
      caseId: r.id,
      to: target,
      regNo: v.regNo ?? '',
      regDate: iso(v.regDate),
      submittedOn: iso(v.submittedOn),
      reason: v.reason ?? '',
    };
    const ok = await act(
      () => api().pledgeStatus(input),
      t('case.pledgeMoved', { status: PLEDGE_STATUS_LABELS[target] }),
      (err) => applyApiError(statusForm, err),
    );
    if (ok) setTarget(null);
  };
  /** Filing is offered only where it can succeed: in the 质押登记 stage. */
  const moves = p && r.stage !== 'closed' ? PLEDGE_MOVES[p.status].filter((to) => to !== 'submitted' || r.stage === 'registration') : [];
  const download = async (kind: 'pledgeForm' | 'pledgeList') => {
    try {
      const f = await api()[kind]({ caseId: r.id });
      downloadBase64(f.fileName, f.base64);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('case.pledgeStatus')}：</Typography.Text>
        {p ? (
          <Tag color={p.status === 'refused' ? 'red' : p.status === 'registered' || p.status === 'changed' ? 'green' : 'blue'}>
            {PLEDGE_STATUS_LABELS[p.status]}
          </Tag>
        ) : (
          <Tag>{t('case.noPledge')}</Tag>
        )}
        {p?.regNo && <Typography.Text>{t('case.regNoIs', { no: p.regNo, date: p.regDate })}</Typography.Text>}
        {p?.statusReason && (
          <Typography.Text type={p.status === 'refused' ? 'danger' : 'secondary'}>
            {t('case.statusReason', { reason: p.statusReason })}
          </Typography.Text>
        )}
        {p &&
          moves.map((to) => (
            <Button
              key={to}
              size="small"
              type={to === 'submitted' || to === 'registered' ? 'primary' : 'default'}
              danger={to === 'refused' || to === 'cancelled'}
              onClick={() => change(to)}
            >
              {t(`case.pledgeTo.${p.status === 'submitted' && to === 'draft' ? 'withdraw' : to}`)}
            </Button>
          ))}
        {p?.status === 'draft' && r.stage !== 'registration' && r.stage !== 'closed' && (
          <Typography.Text type="secondary">{t('case.fileInRegistration')}</Typography.Text>
        )}
        <Button size="small" disabled={!p} onClick={() => void download('pledgeForm')}>
          {t('case.printForm')}
        </Button>
        <Button size="small" disabled={!p} onClick={() => void download('pledgeList')}>
          {t('case.patentList')}
        </Button>
      </Space>
      {detail.registration.needsExcelList && <Alert type="info" showIcon message={t('case.needsList')} />}

      <Form
        form={form}
        onValuesChange={clearServerErrors(form)}
        layout="vertical"
        disabled={!editable}
        key={p?.updatedAt ?? 'new'}
        initialValues={{
          bank: p?.bank,
          pledgee: p?.pledgee,
          loanContractNo: p?.loanContractNo,
          loanWan: numberText(p?.loanFen, 'wan'),
          ratePercent: numberText(p?.ratePercent, 'plain'),
          loan: p?.loanStart && p.loanEnd ? [day(p.loanStart), day(p.loanEnd)] : null,
          pledgeContractNo: p?.pledgeContractNo,
          securedWan: numberText(p?.securedFen, 'wan'),
          pledgeStart: day(p?.pledgeStart),
          pledgeEnd: day(p?.pledgeEnd),
          appraised: p?.appraised ?? false,
          agent: p?.agent,
        }}
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="bank" label={t('case.bank')}>
              <InstitutionInput kinds={BANKS} maxLength={80} aria-label={t('case.bank')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="pledgee" label={t('case.pledgee')}>
              <InstitutionInput kinds={PLEDGEES} maxLength={120} placeholder={t('case.pledgeeHint')} aria-label={t('case.pledgee')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="loanContractNo" label={t('case.loanContractNo')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="loanWan" label={t('case.loanAmount')} rules={[numberRule(pledgeInput.shape.loanFen, 'wan')]}>
              <NumberInput unit="万元" aria-label={t('case.loanWan')} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="ratePercent" label={t('case.rateLabel')} rules={[numberRule(pledgeInput.shape.ratePercent, 'plain')]}>
              <NumberInput unit="%" aria-label={t('case.rate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="loan" label={t('case.loanPeriod')}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="pledgeContractNo" label={t('case.pledgeContractNo')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="securedWan" label={t('case.securedAmount')} rules={[numberRule(pledgeInput.shape.securedFen, 'wan')]}>
              <NumberInput unit="万元" aria-label={t('case.securedWan')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="pledgeStart" label={t('case.pledgeStart')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="pledgeEnd" label={t('case.pledgeEnd')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="agent" label={t('case.agent')}>
              <InstitutionInput kinds={AGENTS} maxLength={120} placeholder={t('case.agentHint')} aria-label={t('case.agent')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="appraised" label={t('case.appraised')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Button onClick={() => void save()}>{t('case.saveLoan')}</Button>
      </Form>

      <section>
        <Typography.Title level={5}>{detail.registration.ok ? t('case.checkOk') : t('case.checkTitle')}</Typography.Title>
        <CheckList detail={detail} lines={detail.registration.lines} testId="registration-check" />
      </section>

      <Modal
        open={target !== null}
        title={target ? t(`case.pledgeTo.${target}`) : ''}
        onOk={() => void submitStatus()}
        onCancel={() => setTarget(null)}
        okText={t('case.confirm')}
        destroyOnHidden
      >
        <Form
          form={statusForm}
          onValuesChange={clearServerErrors(statusForm)}
          layout="vertical"
          preserve={false}
          initialValues={{ submittedOn: dayjs() }}
        >
          {target === 'submitted' && (
            <Form.Item
              name="submittedOn"
              label={t('case.submittedOn')}
              rules={[{ required: true, message: t('case.dateRequired') }, dateRule(pledgeStatusInput.shape.submittedOn)]}
            >
              <DatePicker />
            </Form.Item>
          )}
          {target === 'registered' && (
            <>
              <Form.Item name="regNo" label={t('case.regNo')} rules={[{ required: true, message: t('case.regNoRequired') }]}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item
                name="regDate"
                label={t('case.regDate')}
                extra={p?.submittedOn ? t('case.submittedOnIs', { date: p.submittedOn }) : undefined}
                rules={[{ required: true, message: t('case.regDateRequired') }, dateRule(pledgeStatusInput.shape.regDate)]}
              >
                <DatePicker />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="reason"
            label={t('case.reason')}
            rules={target && NEEDS_REASON.includes(target) ? [{ required: true, message: t('case.reasonRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
