import { Button, Card, Collapse, Col, Row, Statistic, Table, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChineseAmount, formatYuan } from '../../../../shared/money';
import { api } from '../../api';
import { EChart } from '../../components/EChart';
import { downloadBase64 } from '../../lib/files';

export interface ItemResult {
  label: string;
  result: {
    value: number;
    expiry: string | null;
    reason: string | null;
    working: string[];
    sensitivity?: { input: 'revenue' | 'shareRate' | 'discountRate'; low: number; high: number; valueAtLow: number; valueAtHigh: number }[];
  };
}

export interface PortfolioView {
  items: ItemResult[];
  shares: number[];
  total: number;
  uncertainty?: { paths: number; p10: number; p50: number; p90: number; mean: number; histogram: { from: number; to: number; count: number }[] };
  loan?: { amount: number };
}

const yuan = (v: number) => `${formatYuan(Math.round(v * 100))} 元`;
/** Headline figures in 万元 / 亿元 so they stay on one line. */
const big = (v: number) => formatChineseAmount(Math.round(v * 100));
const HEADLINE = { fontSize: 22 };

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
        xAxis: { type: 'category', data: u.histogram.map((b) => `${(b.from / 10_000).toFixed(0)}万`), axisLabel: { rotate: 45, fontSize: 10 } },
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
          {caption && <Typography.Text type="secondary" style={{ marginRight: 12 }}>{caption}</Typography.Text>}
          <Button onClick={() => void exportPdf()} loading={printing}>{printing ? t('val.exportingPdf') : t('val.exportPdf')}</Button>
        </>
      }
      data-testid="valuation-result"
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}><Statistic title={t('val.total')} value={big(data.total)} valueStyle={HEADLINE} /></Col>
        {u && <Col span={6}><Statistic title={t('val.p10')} value={big(u.p10)} valueStyle={HEADLINE} /></Col>}
        {u && <Col span={6}><Statistic title={`${t('val.p50')} / ${t('val.p90')}`} value={`${big(u.p50)} / ${big(u.p90)}`} valueStyle={{ fontSize: 15 }} /></Col>}
        {data.loan && <Col span={6}><Statistic title={t('val.loan')} value={big(data.loan.amount)} valueStyle={{ ...HEADLINE, color: '#1d5fd1' }} /></Col>}
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
      {first?.result.sensitivity && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="input"
          pagination={false}
          title={() => t('val.sensitivity', { item: first.label })}
          dataSource={first.result.sensitivity}
          columns={[
            { title: t('val.input'), dataIndex: 'input', render: (k: 'revenue' | 'shareRate' | 'discountRate') => t(`val.inputs.${k}`) },
            { title: t('val.low'), dataIndex: 'low' },
            { title: t('val.high'), dataIndex: 'high' },
            { title: t('val.atLow'), dataIndex: 'valueAtLow', align: 'right', render: yuan },
            { title: t('val.atHigh'), dataIndex: 'valueAtHigh', align: 'right', render: yuan },
          ]}
        />
      )}
      <Collapse
        style={{ marginTop: 16 }}
        items={[{ key: 'w', label: t('val.working'), children: data.items.map((i) => (
          <div key={i.label} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{i.label}</Typography.Text>
            {i.result.working.map((w, n) => <div key={n} style={{ fontSize: 12 }}>{w}</div>)}
          </div>
        )) }]}
      />
    </Card>
  );
}
