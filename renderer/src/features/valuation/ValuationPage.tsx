import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Progress, Radio, Row, Select, Space, Switch, Table, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IP_KIND_LABELS } from '../../../../shared/domain/ip';
import { formatYuan } from '../../../../shared/money';
import type { Enterprise, IpAsset } from '../../../../shared/types/records';
import type { BankProduct, ValuationRunSummary } from '../../../../shared/types/valuation';
import { api } from '../../api';
import { routeParam } from '../../app/useHashRoute';
import { useJob } from '../../lib/useJob';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { AttachToCase } from '../cases/AttachToCase';
import { ResultView, type PortfolioView } from './ResultView';
import { formatDateTime } from '../../../../shared/time';
import { validated } from '../../lib/formErrors';

interface Params {
  title: string;
  date: Dayjs;
  discountPct: number;
  shareMode: 'given' | 'scored';
  sharePct: number;
  shareMinPct: number;
  shareMaxPct: number;
  score: number;
  growthPct: number;
  years: number;
  productId?: string;
  uncertain: boolean;
  paths: number;
  revMin: number;
  revMax: number;
  shareLowPct: number;
  shareHighPct: number;
  discLowPct: number;
  discHighPct: number;
}

const DEFAULTS: Omit<Params, 'title' | 'date'> = {
  discountPct: 12, shareMode: 'given', sharePct: 3, shareMinPct: 1, shareMaxPct: 5, score: 60, growthPct: 5, years: 5,
  uncertain: true, paths: 10_000, revMin: 0.7, revMax: 1.2, shareLowPct: 2, shareHighPct: 4, discLowPct: 10, discHighPct: 16,
};

