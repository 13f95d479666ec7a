import { Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductMatch } from '../../../../shared/domain/products';
import type { CaseDetail } from '../../../../shared/types/case';
import { api } from '../../api';
import { fenToWanText } from '../../lib/format';
import { CatalogEditor } from './CatalogEditor';
import { useCasesStore } from './store';

/** Bank products ranked for this enterprise, each with why; the chosen one is kept on the case. */
export function ProductRanking({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const load = useCasesStore((s) => s.load);
  const [editing, setEditing] = useState(false);
  const r = detail.record;
  return (
    <section data-tour="product-ranking">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('case.productsTitle')}
        </Typography.Title>
        <Button size="small" onClick={() => setEditing(true)}>
          {t('case.editCatalog')}
        </Button>
      </Space>
      <Table<ProductMatch>
        rowKey={(m) => m.product.id}
        size="small"
        pagination={false}
        dataSource={detail.products}
        data-testid="product-ranking"
        columns={[
          { title: t('case.rank'), dataIndex: 'rank', width: 56 },
          {
            title: t('case.product'),
            key: 'p',
            width: 240,
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {m.product.bank} {m.product.name}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {m.eligible ? <Tag color="green">{t('case.eligible')}</Tag> : <Tag>{t('case.notEligible')}</Tag>}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('case.capacity'), key: 'c', width: 110, render: (_, m) => fenToWanText(m.capacityFen) },
          {
            title: t('case.why'),
            key: 'w',
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                {m.reasons.map((x) => (
                  <Typography.Text key={x}>✓ {x}</Typography.Text>
                ))}
                {m.problems.map((x) => (
                  <Typography.Text key={x} type="danger">
                    ✗ {x}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t('case.choose'),
            key: 'choose',
            width: 70,
            render: (_, m) => (
              <Radio
                checked={r.productId === m.product.id}
                disabled={r.stage === 'closed'}
                onChange={() => void act(() => api().caseUpdate({ id: r.id, productId: m.product.id }), t('case.saved'))}
                aria-label={`${m.product.bank} ${m.product.name}`}
              />
            ),
          },
        ]}
      />
      <CatalogEditor open={editing} onClose={(changed) => (setEditing(false), changed && void load(r.id))} />
    </section>
  );
}
