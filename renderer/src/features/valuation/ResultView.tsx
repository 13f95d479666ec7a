import { Button, Card, Collapse, Col, Row, Statistic, Table, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGACY_LOAN_RULE, LOAN_RULE } from '../../../../shared/domain/loan-capacity';
import { formatChineseAmount, formatYuan } from '../../../../shared/money';
import { api } from '../../api';
import { EChart } from '../../components/EChart';
import { downloadBase64 } from '../../lib/files';
import type { SensitivityRow } from '../../../../shared/types/valuation';

export interface ItemResult {
  label: string;
  result: {
    value: number;
    expiry: string | null;
    reason: string | null;
    working: string[];
    sensitivity?: SensitivityRow[];
  };
}

/** basis and basisFen are absent from runs stored before the loan rule (engine 1.0.0). */
export interface LoanView {
  amount: number;
  basis?: 'P10' | 'value';
  basisFen?: number;
}

export interface PortfolioView {
  items: ItemResult[];
  shares: number[];
  total: number;
  uncertainty?: {
    paths: number;
    p10: number;
    p50: number;
    p90: number;
    mean: number;
    histogram: { from: number; to: number; count: number }[];
  };
  loan?: LoanView;
}

const yuan = (v: number) => `${formatYuan(Math.round(v * 100))} 元`;
/** Headline figures in 万元 / 亿元 so they stay on one line. */
const big = (v: number) => formatChineseAmount(Math.round(v * 100));
const HEADLINE = { fontSize: 22 };
/** Rates are entered in % on the valuation page, so they are shown in % here too. */
const percent = (v: number) => `${Number((v * 100).toFixed(4))}%`;
const level = (input: SensitivityRow['input'], v: number) => (input === 'revenue' ? `×${Number(v.toFixed(4))}` : percent(v));

/** The loan figure with the one rule it follows (shared/domain/loan-capacity.ts). */
export function LoanFigure({ loan }: { loan: LoanView }) {
  const { t } = useTranslation();
  return (
    <div data-testid="loan-figure">
      <Statistic title={t('val.loan')} value={big(loan.amount)} styles={{ content: { ...HEADLINE, color: '#1d5fd1' } }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {loan.basisFen === undefined ? LEGACY_LOAN_RULE : LOAN_RULE}
      </Typography.Text>
    </div>
  );
}

/** Each input at its low and high, the others fixed: rates in %, the revenue multiplier as ×, values in 万元. */
export function SensitivityTable({ label, rows }: { label: string; rows: SensitivityRow[] }) {
  const { t } = useTranslation();
  return (
    <Table
      style={{ marginTop: 16 }}
      size="small"
      rowKey="input"
      pagination={false}
      title={() => t('val.sensitivity', { item: label })}
      dataSource={rows}
      columns={[
        { title: t('val.input'), dataIndex: 'input', render: (k: SensitivityRow['input']) => t(`val.inputs.${k}`) },
        { title: t('val.low'), key: 'low', render: (_: unknown, r: SensitivityRow) => level(r.input, r.low) },
        { title: t('val.high'), key: 'high', render: (_: unknown, r: SensitivityRow) => level(r.input, r.high) },
        { title: t('val.atLow'), dataIndex: 'valueAtLow', align: 'right', render: big },
        { title: t('val.atHigh'), dataIndex: 'valueAtHigh', align: 'right', render: big },
      ]}
    />
  );
}

/** A valuation's result: totals and range, each asset's value and share, distribution, sensitivity, working. */
export function ResultView({ data, caption, runId }: { data: PortfolioView; caption?: string; runId: string }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const exportPdf = async () => {
    setPrinting(true);
    try {
      const pdf = await api().valuationReport({ id: runId });
      downloadBase64(pdf.fileName, pdf.base64);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setPrinting(false);
    }
  };
  const u = data.uncertainty;
  const hist = useMemo(
    () =>
      u && {
        tooltip: { trigger: 'axis' },
        grid: { left: 50, right: 10, top: 10, bottom: 50 },
        xAxis: {
          type: 'category',
          name: '万元',
          nameLocation: 'end',
          data: u.histogram.map((b) => (b.from / 10_000).toFixed(0)),
          axisLabel: { rotate: 45, fontSize: 10 },
        },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: u.histogram.map((b) => b.count), barCategoryGap: '5%' }],
      },
    [u],
  );
  const first = data.items.find((i) => i.result.sensitivity);
  return (
    <Card
      title={t('val.result')}
      extra={
        <>
          {caption && (
            <Typography.Text type="secondary" style={{ marginRight: 12 }}>
              {caption}
            </Typography.Text>
          )}
          <Button onClick={() => void exportPdf()} loading={printing}>
            {printing ? t('val.exportingPdf') : t('val.exportPdf')}
          </Button>
        </>
      }
      data-testid="valuation-result"
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t('val.total')} value={big(data.total)} styles={{ content: HEADLINE }} />
        </Col>
        {u && (
          <Col span={6}>
            <Statistic title={t('val.p10')} value={big(u.p10)} styles={{ content: HEADLINE }} />
          </Col>
        )}
        {u && (
          <Col span={6}>
            <Statistic
              title={`${t('val.p50')} / ${t('val.p90')}`}
              value={`${big(u.p50)} / ${big(u.p90)}`}
              styles={{ content: { fontSize: 15 } }}
            />
          </Col>
        )}
        {data.loan && (
          <Col span={6}>
            <LoanFigure loan={data.loan} />
          </Col>
        )}
      </Row>
      <Table
        size="small"
        rowKey="label"
        pagination={false}
        dataSource={data.items.map((i, n) => ({ ...i, share: data.shares[n] ?? 0 }))}
        columns={[
          { title: t('ent.col.title'), dataIndex: 'label', ellipsis: true, width: '38%' },
          { title: t('val.value'), align: 'right', render: (_: unknown, i: ItemResult) => yuan(i.result.value) },
          { title: t('val.sharePct'), dataIndex: 'share', align: 'right', render: (s: number) => `${(s * 100).toFixed(1)}%` },
          { title: t('val.expiry'), render: (_: unknown, i: ItemResult) => i.result.expiry ?? '—' },
          { title: t('val.reason'), render: (_: unknown, i: ItemResult) => i.result.reason ?? '' },
        ]}
      />
      {hist && (
        <Card size="small" title={t('val.histogram')} style={{ marginTop: 16 }}>
          <EChart option={hist} height={220} label={t('val.histogram')} />
        </Card>
      )}
      {first?.result.sensitivity && <SensitivityTable label={first.label} rows={first.result.sensitivity} />}
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'w',
            label: t('val.working'),
            children: data.items.map((i) => (
              <div key={i.label} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{i.label}</Typography.Text>
                {i.result.working.map((w, n) => (
                  <div key={n} style={{ fontSize: 12 }}>
                    {w}
                  </div>
                ))}
              </div>
            )),
          },
        ]}
      />
    </Card>
  );
}
