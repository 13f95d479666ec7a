import { Alert, Button, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { REPAYMENT_METHOD_LABELS, REPAYMENT_METHODS, type RepaymentMethod } from '../../../../shared/domain/loan/schedule';
import { PORTFOLIO_STATE_LABELS, portfolioState } from '../../../../shared/domain/loan/portfolio';
import { extensionInput } from '../../../../shared/schemas/loan';
import type { CaseDetail } from '../../../../shared/types/case';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { dateRule, isoOf } from '../../lib/dates';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';
import { numberRule, readNumber } from '../../lib/numbers';
import { useCasesStore } from '../cases/store';
import { CompensationSection } from './CompensationSection';
import { DisposalSection } from './DisposalSection';
import { STATE_COLORS, yuan } from './labels';
import { PlanEditor } from './PlanEditor';
import { ScheduleSection } from './ScheduleSection';
import { WatchSection } from './WatchSection';

type ExtensionForm = {
  agreedOn: Dayjs;
  newEndOn: Dayjs;
  rate: string;
  method: 'equal_instalment' | 'equal_principal' | 'interest_only';
  note: string;
};
const EXTEND_METHODS = REPAYMENT_METHODS.filter((m): m is Exclude<RepaymentMethod, 'custom'> => m !== 'custom');

/** 贷后管理: the repayment plan and repayments, the watch over the pledged IP, extension, default, disposal and compensation. */
export function LoanTab({ detail }: { detail: CaseDetail }) {
  const act = useCasesStore((s) => s.act);
  const loan = detail.loan;
  const caseId = detail.record.id;
  const readOnly = detail.record.stage === 'closed';
  const [method, setMethod] = useState<RepaymentMethod>(loan?.record.method ?? 'equal_instalment');
  const [extending, setExtending] = useState(false);
  const [planning, setPlanning] = useState(false);
  const [extForm] = Form.useForm<ExtensionForm>();
  const [poolName, setPoolName] = useState(loan?.record.poolName ?? '');
  if (!loan?.terms)
    return <Alert type="info" showIcon message={loan?.missing ?? '质押尚未登记，登记后进入贷后管理'} data-testid="loan-missing" />;
  const s = loan.servicing!;
  const state = portfolioState(loan);
  const extend = async () => {
    const v = await validated(extForm);
    if (!v) return;
    const ok = await act(
      () =>
        api().loanExtend({
          caseId,
          agreedOn: isoOf(v.agreedOn)!,
          newEndOn: isoOf(v.newEndOn)!,
          annualRatePercent: readNumber(v.rate, 'plain'),
          method: v.method,
          note: v.note ?? '',
        }),
      '已记录展期',
      (err) => applyApiError(extForm, err, { annualRatePercent: 'rate' }),
    );
    if (ok) setExtending(false);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="loan-tab">
      <Descriptions size="small" column={4} bordered>
        <Descriptions.Item label="还款状态">
          <Tag color={STATE_COLORS[state]} data-testid="loan-state">
            {PORTFOLIO_STATE_LABELS[state]}
          </Tag>
          {loan.weakened && <Tag color="red">担保削弱</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="贷款本金">{yuan(loan.terms.principalFen)}</Descriptions.Item>
        <Descriptions.Item label="未还本金">{yuan(s.outstandingPrincipalFen)}</Descriptions.Item>
        <Descriptions.Item label="年利率">{s.annualRatePercent}%</Descriptions.Item>
        <Descriptions.Item label="逾期">
          {s.overdueCount ? `${s.overdueCount} 期，${yuan(s.overdueFen)}，最长 ${s.overdueDays} 天` : '无'}
        </Descriptions.Item>
        <Descriptions.Item label="下次还款">{s.nextDue ? `${s.nextDue.dueOn}，${yuan(s.nextDue.amountFen)}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="到期日">
          {s.endOn}
          {loan.record.extensions.length > 0 && `（已展期 ${loan.record.extensions.length} 次）`}
        </Descriptions.Item>
        <Descriptions.Item label="已还利息">{yuan(s.interestPaidFen)}</Descriptions.Item>
      </Descriptions>
      {s.problems.map((p) => (
        <Alert key={p} type="warning" showIcon message={p} />
      ))}
      {s.overpaidFen > 0 && <Alert type="warning" showIcon message={`已还金额超出还款计划 ${yuan(s.overpaidFen)}，请核对还款记录`} />}
      <Space wrap>
        <Typography.Text>还款方式</Typography.Text>
        <Select
          style={{ width: 140 }}
          value={method}
          onChange={setMethod}
          disabled={readOnly}
          aria-label="还款方式"
          options={REPAYMENT_METHODS.map((m) => ({ value: m, label: REPAYMENT_METHOD_LABELS[m] }))}
        />
        <Button
          type={loan.tracked ? 'default' : 'primary'}
          disabled={readOnly || (loan.tracked && method === loan.record.method && method !== 'custom')}
          onClick={() =>
            method === 'custom' ? setPlanning(true) : void act(() => api().loanPlan({ caseId, method, plan: [] }), '已生成还款计划')
          }
        >
          {method === 'custom' ? '填写自定义计划' : loan.tracked ? '更改还款方式' : '生成还款计划'}
        </Button>
        <Button disabled={readOnly || !loan.tracked || state === 'settled' || state === 'defaulted'} onClick={() => setExtending(true)}>
          办理展期
        </Button>
        <Input
          addonBefore="资产池"
          placeholder="如：南山-知识产权 ABS 1 号"
          style={{ width: 320 }}
          value={poolName}
          maxLength={60}
          disabled={readOnly || !loan.tracked}
          onChange={(e) => setPoolName(e.target.value)}
        />
        <Button
          disabled={readOnly || !loan.tracked || poolName.trim() === loan.record.poolName}
          onClick={() => void act(() => api().loanPoolSet({ caseId, poolName: poolName.trim() }), '已更新资产池')}
        >
          保存资产池
        </Button>
      </Space>
      {!loan.tracked ? (
        <Alert type="info" showIcon message="尚未生成还款计划：选择还款方式后，按贷款合同的金额、利率与起止日期生成每期应还本息。" />
      ) : (
        <Tabs
          items={[
            { key: 'schedule', label: '还款', children: <ScheduleSection caseId={caseId} loan={loan} readOnly={readOnly} /> },
            {
              key: 'watch',
              label: `质押物监测${loan.warnings.filter((w) => w.level !== 'notice').length ? `（${loan.warnings.filter((w) => w.level !== 'notice').length}）` : ''}`,
              children: <WatchSection caseId={caseId} loan={loan} readOnly={readOnly} />,
            },
            { key: 'default', label: '违约与处置', children: <DisposalSection caseId={caseId} loan={loan} readOnly={readOnly} /> },
            {
              key: 'compensation',
              label: '保险与风险补偿',
              children: <CompensationSection caseId={caseId} loan={loan} readOnly={readOnly} />,
            },
          ]}
        />
      )}
      <PlanEditor caseId={caseId} loan={loan} open={planning} onClose={() => setPlanning(false)} />
      <Modal
        open={extending}
        title="办理展期"
        okText="保存"
        cancelText="取消"
        onOk={() => void extend()}
        onCancel={() => setExtending(false)}
        destroyOnHidden
      >
        <Form
          form={extForm}
          name="extension"
          layout="vertical"
          preserve={false}
          onValuesChange={clearServerErrors(extForm)}
          initialValues={{
            agreedOn: dayjs(),
            newEndOn: dayjs(s.endOn).add(6, 'month'),
            rate: '',
            method: loan.record.method === 'custom' ? 'interest_only' : loan.record.method,
          }}
        >
          <Form.Item
            name="agreedOn"
            label="展期协议日期"
            rules={[{ required: true, message: '请选择日期' }, dateRule(extensionInput.shape.agreedOn)]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="newEndOn" label={`展期后到期日（现到期日 ${s.endOn}）`} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="rate" label="展期后年利率（不填则不变）" rules={[numberRule(extensionInput.shape.annualRatePercent, 'plain')]}>
            <NumberInput unit="%" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="method" label="展期后还款方式">
            <Select options={EXTEND_METHODS.map((m) => ({ value: m, label: REPAYMENT_METHOD_LABELS[m] }))} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input maxLength={200} />
          </Form.Item>
          {loan.pledgeEndOn && (
            <Typography.Text type="secondary">质押期限至 {loan.pledgeEndOn}；展期超过该日期时，需办理质押登记变更。</Typography.Text>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
