import { Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IP_KIND_LABELS,
  IP_KINDS,
  isPatentKind,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  type IpKind,
  type LegalStatus,
} from '../../../../shared/domain/ip';
import type { IpAsset } from '../../../../shared/types/records';
import { ipAssetInput } from '../../../../shared/schemas/ip';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { dateRule, isoOf } from '../../lib/dates';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { applyApiError, validated, clearServerErrors } from '../../lib/formErrors';

type DateField = 'filingDate' | 'grantDate' | 'registrationDate' | 'publishedOn' | 'feePaidThrough';
type Values = {
  kind: IpKind;
  number: string;
  title: string;
  legalStatus: LegalStatus;
  owners?: string;
  claimsCount?: string;
  ipcClass?: string;
  pledged?: boolean;
  suspended?: boolean;
  underInvalidation?: boolean;
  sameDayInvention?: boolean;
} & Partial<Record<DateField, Dayjs | null>>;

const iso = isoOf;

/** Add or edit one IP item of an enterprise; pledgeability is computed after saving, never typed. */
export function IpForm({
  enterpriseId,
  enterpriseName,
  asset,
  onClose,
}: {
  enterpriseId: string;
  enterpriseName: string;
  asset: IpAsset | null;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? asset?.kind ?? 'invention';
  const [saving, setSaving] = useState(false);
  const a = asset;
  const d = (v: string | null | undefined) => (v ? dayjs(v) : null);
  const initial: Partial<Values> = a
    ? {
        kind: a.kind,
        number: a.displayNumber,
        title: a.title,
        legalStatus: a.legalStatus,
        owners: a.owners.join('、'),
        claimsCount: numberText(a.claimsCount, 'plain'),
        ipcClass: a.ipcClass,
        pledged: a.pledged,
        suspended: a.suspended,
        underInvalidation: a.underInvalidation,
        sameDayInvention: a.sameDayInvention,
        filingDate: d(a.filingDate),
        grantDate: d(a.grantDate),
        registrationDate: d(a.registrationDate),
        publishedOn: d(a.publishedOn),
        feePaidThrough: d(a.feePaidThrough),
      }
    : { kind: 'invention', legalStatus: 'granted', owners: enterpriseName };
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      await api().ipSave({
        ...(a ? { id: a.id } : {}),
        enterpriseId,
        kind: v.kind,
        number: v.number,
        title: v.title,
        legalStatus: v.legalStatus,
        filingDate: iso(v.filingDate),
        grantDate: iso(v.grantDate),
        registrationDate: iso(v.registrationDate),
        publishedOn: iso(v.publishedOn),
        feePaidThrough: iso(v.feePaidThrough),
        owners: (v.owners ?? '')
          .split(/[、,，;；]/)
          .map((s) => s.trim())
          .filter(Boolean),
        claimsCount: readNumber(v.claimsCount, 'plain'),
        ipcClass: v.ipcClass ?? '',
        pledged: !!v.pledged,
        suspended: !!v.suspended,
        underInvalidation: !!v.underInvalidation,
        sameDayInvention: !!v.sameDayInvention,
      });
      void message.success(t('ent.saved'));
      onClose(true);
    } catch (err) {
      const text = applyApiError(form, err);
      if (text) void message.error(text);
    } finally {
      setSaving(false);
    }
  };
  const req = [{ required: true, message: t('ent.form.required') }];
  const patent = isPatentKind(kind);
  const date = (name: DateField, label: string) => (
    <Col span={8}>
      <Form.Item name={name} label={label} rules={[dateRule(ipAssetInput.shape[name])]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open
      width={720}
      title={`${t('ent.form.ipTitle')} · ${enterpriseName}`}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => onClose(false)}
      okText={t('ent.form.save')}
      cancelText={t('ent.form.cancel')}
      destroyOnHidden
    >
      <Form form={form} onValuesChange={clearServerErrors(form)} layout="vertical" initialValues={initial}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t('ent.form.kind')} rules={req}>
              <Select options={IP_KINDS.map((k) => ({ value: k, label: IP_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="number" label={t('ent.form.number')} rules={req}>
              <Input maxLength={40} placeholder={patent ? '201710601862.3' : ''} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="legalStatus" label={t('ent.form.legalStatus')} rules={req}>
              <Select options={LEGAL_STATUSES.map((s) => ({ value: s, label: LEGAL_STATUS_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="title" label={t('ent.form.title')} rules={req}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          {date('filingDate', t('ent.form.filingDate'))}
          {patent && date('grantDate', t('ent.form.grantDate'))}
          {patent && date('feePaidThrough', t('ent.form.feePaidThrough'))}
          {kind === 'trademark' && date('registrationDate', t('ent.form.registrationDate'))}
          {kind === 'software' && date('publishedOn', t('ent.form.publishedOn'))}
          <Col span={16}>
            <Form.Item name="owners" label={t('ent.form.owners')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          {patent && (
            <Col span={4}>
              <Form.Item name="claimsCount" label={t('ent.form.claims')} rules={[numberRule(ipAssetInput.shape.claimsCount, 'plain')]}>
                <NumberInput />
              </Form.Item>
            </Col>
          )}
          {patent && (
            <Col span={4}>
              <Form.Item name="ipcClass" label={t('ent.form.ipc')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          )}
          <Col span={6}>
            <Form.Item name="pledged" valuePropName="checked">
              <Checkbox>{t('ent.form.pledged')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="suspended" valuePropName="checked">
              <Checkbox>{t('ent.form.suspended')}</Checkbox>
            </Form.Item>
          </Col>
          {patent && (
            <Col span={6}>
              <Form.Item name="underInvalidation" valuePropName="checked">
                <Checkbox>{t('ent.form.underInvalidation')}</Checkbox>
              </Form.Item>
            </Col>
          )}
          {kind === 'utility' && (
            <Col span={6}>
              <Form.Item name="sameDayInvention" valuePropName="checked">
                <Checkbox>{t('ent.form.sameDayInvention')}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
