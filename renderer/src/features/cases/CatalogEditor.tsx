import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IP_KINDS, IP_KIND_LABELS, type IpKind } from '../../../../shared/domain/ip';
import { bankFields, LOAN_OVER_CAPACITY } from '../../../../shared/schemas/bank';
import { InstitutionInput } from '../../components/InstitutionInput';
import type { BankProduct } from '../../../../shared/types/valuation';
import { api, ApiError } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { validated } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';

/** A product as the editor holds it: amounts and rates as typed (万元, %). */
interface Row {
  id: string;
  bank: string;
  name: string;
  minWan: string;
  maxWan: string;
  maxTermMonths: string;
  ipKinds: IpKind[];
  ltv: Record<IpKind, string>;
  loanOverCapacity: (typeof LOAN_OVER_CAPACITY)[number];
  source: string;
}

/** Short names for the five rate boxes, so each says which kind it is for. */
const KIND_SHORT: Record<IpKind, string> = { invention: '发明', utility: '实用新型', design: '外观', trademark: '商标', software: '软著' };

const toRow = (p: BankProduct): Row => ({
  id: p.id,
  bank: p.bank,
  name: p.name,
  minWan: numberText(p.minAmountFen, 'wan'),
  maxWan: numberText(p.maxAmountFen, 'wan'),
  maxTermMonths: numberText(p.maxTermMonths, 'plain'),
  ipKinds: p.ipKinds,
  ltv: Object.fromEntries(IP_KINDS.map((k) => [k, numberText(p.loanToValue[k] ?? 0, 'percent')])) as Record<IpKind, string>,
  loanOverCapacity: p.loanOverCapacity ?? 'warn',
  source: p.source,
});
const fromRow = (r: Row, keep?: BankProduct): BankProduct => ({
  ...(keep ?? {}),
  id: r.id,
  bank: r.bank,
  name: r.name,
  minAmountFen: readNumber(r.minWan, 'wan') ?? 0,
  maxAmountFen: readNumber(r.maxWan, 'wan') ?? 0,
  maxTermMonths: readNumber(r.maxTermMonths, 'plain') ?? 0,
  ipKinds: r.ipKinds,
  loanToValue: Object.fromEntries(IP_KINDS.map((k) => [k, readNumber(r.ltv[k], 'percent') ?? 0])) as Record<IpKind, number>,
  loanOverCapacity: r.loanOverCapacity,
  source: r.source,
});
/** Products added here get an id of their own; the user never types one. */
const newId = () => `custom-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Edits the bank product catalogue (thin public data, so users must be able to correct it). */
export function CatalogEditor({ open, onClose }: { open: boolean; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rows: Row[] }>();
  const [original, setOriginal] = useState<BankProduct[]>([]);
  const [edited, setEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    api()
      .bankCatalog({})
      .then(
        (c) => (setOriginal(c.products), setEdited(c.edited), form.setFieldsValue({ rows: c.products.map(toRow) })),
        (e: Error) => setError(e.message),
      );
  }, [open, form]);

  const save = async () => {
    const values = await validated(form);
    if (!values) return;
    try {
      await api().bankCatalogSave({
        products: values.rows.map((r) =>
          fromRow(
            r,
            original.find((p) => p.id === r.id),
          ),
        ),
      });
      void message.success(t('case.catalogSaved'));
      onClose(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const reset = async () => {
    await api().bankCatalogReset({});
    void message.success(t('case.catalogReset'));
    onClose(true);
  };
  const required = { required: true, whitespace: true, message: t('ent.form.required') };
  const cell = { style: { marginBottom: 0 } };

  return (
    <Modal
      open={open}
      width={1220}
      title={t('case.catalogTitle')}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      okText={t('case.save')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('case.catalogHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form form={form} component={false}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                scroll={{ y: 440 }}
                dataSource={fields}
                rowKey="key"
                columns={[
                  {
                    title: t('case.bankAndProduct'),
                    width: 200,
                    render: (_, f) => (
                      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                        <Form.Item {...cell} name={[f.name, 'bank']} rules={[required]}>
                          <InstitutionInput
                            kinds={['bank']}
                            size="small"
                            placeholder={t('case.bank')}
                            aria-label={t('case.bank')}
                            maxLength={40}
                          />
                        </Form.Item>
                        <Form.Item {...cell} name={[f.name, 'name']} rules={[required]}>
                          <Input size="small" placeholder={t('case.product')} aria-label={t('case.product')} maxLength={60} />
                        </Form.Item>
                      </Space>
                    ),
                  },
                  {
                    title: t('case.amountRangeField'),
                    width: 170,
                    render: (_, f) => (
                      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                        <Form.Item {...cell} name={[f.name, 'minWan']} rules={[required, numberRule(bankFields.minAmountFen, 'wan')]}>
                          <NumberInput size="small" unit="万元" aria-label={t('case.minAmount')} placeholder={t('case.minAmount')} />
                        </Form.Item>
                        <Form.Item
                          {...cell}
                          name={[f.name, 'maxWan']}
                          dependencies={[['rows', f.name, 'minWan']]}
                          rules={[
                            required,
                            numberRule(bankFields.maxAmountFen, 'wan'),
                            ({ getFieldValue }) => ({
                              validator: async (_r, text: string) => {
                                const min = safeRead(getFieldValue(['rows', f.name, 'minWan']));
                                const max = safeRead(text);
                                if (min !== null && max !== null && max < min) throw new Error(t('case.maxUnderMin'));
                              },
                            }),
                          ]}
                        >
                          <NumberInput size="small" unit="万元" aria-label={t('case.maxAmount')} placeholder={t('case.maxAmount')} />
                        </Form.Item>
                      </Space>
                    ),
                  },
                  {
                    title: t('case.maxTermField'),
                    width: 110,
                    render: (_, f) => (
                      <Form.Item
                        {...cell}
                        name={[f.name, 'maxTermMonths']}
                        rules={[required, numberRule(bankFields.maxTermMonths, 'plain')]}
                      >
                        <NumberInput size="small" unit="个月" aria-label={t('case.maxTermField')} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('case.acceptedKinds'),
                    width: 190,
                    render: (_, f) => (
                      <Form.Item {...cell} name={[f.name, 'ipKinds']} rules={[{ required: true, message: t('case.kindsRequired') }]}>
                        <Select
                          size="small"
                          mode="multiple"
                          aria-label={t('case.acceptedKinds')}
                          options={IP_KINDS.map((k) => ({ value: k, label: IP_KIND_LABELS[k] }))}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('case.ltvField'),
                    render: (_, f) => (
                      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 4 }}>
                        {IP_KINDS.map((k) => (
                          <Form.Item
                            {...cell}
                            key={k}
                            name={[f.name, 'ltv', k]}
                            rules={[required, numberRule(bankFields.loanToValue, 'percent', { label: `${IP_KIND_LABELS[k]}质押率` })]}
                          >
                            <NumberInput
                              size="small"
                              prefix={<span className="number-unit">{KIND_SHORT[k]}</span>}
                              unit="%"
                              aria-label={`${IP_KIND_LABELS[k]}质押率`}
                            />
                          </Form.Item>
                        ))}
                      </div>
                    ),
                  },
                  {
                    title: t('case.overCapacity'),
                    width: 120,
                    render: (_, f) => (
                      <Form.Item {...cell} name={[f.name, 'loanOverCapacity']}>
                        <Select
                          size="small"
                          aria-label={t('case.overCapacity')}
                          options={LOAN_OVER_CAPACITY.map((v) => ({ value: v, label: t(`case.overCapacityIs.${v}`) }))}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '',
                    width: 56,
                    render: (_, f) => (
                      <Button size="small" danger type="link" onClick={() => remove(f.name)}>
                        {t('case.remove')}
                      </Button>
                    ),
                  },
                ]}
              />
              <Button
                size="small"
                style={{ marginTop: 8 }}
                onClick={() =>
                  add({
                    id: newId(),
                    bank: '',
                    name: '',
                    minWan: '100',
                    maxWan: '1000',
                    maxTermMonths: '12',
                    ipKinds: ['invention'],
                    ltv: { invention: '30', utility: '0', design: '0', trademark: '0', software: '0' },
                    loanOverCapacity: 'warn',
                    source: '用户录入',
                  } satisfies Row)
                }
              >
                {t('case.addProduct')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {edited && (
        <Popconfirm title={t('case.resetConfirm')} onConfirm={() => void reset()}>
          <Button size="small" style={{ marginTop: 8 }}>
            {t('case.resetCatalog')}
          </Button>
        </Popconfirm>
      )}
    </Modal>
  );
}

function safeRead(text: unknown): number | null {
  try {
    return readNumber(text, 'wan');
  } catch {
    return null;
  }
}