/** 价值评估: value an enterprise's patents on the spot, with the range and the loan figure; every run is kept. */
export function ValuationPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Params>();
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [assets, setAssets] = useState<IpAsset[]>([]);
  const [revenueWan, setRevenueWan] = useState<Record<string, number | null>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [products, setProducts] = useState<BankProduct[]>([]);
  const [history, setHistory] = useState<ValuationRunSummary[]>([]);
  const [shown, setShown] = useState<{ data: PortfolioView; caption: string; runId: string } | null>(null);
  const job = useJob<PortfolioView & { runId: string }>();
  const shareMode = Form.useWatch('shareMode', form);
  const uncertain = Form.useWatch('uncertain', form);

  useEffect(() => {
    api().valuationCatalog({}).then((c) => setProducts(c.products), () => setProducts([]));
    // Opened from a case ("去估值"): start with that case's enterprise.
    const id = routeParam('enterprise');
    if (id) api().enterpriseGet({ id }).then(setEnterprise, (e: Error) => void message.error(e.message));
  }, []);
  useEffect(() => {
    setShown(null);
    setSelected([]);
    if (!enterprise) return setAssets([]);
    api().ipList({ filter: { enterpriseId: enterprise.id }, limit: 1000 }).then((p) => setAssets(p.rows), () => setAssets([]));
    api().valuationRuns({ enterpriseId: enterprise.id }).then(setHistory, () => setHistory([]));
  }, [enterprise]);

  const run = async () => {
    const p = await validated(form);
    if (!p) return;
    const items = selected.filter((id) => (revenueWan[id] ?? 0) > 0);
    if (!enterprise || items.length === 0) return void message.warning(t('val.selectAsset'));
    const pct = (x: number) => x / 100;
    const result = await job.run(() =>
      api().valuationStart({
        enterpriseId: enterprise.id,
        title: p.title,
        valuationDate: p.date.format('YYYY-MM-DD'),
        items: items.map((ipAssetId) => ({
          ipAssetId,
          revenue: Array.from({ length: p.years }, (_, y) => Math.round(revenueWan[ipAssetId]! * 10_000 * (1 + pct(p.growthPct)) ** y * 100) / 100),
          discountRate: pct(p.discountPct),
          ...(p.shareMode === 'given' ? { shareRate: pct(p.sharePct) } : { shareRange: { min: pct(p.shareMinPct), max: pct(p.shareMaxPct) } }),
        })),
        ...(p.shareMode === 'scored' ? { scores: { 'legal.stability': p.score, 'legal.remaining_term': p.score, 'legal.scope': p.score, 'legal.dependency': p.score, 'technical.advancement': p.score, 'technical.maturity': p.score, 'technical.substitutability': p.score, 'technical.applicability': p.score, 'economic.market_size': p.score, 'economic.market_share': p.score, 'economic.profitability': p.score, 'economic.policy': p.score } } : {}),
        ...(p.uncertain
          ? {
              uncertainty: {
                paths: p.paths,
                seed: 1,
                revenue: { type: 'triangular' as const, min: p.revMin, mode: 1, max: p.revMax },
                ...(p.shareMode === 'given' ? { shareRate: { type: 'triangular' as const, min: pct(p.shareLowPct), mode: pct(p.sharePct), max: pct(p.shareHighPct) } } : {}),
                discountRate: { type: 'triangular' as const, min: pct(p.discLowPct), mode: pct(p.discountPct), max: pct(p.discHighPct) },
              },
            }
          : {}),
        ...(p.productId ? { productId: p.productId } : {}),
      }),
    );
    if (result) {
      setShown({ data: result, caption: p.title, runId: result.runId });
      void message.success(t('val.saved'));
      api().valuationRuns({ enterpriseId: enterprise.id }).then(setHistory, () => undefined);
    }
  };

  const openRun = async (r: ValuationRunSummary) => {
    const stored = await api().valuationRun({ id: r.id });
    setShown({ runId: r.id, data: stored.result as PortfolioView, caption: `${r.title} · ${formatDateTime(r.createdAt)} · ${t('val.engine', { version: r.engineVersion, set: r.indicatorSet })}` });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EnterprisePicker value={enterprise} onChange={setEnterprise} />
      {!enterprise ? (
        <Empty description={t('val.noEnterprise')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={9}>
            <Card title={t('val.params')}>
              <Form form={form} layout="vertical" initialValues={{ ...DEFAULTS, title: t('val.titleDefault'), date: dayjs() }}>
                <Row gutter={8}>
                  <Col span={14}><Form.Item name="title" label={t('val.title')} rules={[{ required: true, whitespace: true, message: t('ent.form.required') }]}><Input maxLength={100} /></Form.Item></Col>
                  <Col span={10}><Form.Item name="date" label={t('val.date')} rules={[{ required: true, message: t('ent.form.required') }]}><DatePicker style={{ width: '100%' }} allowClear={false} /></Form.Item></Col>
                  <Col span={8}><Form.Item name="discountPct" label={t('val.discount')} rules={[{ required: true }]}><InputNumber min={0.1} max={99} step={0.5} style={{ width: '100%' }} /></Form.Item></Col>
                  <Col span={8}><Form.Item name="growthPct" label={t('val.growth')}><InputNumber min={-50} max={100} style={{ width: '100%' }} /></Form.Item></Col>
                  <Col span={8}><Form.Item name="years" label={t('val.years')}><InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
                  <Col span={24}><Form.Item name="shareMode" label={t('val.shareMode')}><Radio.Group options={[{ value: 'given', label: t('val.shareGiven') }, { value: 'scored', label: t('val.shareScored') }]} /></Form.Item></Col>
                  {shareMode !== 'scored' ? (
                    <Col span={8}><Form.Item name="sharePct" label={t('val.share')}><InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} /></Form.Item></Col>
                  ) : (
                    <>
                      <Col span={8}><Form.Item name="shareMinPct" label={t('val.shareMin')}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col span={8}><Form.Item name="shareMaxPct" label={t('val.shareMax')}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col span={8}><Form.Item name="score" label={t('val.score')}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
                    </>
                  )}
                  <Col span={24}>
                    <Form.Item name="productId" label={t('val.product')}>
                      <Select allowClear placeholder={t('val.noProduct')} options={products.map((p) => ({ value: p.id, label: `${p.bank} · ${p.name}（发明 ${p.loanToValue.invention * 100}%）` }))} />
                    </Form.Item>
                  </Col>
                  <Col span={24}><Form.Item name="uncertain" label={t('val.uncertainty')} valuePropName="checked"><Switch /></Form.Item></Col>
                  {uncertain && (
                    <>
                      <Col span={24}><Form.Item name="paths" label={t('val.paths')}><InputNumber min={100} max={100_000} step={1000} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col span={24}><Form.Item label={t('val.revenueRange')}><Space><Form.Item name="revMin" noStyle><InputNumber min={0} max={1} step={0.05} /></Form.Item>–<Form.Item name="revMax" noStyle><InputNumber min={1} max={5} step={0.05} /></Form.Item></Space></Form.Item></Col>
                      {shareMode !== 'scored' && <Col span={24}><Form.Item label={t('val.shareRange')}><Space><Form.Item name="shareLowPct" noStyle><InputNumber min={0} max={100} /></Form.Item>–<Form.Item name="shareHighPct" noStyle><InputNumber min={0} max={100} /></Form.Item></Space></Form.Item></Col>}
                      <Col span={24}><Form.Item label={t('val.discountRange')}><Space><Form.Item name="discLowPct" noStyle><InputNumber min={0.1} max={99} /></Form.Item>–<Form.Item name="discHighPct" noStyle><InputNumber min={0.1} max={99} /></Form.Item></Space></Form.Item></Col>
                    </>
                  )}
                </Row>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card title={t('val.assets')}>
                {assets.length === 0 ? (
                  <Empty description={t('val.noAssets')} />
                ) : (
                  <Table<IpAsset>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 720, y: 260 }}
                    rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
                    dataSource={assets}
                    columns={[
                      { title: t('ent.col.number'), dataIndex: 'displayNumber', width: 150 },
                      { title: t('ent.col.kind'), dataIndex: 'kind', width: 90, render: (k: IpAsset['kind']) => IP_KIND_LABELS[k] },
                      { title: t('ent.col.title'), dataIndex: 'title', ellipsis: true, width: 200 },
                      { title: t('ent.col.expires'), width: 110, render: (_: unknown, a: IpAsset) => a.assessment.expiresOn ?? '—' },
                      {
                        title: t('val.baseRevenue'),
                        width: 150,
                        render: (_: unknown, a: IpAsset) => (
                          <InputNumber aria-label={`${t('val.baseRevenue')} ${a.displayNumber}`} min={0} value={revenueWan[a.id] ?? null} onChange={(v) => setRevenueWan({ ...revenueWan, [a.id]: v })} style={{ width: '100%' }} />
                        ),
                      },
                    ]}
                  />
                )}
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" onClick={() => void run()} disabled={job.running || assets.length === 0}>{t('val.run')}</Button>
                  {job.running && <Button onClick={() => void job.cancel()}>{t('val.cancel')}</Button>}
                </Space>
                {job.running && <Progress percent={job.percent} status="active" aria-label={t('val.running')} />}
                {job.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={job.error} />}
              </Card>
              {shown && enterprise && <AttachToCase enterpriseId={enterprise.id} runId={shown.runId} />}
              {shown && <ResultView data={shown.data} caption={shown.caption} runId={shown.runId} />}
              <Card title={t('val.history')} size="small">
                <List
                  size="small"
                  locale={{ emptyText: t('val.noHistory') }}
                  dataSource={history}
                  renderItem={(r) => (
                    <List.Item actions={[<a key="open" onClick={() => void openRun(r)}>{t('val.open')}</a>]}>
                      <Typography.Text>{r.title}</Typography.Text>
                      <Typography.Text type="secondary">{formatDateTime(r.createdAt)} · {t('val.itemsCount', { count: r.items })} · {formatYuan(r.totalFen)} 元{r.loanFen !== null ? ` · ${t('val.loanShort', { amount: formatYuan(r.loanFen) })}` : ''}</Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </Space>
  );
}
