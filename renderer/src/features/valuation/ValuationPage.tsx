import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Typography,
  message,
  type FormRule,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { IP_KIND_LABELS } from '../../../../shared/domain/ip';
import { formatYuan } from '../../../../shared/money';
import type { Enterprise, IpAsset } from '../../../../shared/types/records';
import type { BankProduct, ValuationRunSummary } from '../../../../shared/types/valuation';
import { api } from '../../api';
import { routeParam } from '../../app/useHashRoute';
import { useJob } from '../../lib/useJob';
import { boundedNumber } from '../../../../shared/schemas/common';
import { valuationFields as F } from '../../../../shared/schemas/valuation';
import { NumberFilter } from '../../components/NumberFilter';
import { NumberInput } from '../../components/NumberInput';
import { numberRule, readNumber } from '../../lib/numbers';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { AttachToCase } from '../cases/AttachToCase';
import { ResultView, type PortfolioView } from './ResultView';
import { formatDateTime } from '../../../../shared/time';
import { validated } from '../../lib/formErrors';

/** The form keeps what was typed; percentages and multipliers are read when the run starts. */
interface Params {
  title: string;
  date: Dayjs;
  discountPct: string;
  shareMode: 'given' | 'scored';
  sharePct: string;
  shareMinPct: string;
  shareMaxPct: string;
  score: string;
  growthPct: string;
  years: string;
  productId?: string;
  uncertain: boolean;
  paths: string;
  revMin: string;
  revMax: string;
  shareLowPct: string;
  shareHighPct: string;
  discLowPct: string;
  discHighPct: string;
}

const DEFAULTS: Omit<Params, 'title' | 'date'> = {
  discountPct: '12',
  shareMode: 'given',
  sharePct: '3',
  shareMinPct: '1',
  shareMaxPct: '5',
  score: '60',
  growthPct: '5',
  years: '5',
  uncertain: true,
  paths: '10000',
  revMin: '0.7',
  revMax: '1.2',
  shareLowPct: '2',
  shareHighPct: '4',
  discLowPct: '10',
  discHighPct: '16',
};

/** Revenue growth a year: a parameter of this page only (the engine takes each year's revenue). */
const GROWTH = boundedNumber('年增长率', -0.5, 1);
/** The first year's revenue of one item, typed in 万元 and checked as yuan by the engine's own bound. */
const FIRST_YEAR_WAN_CHECK = z
  .number()
  .transform((wan) => wan * 10_000)
  .pipe(F.revenueYuan);

/** A range field must hold the value it varies around: low ≤ centre ≤ high. */
function around(centre: keyof Params, side: 'low' | 'high', message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_r, text: unknown) => {
      const v = readIfValid(text);
      const c = readIfValid(getFieldValue(centre));
      if (v === null || c === null) return;
      if (side === 'low' ? v > c : v < c) throw new Error(message);
    },
  });
}
const ONE_OR_LESS = (message: string): FormRule => ({
  validator: async (_r, text: unknown) => {
    const v = readIfValid(text);
    if (v !== null && v > 1) throw new Error(message);
  },
});
const ONE_OR_MORE = (message: string): FormRule => ({
  validator: async (_r, text: unknown) => {
    const v = readIfValid(text);
    if (v !== null && v < 1) throw new Error(message);
  },
});
const readIfValid = (text: unknown): number | null => {
  try {
    return readNumber(text, 'plain');
  } catch {
    return null;
  }
};

