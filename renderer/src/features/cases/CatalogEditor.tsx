import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IP_KINDS, IP_KIND_LABELS, type IpKind } from '../../../../shared/domain/ip';
import type { BankProduct } from '../../../../shared/types/valuation';
import { api, ApiError } from '../../api';
import { fenToWan, wanToFen } from '../../lib/format';
import { validated } from '../../lib/formErrors';

interface Row {
  id: string;
  bank: string;
  name: string;
  minWan: number;
  maxWan: number;
  maxTermMonths: number;
  ipKinds: IpKind[];
  ltv: Record<IpKind, number>;
  source: string;
}

const toRow = (p: BankProduct): Row => ({
  id: p.id,
  bank: p.bank,
  name: p.name,
  minWan: fenToWan(p.minAmountFen)!,
  maxWan: fenToWan(p.maxAmountFen)!,
  maxTermMonths: p.maxTermMonths,
  ipKinds: p.ipKinds,
  ltv: Object.fromEntries(IP_KINDS.map((k) => [k, Math.round((p.loanToValue[k] ?? 0) * 1000) / 10])) as Record<IpKind, number>,
  source: p.source,
});
const fromRow = (r: Row, keep?: BankProduct): BankProduct => ({
  ...(keep ?? {}),
  id: r.id,
  bank: r.bank,
  name: r.name,
  minAmountFen: wanToFen(r.minWan)!,
  maxAmountFen: wanToFen(r.maxWan)!,
  maxTermMonths: r.maxTermMonths,
  ipKinds: r.ipKinds,
  loanToValue: Object.fromEntries(IP_KINDS.map((k) => [k, (r.ltv[k] ?? 0) / 100])) as Record<IpKind, number>,
  source: r.source,
});

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
      .then((c) => (setOriginal(c.products), setEdited(c.edited), form.setFieldsValue({ rows: c.products.map(toRow) })), (e: Error) => setError(e.message));
  }, [open, form]);

  const save = async () => {
    const values = await validated(form);
    if (!values) return;
    const { rows } = values;
    try {
      await api().bankCatalogSave({ products: rows.map((r) => fromRow(r, original.find((p) => p.id === r.id))) });
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

  return (
    <Modal open={open} width={1180} title={t('case.catalogTitle')} onCancel={() => onClose(false)} onOk={() => void save()} okText={t('case.save')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('case.catalogHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form form={form} component={false}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                scroll={{ y: 420 }}
                dataSource={fields}
                rowKey="key"
                columns={[
                  { title: t('case.productId'), width: 120, render: (_, f) => <Form.Item name={[f.name, 'id']} noStyle rules={[{ required: true, pattern: /^[a-z0-9-]+$/, message: t('case.productIdRule') }]}><Input size="small" /></Form.Item> },
                  { title: t('case.bank'), width: 100, render: (_, f) => <Form.Item name={[f.name, 'bank']} noStyle rules={[{ required: true }]}><Input size="small" /></Form.Item> },
                  { title: t('case.product'), width: 150, render: (_, f) => <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}><Input size="small" /></Form.Item> },
                  { title: t('case.amountRange'), width: 170, render: (_, f) => <Space size={2}><Form.Item name={[f.name, 'minWan']} noStyle><InputNumber size="small" min={0} style={{ width: 72 }} /></Form.Item>–<Form.Item name={[f.name, 'maxWan']} noStyle><InputNumber size="small" min={0} style={{ width: 72 }} /></Form.Item></Space> },
                  { title: t('case.maxTerm'), width: 80, render: (_, f) => <Form.Item name={[f.name, 'maxTermMonths']} noStyle><InputNumber size="small" min={1} max={360} style={{ width: 64 }} /></Form.Item> },
                  { title: t('case.acceptedKinds'), width: 200, render: (_, f) => <Form.Item name={[f.name, 'ipKinds']} noStyle><Select size="small" mode="multiple" style={{ width: 190 }} options={IP_KINDS.map((k) => ({ value: k, label: IP_KIND_LABELS[k] }))} /></Form.Item> },
                  {
                    title: t('case.ltv'),
                    width: 300,
                    render: (_, f) => (
                      <Space size={2} wrap>
                        {IP_KINDS.map((k) => (
                          <Form.Item key={k} name={[f.name, 'ltv', k]} noStyle>
                            <InputNumber size="small" min={0} max={100} style={{ width: 56 }} title={IP_KIND_LABELS[k]} aria-label={`${IP_KIND_LABELS[k]} %`} />
                          </Form.Item>
                        ))}
                      </Space>
                    ),
                  },
                  { title: '', width: 50, render: (_, f) => <Button size="small" danger type="link" onClick={() => remove(f.name)}>{t('case.remove')}</Button> },
                ]}
              />
              <Button size="small" style={{ marginTop: 8 }} onClick={() => add({ id: `product-${fields.length + 1}`, bank: '', name: '', minWan: 100, maxWan: 1000, maxTermMonths: 12, ipKinds: ['invention'], ltv: { invention: 30, utility: 0, design: 0, trademark: 0, software: 0 }, source: '用户录入' })}>
                {t('case.addProduct')}
              </Button>
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                {t('case.ltvOrder')}
              </Typography.Text>
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
