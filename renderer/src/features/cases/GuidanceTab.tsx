import { Button, Checkbox, Col, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEMS_EDITABLE } from '../../../../shared/domain/case-statuses';
import { IP_KIND_LABELS } from '../../../../shared/domain/ip';
import type { CaseDetail } from '../../../../shared/types/case';
import type { IpAsset } from '../../../../shared/types/records';
import { api } from '../../api';
import { caseUpdate } from '../../../../shared/schemas/case';
import { NumberInput } from '../../components/NumberInput';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { applyApiError, validated, clearServerErrors } from '../../lib/formErrors';
import { CheckList } from './CheckList';
import { ProductRanking } from './ProductRanking';
import { BankPackageCard } from '../profile/BankPackageCard';
import { useCasesStore } from './store';

interface NeedForm {
  needWan: string;
  needTermMonths: string;
  purpose: string;
  steward: string;
  bankOfficer: string;
}

/** 贷前指导: the need, the items to pledge, the checklist, missing documents, bank products. */
export function GuidanceTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const [form] = Form.useForm<NeedForm>();
  const [assets, setAssets] = useState<IpAsset[]>([]);
  const [picked, setPicked] = useState<string[]>(detail.items.map((i) => i.id));
  const r = detail.record;
  const closed = r.stage === 'closed';
  const itemsLocked = closed || (detail.pledge !== null && !ITEMS_EDITABLE.includes(detail.pledge.status));

  useEffect(() => {
    api()
      .ipList({ filter: { enterpriseId: r.enterpriseId }, limit: 1000 })
      .then(
        (p) => setAssets(p.rows),
        () => setAssets([]),
      );
  }, [r.enterpriseId, detail.items.length]);
  useEffect(() => setPicked(detail.items.map((i) => i.id)), [detail.items]);

  const saveNeed = async () => {
    const v = await validated(form);
    if (!v) return;
    await act(
      () =>
        api().caseUpdate({
          id: r.id,
          needFen: readNumber(v.needWan, 'wan'),
          needTermMonths: readNumber(v.needTermMonths, 'plain'),
          purpose: v.purpose ?? '',
          steward: v.steward ?? '',
          bankOfficer: v.bankOfficer ?? '',
        }),
      t('case.saved'),
      (err) => applyApiError(form, err, { needFen: 'needWan', needTermMonths: 'needTermMonths' }),
    );
  };
  const setDocument = (key: string, value: boolean) => act(() => api().caseUpdate({ id: r.id, documents: { [key]: value } }));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section>
        <Typography.Title level={5}>{t('case.needTitle')}</Typography.Title>
        <Form
          form={form}
          onValuesChange={clearServerErrors(form)}
          layout="inline"
          disabled={closed}
          initialValues={{
            needWan: numberText(r.needFen, 'wan'),
            needTermMonths: numberText(r.needTermMonths, 'plain'),
            purpose: r.purpose,
            steward: r.steward,
            bankOfficer: r.bankOfficer,
          }}
        >
          <Form.Item name="needWan" label={t('case.needAmount')} rules={[numberRule(caseUpdate.shape.needFen, 'wan')]}>
            <NumberInput unit="万元" style={{ width: 150 }} aria-label={t('case.needWan')} />
          </Form.Item>
          <Form.Item name="needTermMonths" label={t('case.term')} rules={[numberRule(caseUpdate.shape.needTermMonths, 'plain')]}>
            <NumberInput unit="个月" style={{ width: 110 }} aria-label={t('case.termMonths')} />
          </Form.Item>
          <Form.Item name="purpose" label={t('case.purpose')}>
            <Input maxLength={200} style={{ width: 200 }} aria-label={t('case.purpose')} />
          </Form.Item>
          <Form.Item name="steward" label={t('case.steward')}>
            <Input maxLength={40} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="bankOfficer" label={t('case.bankOfficer')}>
            <Input maxLength={80} style={{ width: 140 }} />
          </Form.Item>
          <Button onClick={() => void saveNeed()}>{t('case.saveNeed')}</Button>
        </Form>
      </section>

      <section>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('case.itemsTitle')}
          </Typography.Title>
          <Button
            size="small"
            disabled={itemsLocked}
            onClick={() => void act(() => api().caseItemsSet({ id: r.id, ipAssetIds: picked }), t('case.saved'))}
          >
            {t('case.saveItems', { n: picked.length })}
          </Button>
          {itemsLocked && <Typography.Text type="secondary">{t('case.itemsLocked')}</Typography.Text>}
        </Space>
        <Table<IpAsset>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ y: 240 }}
          dataSource={assets}
          locale={{ emptyText: t('case.noAssets') }}
          rowSelection={{
            selectedRowKeys: picked,
            onChange: (keys) => setPicked(keys as string[]),
            getCheckboxProps: () => ({ disabled: itemsLocked }),
          }}
          columns={[
            { title: t('case.kind'), dataIndex: 'kind', width: 100, render: (k: IpAsset['kind']) => IP_KIND_LABELS[k] },
            { title: t('case.number'), dataIndex: 'displayNumber', width: 170 },
            { title: t('case.titleCol'), dataIndex: 'title', ellipsis: true },
            { title: t('case.expiresOn'), key: 'exp', width: 110, render: (_, a) => a.assessment.expiresOn ?? '—' },
            {
              title: t('case.pledgeable'),
              key: 'pl',
              width: 100,
              render: (_, a) =>
                a.assessment.pledgeable ? <Tag color="green">{t('case.yes')}</Tag> : <Tag color="red">{t('case.no')}</Tag>,
            },
          ]}
        />
      </section>

      <Row gutter={24}>
        <Col span={15}>
          <Typography.Title level={5}>{t('case.checklistTitle', { open: detail.checklist.open })}</Typography.Title>
          <CheckList detail={detail} lines={detail.checklist.checks} testId="guidance-checklist" />
        </Col>
        <Col span={9}>
          <Typography.Title level={5}>{t('case.documentsTitle', { n: detail.checklist.missingDocuments.length })}</Typography.Title>
          <Space direction="vertical">
            {detail.checklist.documents.map((d) => (
              <Checkbox key={d.key} checked={d.provided} disabled={closed} onChange={(e) => void setDocument(d.key, e.target.checked)}>
                {d.label}
              </Checkbox>
            ))}
          </Space>
        </Col>
      </Row>

      <ProductRanking detail={detail} />
      <BankPackageCard caseId={detail.record.id} enterpriseId={detail.enterprise.id} />
    </Space>
  );
}