/** Every indicator gets the one score typed on this page. */
const SCORE_KEYS = [
  'legal.stability',
  'legal.remaining_term',
  'legal.scope',
  'legal.dependency',
  'technical.advancement',
  'technical.maturity',
  'technical.substitutability',
  'technical.applicability',
  'economic.market_size',
  'economic.market_share',
  'economic.profitability',
  'economic.policy',
];

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
    api()
      .valuationCatalog({})
      .then(
        (c) => setProducts(c.products),
        () => setProducts([]),
      );
    // Opened from a case ("去估值"): start with that case's enterprise.
    const id = routeParam('enterprise');
    if (id)
      api()
        .enterpriseGet({ id })
        .then(setEnterprise, (e: Error) => void message.error(e.message));
  }, []);
  useEffect(() => {
    setShown(null);
    setSelected([]);
    if (!enterprise) return setAssets([]);
    api()
      .ipList({ filter: { enterpriseId: enterprise.id }, limit: 1000 })
      .then(
        (p) => setAssets(p.rows),
        () => setAssets([]),
      );
    api()
      .valuationRuns({ enterpriseId: enterprise.id })
      .then(setHistory, () => setHistory([]));
  }, [enterprise]);

  const run = async () => {
    const p = await validated(form);
    if (!p) return;
    const items = selected.filter((id) => (revenueWan[id] ?? 0) > 0);
    if (!enterprise || items.length === 0) return void message.warning(t('val.selectAsset'));
    const pct = (text: string) => readNumber(text, 'percent')!;
    const num = (text: string) => readNumber(text, 'plain')!;
    const years = num(p.years);
    const growth = pct(p.growthPct);
    const result = await job.run(() =>
      api().valuationStart({
        enterpriseId: enterprise.id,
        title: p.title,
        valuationDate: p.date.format('YYYY-MM-DD'),
        items: items.map((ipAssetId) => ({
          ipAssetId,
          revenue: Array.from({ length: years }, (_, y) => Math.round(revenueWan[ipAssetId]! * 10_000 * (1 + growth) ** y * 100) / 100),
          discountRate: pct(p.discountPct),
          ...(p.shareMode === 'given'
            ? { shareRate: pct(p.sharePct) }
            : { shareRange: { min: pct(p.shareMinPct), max: pct(p.shareMaxPct) } }),
        })),
        ...(p.shareMode === 'scored' ? { scores: Object.fromEntries(SCORE_KEYS.map((k) => [k, num(p.score)])) } : {}),
        ...(p.uncertain
          ? {
              uncertainty: {
                paths: num(p.paths),
                seed: 1,
                revenue: { type: 'triangular' as const, min: num(p.revMin), mode: 1, max: num(p.revMax) },
                ...(p.shareMode === 'given'
                  ? { shareRate: { type: 'triangular' as const, min: pct(p.shareLowPct), mode: pct(p.sharePct), max: pct(p.shareHighPct) } }
                  : {}),
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
      api()
        .valuationRuns({ enterpriseId: enterprise.id })
        .then(setHistory, () => undefined);
    }
  };

  const openRun = async (r: ValuationRunSummary) => {
    const stored = await api().valuationRun({ id: r.id });
    setShown({
      runId: r.id,
      data: stored.result as PortfolioView,
      caption: `${r.title} · ${formatDateTime(r.createdAt)} · ${t('val.engine', { version: r.engineVersion, set: r.indicatorSet })}`,
    });
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
                  <Col span={14}>
                    <Form.Item
                      name="title"
                      label={t('val.title')}
                      rules={[{ required: true, whitespace: true, message: t('ent.form.required') }]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item name="date" label={t('val.date')} rules={[{ required: true, message: t('ent.form.required') }]}>
                      <DatePicker style={{ width: '100%' }} allowClear={false} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name="discountPct"
                      label={t('val.discountField')}
                      rules={[
                        { required: true, message: t('ent.form.required') },
                        numberRule(F.discountRate, 'percent', { label: '折现率' }),
                      ]}
                    >
                      <NumberInput unit="%" aria-label={t('val.discount')} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name="growthPct"
                      label={t('val.growthField')}
                      rules={[{ required: true, message: t('ent.form.required') }, numberRule(GROWTH, 'percent', { label: '年增长率' })]}
                    >
                      <NumberInput unit="%" aria-label={t('val.growth')} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name="years"
                      label={t('val.yearsField')}
                      rules={[{ required: true, message: t('ent.form.required') }, numberRule(F.years, 'plain')]}
                    >
                      <NumberInput unit="年" aria-label={t('val.years')} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="shareMode" label={t('val.shareMode')}>
                      <Radio.Group
                        options={[
                          { value: 'given', label: t('val.shareGiven') },
                          { value: 'scored', label: t('val.shareScored') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  {shareMode !== 'scored' ? (
                    <Col span={8}>
                      <Form.Item
                        name="sharePct"
                        label={t('val.shareField')}
                        rules={[
                          { required: true, message: t('ent.form.required') },
                          numberRule(F.shareRate, 'percent', { label: '分成率' }),
                        ]}
                      >
                        <NumberInput unit="%" aria-label={t('val.share')} />
                      </Form.Item>
                    </Col>
                  ) : (
                    <>
                      <Col span={8}>
                        <Form.Item
                          name="shareMinPct"
                          label={t('val.shareMinField')}
                          dependencies={['shareMaxPct']}
                          rules={[
                            { required: true, message: t('ent.form.required') },
                            numberRule(F.shareRate, 'percent', { label: '分成率下限' }),
                            around('shareMaxPct', 'low', t('val.minOverMax')),
                          ]}
                        >
                          <NumberInput unit="%" aria-label={t('val.shareMin')} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item
                          name="shareMaxPct"
                          label={t('val.shareMaxField')}
                          rules={[
                            { required: true, message: t('ent.form.required') },
                            numberRule(F.shareRate, 'percent', { label: '分成率上限' }),
                          ]}
                        >
                          <NumberInput unit="%" aria-label={t('val.shareMax')} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item
                          name="score"
                          label={t('val.score')}
                          rules={[{ required: true, message: t('ent.form.required') }, numberRule(F.score, 'plain')]}
                        >
                          <NumberInput aria-label={t('val.score')} />
                        </Form.Item>
                      </Col>
                    </>
                  )}
                  <Col span={24}>
                    <Form.Item name="productId" label={t('val.product')}>
                      <Select
                        allowClear
                        placeholder={t('val.noProduct')}
                        options={products.map((p) => ({
                          value: p.id,
                          label: `${p.bank} · ${p.name}（发明 ${p.loanToValue.invention * 100}%）`,
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="uncertain" label={t('val.uncertainty')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                  {uncertain && (
                    <>
                      <Col span={24}>
                        <Form.Item
                          name="paths"
                          label={t('val.paths')}
                          rules={[{ required: true, message: t('ent.form.required') }, numberRule(F.paths, 'plain')]}
                        >
                          <NumberInput unit="次" aria-label={t('val.paths')} />
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <Form.Item label={t('val.revenueRange')} required style={{ marginBottom: 0 }}>
                          <Space align="start">
                            <Form.Item
                              name="revMin"
                              rules={[
                                { required: true, message: t('ent.form.required') },
                                numberRule(F.revenueMultiplier, 'plain'),
                                ONE_OR_LESS(t('val.revLowOverOne')),
                              ]}
                            >
                              <NumberInput unit="倍" aria-label={t('val.revMin')} style={{ width: 120 }} />
                            </Form.Item>
                            –
                            <Form.Item
                              name="revMax"
                              rules={[
                                { required: true, message: t('ent.form.required') },
                                numberRule(F.revenueMultiplier, 'plain'),
                                ONE_OR_MORE(t('val.revHighUnderOne')),
                              ]}
                            >
                              <NumberInput unit="倍" aria-label={t('val.revMax')} style={{ width: 120 }} />
                            </Form.Item>
                          </Space>
                        </Form.Item>
                      </Col>
                      {shareMode !== 'scored' && (
                        <Col span={24}>
                          <Form.Item label={t('val.shareRange')} required style={{ marginBottom: 0 }}>
                            <Space align="start">
                              <Form.Item
                                name="shareLowPct"
                                dependencies={['sharePct']}
                                rules={[
                                  { required: true, message: t('ent.form.required') },
                                  numberRule(F.shareRate, 'percent', { label: '分成率波动下限' }),
                                  around('sharePct', 'low', t('val.lowOverCentre')),
                                ]}
                              >
                                <NumberInput unit="%" aria-label={t('val.shareLow')} style={{ width: 120 }} />
                              </Form.Item>
                              –
                              <Form.Item
                                name="shareHighPct"
                                dependencies={['sharePct']}
                                rules={[
                                  { required: true, message: t('ent.form.required') },
                                  numberRule(F.shareRate, 'percent', { label: '分成率波动上限' }),
                                  around('sharePct', 'high', t('val.highUnderCentre')),
                                ]}
                              >
                                <NumberInput unit="%" aria-label={t('val.shareHigh')} style={{ width: 120 }} />
                              </Form.Item>
                            </Space>
                          </Form.Item>
                        </Col>
                      )}
                      <Col span={24}>
                        <Form.Item label={t('val.discountRange')} required style={{ marginBottom: 0 }}>
                          <Space align="start">
                            <Form.Item
                              name="discLowPct"
                              dependencies={['discountPct']}
                              rules={[
                                { required: true, message: t('ent.form.required') },
                                numberRule(F.discountRate, 'percent', { label: '折现率波动下限' }),
                                around('discountPct', 'low', t('val.lowOverCentre')),
                              ]}
                            >
                              <NumberInput unit="%" aria-label={t('val.discLow')} style={{ width: 120 }} />
                            </Form.Item>
                            –
                            <Form.Item
                              name="discHighPct"
                              dependencies={['discountPct']}
                              rules={[
                                { required: true, message: t('ent.form.required') },
                                numberRule(F.discountRate, 'percent', { label: '折现率波动上限' }),
                                around('discountPct', 'high', t('val.highUnderCentre')),
                              ]}
                            >
                              <NumberInput unit="%" aria-label={t('val.discHigh')} style={{ width: 120 }} />
                            </Form.Item>
                          </Space>
                        </Form.Item>
                      </Col>
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
                    scroll={{ y: 260 }}
                    rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
                    dataSource={assets}
                    columns={[
                      {
                        title: t('ent.col.number'),
                        key: 'number',
                        width: 150,
                        render: (_: unknown, a: IpAsset) => (
                          <>
                            <div className="nowrap">{a.displayNumber}</div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {IP_KIND_LABELS[a.kind]}
                            </Typography.Text>
                          </>
                        ),
                      },
                      { title: t('ent.col.title'), dataIndex: 'title', ellipsis: true },
                      {
                        title: t('ent.col.expires'),
                        width: 104,
                        className: 'nowrap',
                        render: (_: unknown, a: IpAsset) => a.assessment.expiresOn ?? '—',
                      },
                      {
                        title: t('val.baseRevenueField'),
                        width: 160,
                        render: (_: unknown, a: IpAsset) => (
                          <NumberFilter
                            label={`${t('val.baseRevenue')} ${a.displayNumber}`}
                            placeholder=""
                            unit="plain"
                            unitLabel="万元"
                            schema={FIRST_YEAR_WAN_CHECK}
                            value={revenueWan[a.id] ?? null}
                            onChange={(v) => setRevenueWan((cur) => ({ ...cur, [a.id]: v }))}
                            width={140}
                          />
                        ),
                      },
                    ]}
                  />
                )}
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" onClick={() => void run()} disabled={job.running || assets.length === 0}>
                    {t('val.run')}
                  </Button>
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
                    <List.Item
                      actions={[
                        <a key="open" onClick={() => void openRun(r)}>
                          {t('val.open')}
                        </a>,
                      ]}
                    >
                      <Typography.Text>{r.title}</Typography.Text>
                      <Typography.Text type="secondary">
                        {formatDateTime(r.createdAt)} · {t('val.itemsCount', { count: r.items })} · {formatYuan(r.totalFen)} 元
                        {r.loanFen !== null ? ` · ${t('val.loanShort', { amount: formatYuan(r.loanFen) })}` : ''}
                      </Typography.Text>
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
