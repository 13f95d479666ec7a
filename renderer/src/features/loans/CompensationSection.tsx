import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { CLAIM_STATUS_LABELS, type LoanFacts } from '../../../../shared/domain/loan/of-state';
import { claimInput, insuranceInput, type CompensationPool } from '../../../../shared/schemas/loan';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { dayOf, isoOf } from '../../lib/dates';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { useCasesStore } from '../cases/store';
import { yuan } from './labels';

type InsuranceForm = {
  insurer: string;
  policyNo: string;
  premium: string;
  cover: string;
  claimed: string;
  paid: string;
  paidOn: Dayjs | null;
};

/** IP pledge insurance (保证保险) on the loan, and a risk-compensation claim against a pool, with its working. */
export function CompensationSection({ caseId, loan, readOnly }: { caseId: string; loan: LoanFacts; readOnly: boolean }) {
  const act = useCasesStore((s) => s.act);
  const [pools, setPools] = useState<CompensationPool[]>([]);
  const claim = loan.record.claim;
  const [poolId, setPoolId] = useState<string | undefined>(claim?.poolId);
  const [prior, setPrior] = useState(claim ? numberText(claim.priorEnterpriseFen, 'yuan') : '0');
  const [paid, setPaid] = useState('');
  const [insForm] = Form.useForm<InsuranceForm>();
  useEffect(() => {
    void api()
      .compensationPools({})
      .then((ps) => {
        setPools(ps);
        setPoolId((cur) => cur ?? ps.find((p) => !p.effectiveTo)?.id ?? ps[0]?.id);
      })
      .catch((e: unknown) => {
        setPools([]);
        void message.error({ content: `无法读取风险补偿资金池：${e instanceof Error ? e.message : String(e)}`, duration: 6 });
      });
  }, []);
  const ins = loan.record.insurance;
  const saveInsurance = async () => {
    const v = await validated(insForm);
    if (!v) return;
    await act(
      () =>
        api().loanInsurance({
          caseId,
          insurer: v.insurer,
          policyNo: v.policyNo ?? '',
          premiumFen: readNumber(v.premium, 'yuan') ?? 0,
          coverPercent: readNumber(v.cover, 'plain') ?? 0,
          claimedFen: readNumber(v.claimed, 'yuan'),
          paidFen: readNumber(v.paid, 'yuan'),
          paidOn: isoOf(v.paidOn),
        }),
      '已保存保险信息',
      (err) => applyApiError(insForm, err, { premiumFen: 'premium', coverPercent: 'cover', claimedFen: 'claimed', paidFen: 'paid' }),
    );
  };
  const priorFen = (() => {
    try {
      return readNumber(prior, 'yuan') ?? 0;
    } catch {
      return null;
    }
  })();
  const saveClaim = (status: 'draft' | 'submitted' | 'paid' | 'rejected') =>
    act(
      () =>
        api().loanClaim({
          caseId,
          poolId: poolId ?? '',
          priorEnterpriseFen: priorFen ?? 0,
          status,
          paidFen: status === 'paid' ? (readNumber(paid, 'yuan') ?? null) : null,
        }),
      status === 'draft' ? '已核算风险补偿' : `补偿状态：${CLAIM_STATUS_LABELS[status]}`,
    );
  const pool = pools.find((p) => p.id === poolId);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section>
        <Typography.Title level={5}>知识产权质押保证保险</Typography.Title>
        <Form
          form={insForm}
          name="insurance"
          layout="inline"
          disabled={readOnly}
          onValuesChange={clearServerErrors(insForm)}
          initialValues={{
            insurer: ins?.insurer ?? '',
            policyNo: ins?.policyNo ?? '',
            premium: ins ? numberText(ins.premiumFen, 'yuan') : '',
            cover: ins ? String(ins.coverPercent) : '',
            claimed: ins?.claimedFen != null ? numberText(ins.claimedFen, 'yuan') : '',
            paid: ins?.paidFen != null ? numberText(ins.paidFen, 'yuan') : '',
            paidOn: dayOf(ins?.paidOn),
          }}
        >
          <Form.Item name="insurer" label="保险公司" rules={[{ required: true, message: '请填写保险公司' }]}>
            <Input maxLength={80} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="policyNo" label="保单号">
            <Input maxLength={60} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="premium"
            label="保费"
            rules={[{ required: true, message: '请填写保费' }, numberRule(insuranceInput.shape.premiumFen, 'yuan')]}
          >
            <NumberInput unit="元" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="cover"
            label="承担损失比例"
            rules={[{ required: true, message: '请填写比例' }, numberRule(insuranceInput.shape.coverPercent, 'plain')]}
          >
            <NumberInput unit="%" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="claimed" label="索赔" rules={[numberRule(insuranceInput.shape.claimedFen, 'yuan')]}>
            <NumberInput unit="元" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="paid" label="已赔付" rules={[numberRule(insuranceInput.shape.paidFen, 'yuan')]}>
            <NumberInput unit="元" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="paidOn" label="赔付日期">
            <DatePicker />
          </Form.Item>
          <Button onClick={() => void saveInsurance()}>保存保险</Button>
        </Form>
      </section>
      <section data-testid="claim">
        <Typography.Title level={5}>风险补偿</Typography.Title>
        {!loan.record.defaultRecord ? (
          <Typography.Text type="secondary">认定违约后，可按风险补偿资金池计算可获补偿。</Typography.Text>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Select
                style={{ width: 460 }}
                value={poolId}
                onChange={setPoolId}
                aria-label="风险补偿资金池"
                disabled={readOnly || claim?.status === 'paid'}
                options={pools.map((p) => ({ value: p.id, label: `${p.title}${p.weak ? '（弱）' : ''}` }))}
              />
              <Input
                addonBefore="该企业已获补偿"
                suffix="元"
                style={{ width: 260 }}
                value={prior}
                onChange={(e) => setPrior(e.target.value)}
                status={
                  priorFen === null || (priorFen !== null && !claimInput.shape.priorEnterpriseFen.safeParse(priorFen).success)
                    ? 'error'
                    : undefined
                }
              />
              <Button
                type="primary"
                disabled={
                  readOnly || !poolId || priorFen === null || (claim !== null && claim.status !== 'draft' && claim.status !== 'rejected')
                }
                onClick={() => void saveClaim('draft')}
              >
                核算补偿
              </Button>
            </Space>
            {priorFen === null && <Typography.Text type="danger">已获补偿须为金额，最多精确到分</Typography.Text>}
            {pool?.weak && <Alert type="warning" showIcon message="该资金池的比例与上限来自二手资料（弱信息）" description={pool.source} />}
            {claim && (
              <>
                <Alert
                  type={claim.result.eligible ? 'success' : 'error'}
                  showIcon
                  message={
                    claim.result.eligible
                      ? `可获补偿 ${yuan(claim.result.amountFen)}（${CLAIM_STATUS_LABELS[claim.status]}，核算于 ${claim.madeOn}）`
                      : `暂不符合补偿条件：${claim.result.failures.join('；')}`
                  }
                />
                <Table
                  size="small"
                  pagination={false}
                  rowKey="label"
                  dataSource={claim.result.lines}
                  columns={[
                    { title: '项目', dataIndex: 'label' },
                    { title: '金额', key: 'a', width: 180, align: 'right', render: (_, l) => yuan(l.amountFen) },
                    { title: '计算过程', dataIndex: 'working' },
                  ]}
                />
                <Space wrap>
                  <Tag>{CLAIM_STATUS_LABELS[claim.status]}</Tag>
                  <Button
                    disabled={readOnly || claim.status !== 'draft' || !claim.result.eligible}
                    onClick={() => void saveClaim('submitted')}
                  >
                    记录已申请
                  </Button>
                  <Input suffix="元" placeholder="拨付金额" style={{ width: 160 }} value={paid} onChange={(e) => setPaid(e.target.value)} />
                  <Button disabled={readOnly || claim.status !== 'submitted'} onClick={() => void saveClaim('paid')}>
                    记录拨付
                  </Button>
                  <Button disabled={readOnly || claim.status !== 'submitted'} onClick={() => void saveClaim('rejected')}>
                    记录未通过
                  </Button>
                </Space>
              </>
            )}
          </Space>
        )}
      </section>
    </Space>
  );
}
