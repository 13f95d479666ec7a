import { Col, DatePicker, Form, Input, Modal, Row, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS } from '../../../../shared/domain/districts';
import { QUALIFICATIONS, type Qualification } from '../../../../shared/domain/enterprise';
import type { Enterprise } from '../../../../shared/types/records';
import { checkUscc } from '../../../../shared/validators/uscc';
import { api } from '../../api';
import { enterpriseInput } from '../../../../shared/schemas/enterprise';
import { NumberInput } from '../../components/NumberInput';
import { dateRule } from '../../lib/dates';
import { numberRule, numberText, readNumber } from '../../lib/numbers';
import { applyApiError, validated, clearServerErrors } from '../../lib/formErrors';

interface Values {
  name: string;
  uscc: string;
  district: (typeof DISTRICTS)[number];
  street?: string;
  address?: string;
  industry?: string;
  foundedOn?: Dayjs | null;
  capitalWan?: string;
  employees?: string;
  revenueWan?: string;
  rdWan?: string;
  qualifications?: Qualification[];
  contactName?: string;
  contactRole?: string;
  contactPhone?: string;
  notes?: string;
}

/** Create or edit an enterprise; the credit code is checked as it is typed, the same way the main process checks it. */
export function EnterpriseForm({ enterprise, onClose }: { enterprise: Enterprise | null; onClose: (saved: Enterprise | null) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const e = enterprise;
  const initial: Partial<Values> = e
    ? {
        name: e.name,
        uscc: e.uscc,
        district: e.district,
        street: e.street,
        address: e.address,
        industry: e.industry,
        foundedOn: e.foundedOn ? dayjs(e.foundedOn) : null,
        capitalWan: numberText(e.registeredCapitalFen, 'wan'),
        employees: numberText(e.employees, 'plain'),
        revenueWan: numberText(e.revenueFen, 'wan'),
        rdWan: numberText(e.rdFen, 'wan'),
        qualifications: e.qualifications,
        contactName: e.contacts[0]?.name,
        contactRole: e.contacts[0]?.role,
        contactPhone: e.contacts[0]?.phone,
        notes: e.notes,
      }
    : {};
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await api().enterpriseSave({
        ...(e ? { id: e.id } : {}),
        name: v.name,
        uscc: v.uscc,
        district: v.district,
        street: v.street ?? '',
        address: v.address ?? '',
        industry: v.industry ?? '',
        foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
        registeredCapitalFen: readNumber(v.capitalWan, 'wan'),
        employees: readNumber(v.employees, 'plain'),
        revenueFen: readNumber(v.revenueWan, 'wan'),
        rdFen: readNumber(v.rdWan, 'wan'),
        qualifications: v.qualifications ?? [],
        contacts: v.contactName ? [{ name: v.contactName, role: v.contactRole ?? '', phone: v.contactPhone ?? '' }] : [],
        notes: v.notes ?? '',
      });
      void message.success(t('ent.saved'));
      onClose(saved);
    } catch (err) {
      const text = applyApiError(form, err, {
        registeredCapitalFen: 'capitalWan',
        revenueFen: 'revenueWan',
        rdFen: 'rdWan',
        contacts: 'contactName',
      });
      if (text) void message.error(text);
    } finally {
      setSaving(false);
    }
  };
  const req = [{ required: true, message: t('ent.form.required') }];
  return (
    <Modal
      open
      width={760}
      title={t('ent.form.enterpriseTitle')}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => onClose(null)}
      okText={t('ent.form.save')}
      cancelText={t('ent.form.cancel')}
      destroyOnHidden
    >
      <Form form={form} onValuesChange={clearServerErrors(form)} layout="vertical" initialValues={initial}>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="name" label={t('ent.form.name')} rules={[...req, { min: 2, message: t('ent.form.required') }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="uscc"
              label={t('ent.form.uscc')}
              rules={[
                ...req,
                {
                  validator: async (_r, v: string) => {
                    if (v) {
                      const c = checkUscc(v);
                      if (!c.valid) throw new Error(c.reason);
                    }
                  },
                },
              ]}
            >
              <Input maxLength={24} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="district" label={t('ent.form.district')} rules={req}>
              <Select options={DISTRICTS.map((d) => ({ value: d, label: d }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="street" label={t('ent.form.street')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="industry" label={t('ent.form.industry')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('ent.form.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="foundedOn" label={t('ent.form.founded')} rules={[dateRule(enterpriseInput.shape.foundedOn)]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="capitalWan"
              label={t('ent.form.capitalField')}
              rules={[numberRule(enterpriseInput.shape.registeredCapitalFen, 'wan')]}
            >
              <NumberInput unit="万元" aria-label={t('ent.form.capital')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="revenueWan" label={t('ent.form.revenueField')} rules={[numberRule(enterpriseInput.shape.revenueFen, 'wan')]}>
              <NumberInput unit="万元" aria-label={t('ent.form.revenue')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="rdWan" label={t('ent.form.rdField')} rules={[numberRule(enterpriseInput.shape.rdFen, 'wan')]}>
              <NumberInput unit="万元" aria-label={t('ent.form.rd')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="employees" label={t('ent.form.employeesField')} rules={[numberRule(enterpriseInput.shape.employees, 'plain')]}>
              <NumberInput unit="人" aria-label={t('ent.form.employees')} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name="qualifications" label={t('ent.form.quals')}>
              <Select mode="multiple" options={QUALIFICATIONS.map((q) => ({ value: q, label: q }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactName" label={t('ent.form.contactName')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactRole" label={t('ent.form.contactRole')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactPhone" label={t('ent.form.contactPhone')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('ent.form.notes')}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
