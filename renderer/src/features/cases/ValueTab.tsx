import { Alert, Button, Form, Input, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/types/case';
import type { ValuationRunSummary } from '../../../../shared/types/valuation';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { caseUpdate } from '../../../../shared/schemas/case';
import { NumberInput } from '../../components/NumberInput';
import { fenToWanText } from '../../lib/format';
import { applyApiError, validated, clearServerErrors } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { useCasesStore } from './store';
import { formatDateTime } from '../../../../shared/time';

/** 价值评估: attach a stored valuation run (evidence), or record a value agreed with the bank. */
export function ValueTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const [runs, setRuns] = useState<ValuationRunSummary[]>([]);
  const [form] = Form.useForm<{ manualWan: string; basis: string }>();
  const r = detail.record;
  const closed = r.stage === 'closed';
  useEffect(() => {
    api()
      .valuationRuns({ enterpriseId: r.enterpriseId })
      .then(setRuns, () => setRuns([]));
  }, [r.enterpriseId]);

  const saveManual = async () => {
    const v = await validated(form);
    if (!v) return;
    await act(
      () => api().caseUpdate({ id: r.id, manualValueFen: readNumber(v.manualWan, 'wan'), manualValueBasis: v.basis ?? '' }),
      t('case.saved'),
      (err) => applyApiError(form, err, { manualValueFen: 'manualWan', manualValueBasis: 'basis' }),
    );
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Alert
        type={detail.valueFen === null ? 'warning' : 'success'}
        showIcon
        message={
          detail.valueFen === null
            ? t('case.noValue')
            : t('case.valueIs', {
                value: fenToWanText(detail.valueFen),
                source: detail.valuation ? t('case.fromRun', { title: detail.valuation.title }) : t('case.fromManual'),
              })
        }
      />
      <section>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('case.runsTitle')}
          </Typography.Title>
          <Button size="small" onClick={() => navigate('valuation', { enterprise: r.enterpriseId })}>
            {t('case.goValue')}
          </Button>
        </Space>
        <Table<ValuationRunSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={runs}
          locale={{ emptyText: t('case.noRuns') }}
          columns={[
            {
              title: '',
              key: 'pick',
              width: 48,
              render: (_, run) => (
                <Radio
                  checked={r.valuationId === run.id}
                  disabled={closed}
                  aria-label={run.title}
                  onChange={() => void act(() => api().caseUpdate({ id: r.id, valuationId: run.id }), t('case.saved'))}
                />
              ),
            },
            { title: t('case.runTitle'), dataIndex: 'title' },
            { title: t('case.runTotal'), key: 'v', width: 120, render: (_, run) => fenToWanText(run.totalFen) },
            { title: 'P10', key: 'p10', width: 120, render: (_, run) => fenToWanText(run.p10Fen) },
            { title: t('case.runLoan'), key: 'l', width: 120, render: (_, run) => fenToWanText(run.loanFen) },
            { title: t('case.runAt'), key: 'at', width: 150, render: (_, run) => formatDateTime(run.createdAt) },
          ]}
        />
        {r.valuationId && (
          <Button
            size="small"
            style={{ marginTop: 8 }}
            disabled={closed}
            onClick={() => void act(() => api().caseUpdate({ id: r.id, valuationId: null }), t('case.saved'))}
          >
            {t('case.detachRun')}
          </Button>
        )}
      </section>
      <section>
        <Typography.Title level={5}>{t('case.manualTitle')}</Typography.Title>
        <Form
          form={form}
          onValuesChange={clearServerErrors(form)}
          layout="inline"
          disabled={closed}
          initialValues={{ manualWan: numberText(r.manualValueFen, 'wan'), basis: r.manualValueBasis }}
        >
          <Form.Item name="manualWan" label={t('case.manualValue')} rules={[numberRule(caseUpdate.shape.manualValueFen, 'wan')]}>
            <NumberInput unit="万元" style={{ width: 170 }} aria-label={t('case.manualWan')} />
          </Form.Item>
          <Form.Item name="basis" label={t('case.basis')}>
            <Input maxLength={200} style={{ width: 320 }} placeholder={t('case.basisHint')} aria-label={t('case.basis')} />
          </Form.Item>
          <Button onClick={() => void saveManual()}>{t('case.saveManual')}</Button>
        </Form>
      </section>
    </Space>
  );
}
