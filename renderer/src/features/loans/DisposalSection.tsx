import { Alert, Button, DatePicker, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DISPOSAL_ROUTES, ROUTE_INFO, type DisposalRoute } from '../../../../shared/domain/loan/disposal';
import type { LoanFacts } from '../../../../shared/domain/loan/of-state';
import { defaultInput, disposalInput, disposalProceed } from '../../../../shared/schemas/loan';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { dateRule, dayOf, isoOf } from '../../lib/dates';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { useCasesStore } from '../cases/store';
import { yuan } from './labels';

type Step = { name: string; party: string; doneOn: Dayjs | null; note: string };
type Proceed = { receivedOn: Dayjs; yuan: string; note: string };
type DisposalForm = { route: DisposalRoute; startedOn: Dayjs; share: string; closedOn: Dayjs | null; steps: Step[]; proceeds: Proceed[] };

/** A step's name as text (the route's steps are fixed; their dates and parties are typed). */
const StepName = ({ value }: { value?: string }) => <span>{value}</span>;

const stepsOf = (route: DisposalRoute): Step[] => ROUTE_INFO[route].steps.map((name) => ({ name, party: '', doneOn: null, note: '' }));

/** Default (违约认定) and the disposal of the pledged IP by one of Shenzhen's routes, with what it recovered. */
export function DisposalSection({ caseId, loan, readOnly }: { caseId: string; loan: LoanFacts; readOnly: boolean }) {
  const act = useCasesStore((s) => s.act);
  const d = loan.record.defaultRecord;
  const p = loan.record.disposal;
  const [defForm] = Form.useForm<{ declaredOn: Dayjs; cause: string }>();
  const [form] = Form.useForm<DisposalForm>();
  const [route, setRoute] = useState<DisposalRoute>(p?.route ?? 'reverse_licence');

  if (!d) {
    const declare = async () => {
      const v = await validated(defForm);
      if (!v) return;
      await act(
        () => api().loanDefault({ caseId, declaredOn: isoOf(v.declaredOn)!, cause: v.cause }),
        '已认定违约',
        (err) => applyApiError(defForm, err),
      );
    };
    return (
      <section>
        <Typography.Paragraph type="secondary">
          贷款违约后在此认定违约：未还本金与欠息按认定当日的还款计划计算，之后登记质物处置与风险补偿。
        </Typography.Paragraph>
        <Form
          form={defForm}
          name="loan-default"
          layout="inline"
          disabled={readOnly}
          initialValues={{ declaredOn: dayjs() }}
          onValuesChange={clearServerErrors(defForm)}
        >
          <Form.Item
            name="declaredOn"
            label="认定日期"
            rules={[{ required: true, message: '请选择日期' }, dateRule(defaultInput.shape.declaredOn)]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="cause" label="违约原因" rules={[{ required: true, message: '请填写违约原因' }]}>
            <Input maxLength={200} style={{ width: 280 }} />
          </Form.Item>
          <Button danger onClick={() => void declare()}>
            认定违约
          </Button>
        </Form>
      </section>
    );
  }

  const start: DisposalForm = p
    ? {
        route: p.route,
        startedOn: dayjs(p.startedOn),
        share: String(p.lenderSharePercent),
        closedOn: dayOf(p.closedOn),
        steps: p.steps.map((s) => ({ ...s, doneOn: dayOf(s.doneOn) })),
        proceeds: p.proceeds.map((x) => ({ receivedOn: dayjs(x.receivedOn), yuan: numberText(x.amountFen, 'yuan'), note: x.note })),
      }
    : { route, startedOn: dayjs(), share: '100', closedOn: null, steps: stepsOf(route), proceeds: [] };
  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    await act(
      () =>
        api().loanDisposal({
          caseId,
          route: v.route,
          startedOn: isoOf(v.startedOn)!,
          lenderSharePercent: readNumber(v.share, 'plain')!,
          closedOn: isoOf(v.closedOn),
          steps: (v.steps ?? []).map((s) => ({ name: s.name, party: s.party ?? '', doneOn: isoOf(s.doneOn), note: s.note ?? '' })),
          proceeds: (v.proceeds ?? []).map((x) => ({
            receivedOn: isoOf(x.receivedOn)!,
            amountFen: readNumber(x.yuan, 'yuan')!,
            note: x.note ?? '',
          })),
        }),
      '已保存处置记录',
      // A row's error (proceeds.0.receivedOn) has no field of its own to sit under: it is also said in the message.
      (err) => (applyApiError(form, err, { lenderSharePercent: 'share' }), err instanceof Error ? err.message : String(err)),
    );
  };
  const r = loan.recovery!;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        message={`${d.declaredOn} 认定违约：${d.cause}`}
        description={`违约时未还本金 ${yuan(d.outstandingPrincipalFen)}，欠息 ${yuan(d.outstandingInterestFen)}`}
      />
      <Descriptions size="small" column={4} bordered data-testid="recovery">
        <Descriptions.Item label="违约损失">{yuan(r.lossFen)}</Descriptions.Item>
        <Descriptions.Item label="处置回收（归银行）">{yuan(r.lenderProceedsFen)}</Descriptions.Item>
        <Descriptions.Item label="保险与补偿">{yuan(r.insuranceFen + r.compensationFen)}</Descriptions.Item>
        <Descriptions.Item label="回收率">{r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        name="disposal"
        layout="vertical"
        disabled={readOnly}
        initialValues={start}
        onValuesChange={clearServerErrors(form)}
        data-testid="disposal-form"
      >
        <Space wrap align="start">
          <Form.Item name="route" label="处置方式（深知联〔2022〕2号）">
            <Select
              style={{ width: 300 }}
              options={DISPOSAL_ROUTES.map((k) => ({ value: k, label: ROUTE_INFO[k].label }))}
              onChange={(k: DisposalRoute) => {
                setRoute(k);
                if (!p) form.setFieldValue('steps', stepsOf(k));
              }}
            />
          </Form.Item>
          <Form.Item
            name="startedOn"
            label="开始日期"
            rules={[{ required: true, message: '请选择日期' }, dateRule(disposalInput.shape.startedOn)]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="share"
            label="银行分成比例"
            rules={[{ required: true, message: '请填写银行分成比例' }, numberRule(disposalInput.shape.lenderSharePercent, 'plain')]}
          >
            <NumberInput unit="%" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="closedOn" label="处置完成日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Typography.Text type="secondary">参与方：{ROUTE_INFO[route].parties.join('、')}</Typography.Text>
        <Form.List name="steps">
          {(fields) => (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              style={{ margin: '8px 0' }}
              columns={[
                {
                  title: '步骤',
                  key: 'n',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'name']} noStyle>
                      <StepName />
                    </Form.Item>
                  ),
                },
                {
                  title: '办理方',
                  key: 'p',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'party']} noStyle>
                      <Input maxLength={80} />
                    </Form.Item>
                  ),
                },
                {
                  title: '完成日期',
                  key: 'd',
                  width: 160,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'doneOn']} noStyle>
                      <DatePicker />
                    </Form.Item>
                  ),
                },
                {
                  title: '说明',
                  key: 'o',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'note']} noStyle>
                      <Input maxLength={200} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          )}
        </Form.List>
        <Typography.Text strong>处置回收</Typography.Text>
        <Form.List name="proceeds">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="start">
                  <Form.Item name={[f.name, 'receivedOn']} rules={[{ required: true, message: '请选择日期' }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'yuan']}
                    rules={[{ required: true, message: '请填写金额' }, numberRule(disposalProceed.shape.amountFen, 'yuan')]}
                  >
                    <NumberInput unit="元" style={{ width: 170 }} aria-label="回收金额（元）" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']}>
                    <Input placeholder="说明（如许可费、拍卖价款）" maxLength={200} style={{ width: 240 }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    移除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ receivedOn: dayjs(), yuan: '', note: '' })}>添加一笔回收</Button>
            </Space>
          )}
        </Form.List>
        <Button type="primary" onClick={() => void save()} style={{ marginTop: 12 }}>
          保存处置记录
        </Button>
      </Form>
    </Space>
  );
}
