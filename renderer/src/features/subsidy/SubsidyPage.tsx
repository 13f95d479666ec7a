import { Button, Card, Col, DatePicker, Form, Row, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEE_TYPES, FEE_TYPE_LABELS, type FeeType } from '../../../../shared/domain/case-statuses';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import { QUALIFICATIONS, type Qualification } from '../../../../shared/domain/enterprise';
import { IP_KINDS, IP_KIND_LABELS, type IpKind } from '../../../../shared/domain/ip';
import type { SubsidyResult } from '../../../../shared/domain/subsidy';
import { subsidyAmounts, type Policy } from '../../../../shared/schemas/policy';
import { api } from '../../api';
import { SubsidyResultView } from '../../components/SubsidyResultView';
import { NumberInput } from '../../components/NumberInput';
import { numberRule, readNumber } from '../../lib/numbers';
import { CaseList } from '../cases/CaseList';
import { validated } from '../../lib/formErrors';

interface CalcForm {
  policyId: string;
  principalWan: string;
  loan: [Dayjs, Dayjs];
  repaid: boolean;
  interestYuan: string;
  fees: { type: FeeType; yuan: string }[];
  district: District;
  qualifications: Qualification[];
  ipKinds: IpKind[];
  alreadyYuan: string;
}

/** 贴息申报: the shipped policies with their sources, a what-if calculator, and the cases at this stage. */
export function SubsidyPage() {
  const { t } = useTranslation();
  const [policies, setPolicies] = useState<Policy[]>([]);
  const [result, setResult] = useState<SubsidyResult | null>(null);
  const [form] = Form.useForm<CalcForm>();
  useEffect(() => {
    api()
      .policiesList({})
      .then(setPolicies, (e: Error) => void message.error(e.message));
  }, []);

  const compute = async () => {
    const v = await validated(form);
    if (!v) return;
    try {
      setResult(
        await api().subsidyCompute({
          policyId: v.policyId,
          loan: {
            principalFen: readNumber(v.principalWan, 'wan')!,
            startDate: v.loan[0].format('YYYY-MM-DD'),
            endDate: v.loan[1].format('YYYY-MM-DD'),
            repaid: v.repaid ?? false,
          },
          interestPaidFen: readNumber(v.interestYuan, 'yuan') ?? 0,
          fees: (v.fees ?? []).flatMap((f) =>
            f?.type && readNumber(f.yuan, 'yuan') !== null ? [{ type: f.type, amountFen: readNumber(f.yuan, 'yuan')! }] : [],
          ),
          enterprise: { district: v.district, qualifications: v.qualifications ?? [] },
          ipKinds: v.ipKinds,
          alreadyGrantedThisYearFen: readNumber(v.alreadyYuan, 'yuan') ?? 0,
        }),
      );
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('subsidy.policiesTitle')} size="small">
        <Table<Policy>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={policies}
          columns={[
            { title: t('subsidy.policy'), dataIndex: 'title' },
            { title: t('subsidy.district'), key: 'd', width: 80, render: (_, p) => p.district ?? t('subsidy.city') },
            { title: t('subsidy.version'), dataIndex: 'version', width: 80 },
            { title: t('subsidy.effective'), key: 'e', width: 200, render: (_, p) => `${p.effectiveFrom} 至 ${p.effectiveTo ?? '今'}` },
            { title: t('subsidy.terms'), key: 'l', render: (_, p) => p.lines.map((l) => `${l.label} ${l.ratePercent}%`).join('；') },
            {
              title: t('subsidy.source'),
              key: 's',
              width: 90,
              render: (_, p) => (p.weak ? <Tag color="orange">{t('subsidy.weak')}</Tag> : <Tag color="green">{t('subsidy.text')}</Tag>),
            },
          ]}
          expandable={{
            expandedRowRender: (p) => (
              <Typography.Text type="secondary">
                {p.source}。{p.note}
              </Typography.Text>
            ),
          }}
        />
      </Card>
      <Card title={t('subsidy.calcTitle')} size="small">
        <Form
          form={form}
          layout="vertical"
          initialValues={{ repaid: true, fees: [{ type: 'guarantee' }], qualifications: [], ipKinds: ['invention'], alreadyYuan: '0' }}
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="policyId" label={t('subsidy.policy')} rules={[{ required: true, message: t('subsidy.required') }]}>
                <Select options={policies.map((p) => ({ value: p.id, label: p.title }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item
                name="principalWan"
                label={t('subsidy.principal')}
                rules={[{ required: true, message: t('subsidy.required') }, numberRule(subsidyAmounts.principalFen, 'wan')]}
              >
                <NumberInput unit="万元" aria-label={t('subsidy.principalWan')} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item name="loan" label={t('subsidy.loanPeriod')} rules={[{ required: true, message: t('subsidy.required') }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item
                name="interestYuan"
                label={t('subsidy.interest')}
                rules={[{ required: true, message: t('subsidy.required') }, numberRule(subsidyAmounts.interestPaidFen, 'yuan')]}
              >
                <NumberInput unit="元" aria-label={t('subsidy.interestYuan')} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="district" label={t('subsidy.district')} rules={[{ required: true, message: t('subsidy.required') }]}>
                <Select options={DISTRICTS.map((d) => ({ value: d, label: d }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="qualifications" label={t('subsidy.qualifications')}>
                <Select mode="multiple" options={QUALIFICATIONS.map((q) => ({ value: q, label: q }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="ipKinds" label={t('subsidy.ipKinds')} rules={[{ required: true, message: t('subsidy.required') }]}>
                <Select mode="multiple" options={IP_KINDS.map((k) => ({ value: k, label: IP_KIND_LABELS[k] }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="alreadyYuan" label={t('subsidy.already')} rules={[numberRule(subsidyAmounts.alreadyFen, 'yuan')]}>
                <NumberInput unit="元" aria-label={t('subsidy.alreadyYuan')} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="repaid" label={t('subsidy.repaid')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="fees">
            {(fields, { add, remove }) => (
              <Space wrap>
                {fields.map((f) => (
                  <Space key={f.key} size={4}>
                    <Form.Item name={[f.name, 'type']} noStyle>
                      <Select style={{ width: 130 }} options={FEE_TYPES.map((k) => ({ value: k, label: FEE_TYPE_LABELS[k] }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'yuan']} style={{ marginBottom: 0 }} rules={[numberRule(subsidyAmounts.feeFen, 'yuan')]}>
                      <NumberInput
                        unit="元"
                        placeholder={t('subsidy.feeAmount')}
                        aria-label={t('subsidy.feeYuan')}
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      {t('case.remove')}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ type: 'appraisal' })}>{t('subsidy.addFee')}</Button>
                <Button type="primary" onClick={() => void compute()}>
                  {t('case.calc')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
        {result && (
          <div style={{ marginTop: 16 }}>
            <SubsidyResultView result={result} />
          </div>
        )}
      </Card>
      <CaseList stage="subsidy" />
    </Space>
  );
}
