import { Button, Checkbox, Col, Drawer, Form, Input, Row, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import {
  AWARD_LEVEL_LABELS,
  AWARD_LEVELS,
  HONOURS,
  INSTITUTION_LEVEL_LABELS,
  INSTITUTION_LEVELS,
  qualificationYear,
  STANDARD_LEVEL_LABELS,
  STANDARD_LEVELS,
} from '../../../../shared/schemas/criteria';
import type { ProfileView } from '../../../../shared/profile-contract';
import { profileInput, type ProfileInput } from '../../../../shared/schemas/profile';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { applyApiError, clearServerErrors, validated } from '../../lib/formErrors';
import { numberRule, numberText, readNumber } from '../../lib/numbers';

const Y = qualificationYear.shape;
const P = profileInput.shape;
const MONEY = ['revenueFen', 'rdFen', 'highTechRevenueFen', 'netAssetsFen', 'totalAssetsFen'] as const;
const MONEY_LABELS: Record<(typeof MONEY)[number], string> = {
  revenueFen: '营业收入',
  rdFen: '研发费用',
  highTechRevenueFen: '高新技术产品收入',
  netAssetsFen: '年末净资产',
  totalAssetsFen: '年末资产总额',
};
const DECLARATIONS = [
  ['residentEnterprise', '在中国境内注册的居民企业'],
  ['sme', '符合中小企业划型标准'],
  ['goodStanding', '近一年无重大安全、质量事故和严重违法失信'],
  ['notRestrictedIndustry', '产品不属于禁止、限制和淘汰类'],
  ['ownsCoreIp', '拥有核心技术知识产权的所有权'],
  ['inKeyField', '核心技术属于国家重点支持的高新技术领域'],
] as const;

/** Yes, no, or not known: an untouched answer stays unknown to the self-check, never "no". */
function YesNo({ value, onChange, label }: { value?: boolean; onChange?: (v: boolean | undefined) => void; label: string }) {
  return (
    <Select<'yes' | 'no'>
      allowClear
      placeholder="未填"
      aria-label={label}
      style={{ width: 120 }}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(v) => onChange?.(v === undefined ? undefined : v === 'yes')}
      options={[
        { value: 'yes', label: '是' },
        { value: 'no', label: '否' },
      ]}
    />
  );
}

type YearText = { year: number } & Record<(typeof MONEY)[number], string>;
interface Values {
  techStaff: string;
  rdStaff: string;
  inventionMainBusiness: string;
  techConversions: string;
  years: YearText[];
  honours: string[];
  declarations: Record<string, boolean | undefined>;
  softwareIndustry: boolean | undefined;
  awards: { year: number; level: string; rank?: string; name: string }[];
  standards: { year: number; level: string; lead: boolean; name: string }[];
  rdInstitutions: { level: string; name: string }[];
}

const count = (t: string) => (readNumber(t, 'plain') ?? undefined) as number | undefined;

/** What a steward adds for the profile: three years of figures (万元), staff, awards, standards, institutions, declarations. */
export function ProfileEditor({ view, onClose, onSaved }: { view: ProfileView; onClose: () => void; onSaved: (v: ProfileView) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const f = view.facts ?? {};
  const thisYear = Number(view.asOf.slice(0, 4));
  const years: YearText[] = [3, 2, 1].map((back) => {
    const y = f.years?.find((x) => x.year === thisYear - back);
    return { year: thisYear - back, ...Object.fromEntries(MONEY.map((k) => [k, numberText(y?.[k] ?? null, 'wan')])) } as YearText;
  });
  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    // Facts this form does not show are carried over, never wiped by a save.
    const ip = { ...f.ip };
    if (count(v.inventionMainBusiness) === undefined) delete ip.inventionMainBusiness;
    else ip.inventionMainBusiness = count(v.inventionMainBusiness);
    // Every row is sent (the year is the row's; rows stay aligned with the form for errors), a stored
    // year keeping the figures this form does not show; no figure at all means no years.
    const typedYears = v.years.map((y, i) => {
      const stored = f.years?.find((x) => x.year === years[i]!.year) ?? {};
      const kept = Object.fromEntries(Object.entries(stored).filter(([k]) => !(MONEY as readonly string[]).includes(k)));
      const typed = Object.fromEntries(MONEY.flatMap((k) => (readNumber(y[k], 'wan') === null ? [] : [[k, readNumber(y[k], 'wan')]])));
      return { ...kept, ...typed, year: years[i]!.year };
    });
    const input: ProfileInput = {
      ...f,
      enterpriseId: view.enterprise.id,
      techStaff: count(v.techStaff),
      rdStaff: count(v.rdStaff),
      techConversions: count(v.techConversions),
      ip: Object.keys(ip).length ? ip : undefined,
      years: typedYears.some((y) => Object.keys(y).length > 1) ? (typedYears as ProfileInput['years']) : undefined,
      honours: v.honours as ProfileInput['honours'],
      declarations: Object.fromEntries(Object.entries(v.declarations ?? {}).filter(([, x]) => x !== undefined)),
      kechuang: Object.fromEntries(
        Object.entries({ ...f.kechuang, softwareIndustry: v.softwareIndustry }).filter(([, x]) => x !== undefined),
      ),
      awards: v.awards.map((a) => ({
        year: a.year,
        level: a.level,
        ...(a.rank ? { rank: Number(a.rank) } : {}),
        ...(a.name ? { name: a.name } : {}),
      })) as ProfileInput['awards'],
      standards: v.standards.map((st) => ({
        year: st.year,
        level: st.level,
        lead: !!st.lead,
        ...(st.name ? { name: st.name } : {}),
      })) as ProfileInput['standards'],
      rdInstitutions: v.rdInstitutions.map((r) => ({
        level: r.level,
        ...(r.name ? { name: r.name } : {}),
      })) as ProfileInput['rdInstitutions'],
    };
    setSaving(true);
    try {
      onSaved(await api().profileSave(input));
      void message.success('企业画像数据已保存');
    } catch (err) {
      const rest = applyApiError(form, err, { ip: 'inventionMainBusiness' }, { nested: true });
      if (rest) void message.error({ content: rest, duration: 6 });
    } finally {
      setSaving(false);
    }
  };
  const yearOptions = Array.from({ length: 10 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }));
  return (
    <Drawer
      open
      width={880}
      title={`补充企业画像数据：${view.enterprise.name}`}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        name="profile"
        layout="vertical"
        onValuesChange={clearServerErrors(form)}
        initialValues={{
          techStaff: numberText(f.techStaff ?? null, 'plain'),
          rdStaff: numberText(f.rdStaff ?? null, 'plain'),
          inventionMainBusiness: numberText(f.ip?.inventionMainBusiness ?? null, 'plain'),
          techConversions: numberText(f.techConversions ?? null, 'plain'),
          years,
          honours: f.honours ?? [],
          declarations: f.declarations ?? {},
          softwareIndustry: f.kechuang?.softwareIndustry,
          awards: (f.awards ?? []).map((a) => ({ ...a, rank: a.rank === undefined ? '' : String(a.rank) })),
          standards: f.standards ?? [],
          rdInstitutions: f.rdInstitutions ?? [],
        }}
      >
        <Typography.Text type="secondary">
          员工人数 {view.enterprise.employees ?? '未填'}{' '}
          人（在企业信息中修改）；知识产权数量按本机记录自动统计。未填的项目按“未知”处理，不按 0 计。
        </Typography.Text>
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col span={6}>
            <Form.Item name="techStaff" label="科技人员数" rules={[numberRule(P.techStaff, 'plain')]}>
              <NumberInput unit="人" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="rdStaff" label="研发人员数" rules={[numberRule(P.rdStaff, 'plain')]}>
              <NumberInput unit="人" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="inventionMainBusiness" label="用于主营业务的发明专利" rules={[numberRule(P.techConversions, 'plain')]}>
              <NumberInput unit="项" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="techConversions" label="近三年科技成果转化" rules={[numberRule(P.techConversions, 'plain')]}>
              <NumberInput unit="项" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>近三年财务数据（万元）</Typography.Text>
        <Form.List name="years">
          {(fields) =>
            fields.map(({ key, name }) => (
              <Row key={key} gutter={8} align="top" style={{ marginTop: 8 }}>
                <Col span={3}>
                  <Typography.Text>{years[name]!.year} 年</Typography.Text>
                </Col>
                {MONEY.map((k) => (
                  <Col key={k} span={4}>
                    <Form.Item name={[name, k]} rules={[numberRule(Y[k], 'wan')]} style={{ marginBottom: 8 }}>
                      <NumberInput unit="万元" placeholder={MONEY_LABELS[k]} aria-label={`${years[name]!.year} 年${MONEY_LABELS[k]}`} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            ))
          }
        </Form.List>
        <Form.Item name="honours" label="已获资质与荣誉">
          <Checkbox.Group options={HONOURS.map((h) => ({ value: h, label: h }))} />
        </Form.Item>
        <Typography.Text strong>声明事项（企业确认）</Typography.Text>
        <Row gutter={12} style={{ marginTop: 8 }}>
          {[
            ...DECLARATIONS.map(([k, label]) => [['declarations', k], label] as const),
            [['softwareIndustry'], '属于软件行业（科创属性）'] as const,
          ].map(([name, label]) => (
            <Col key={name.join('.')} span={12}>
              <Form.Item name={[...name]} label={label} style={{ marginBottom: 6 }}>
                <YesNo label={label} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {(
          [
            ['awards', '获奖', AWARD_LEVELS, AWARD_LEVEL_LABELS],
            ['standards', '参与制定标准', STANDARD_LEVELS, STANDARD_LEVEL_LABELS],
            ['rdInstitutions', '研发机构', INSTITUTION_LEVELS, INSTITUTION_LEVEL_LABELS],
          ] as const
        ).map(([list, title, levels, labels]) => (
          <div key={list} style={{ marginTop: 8 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <Form.List name={list}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map(({ key, name }) => (
                    <Space key={key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                      {list !== 'rdInstitutions' && (
                        <Form.Item name={[name, 'year']} rules={[{ required: true, message: '请选择年份' }]}>
                          <Select placeholder="年份" aria-label={`${title}年份`} style={{ width: 110 }} options={yearOptions} />
                        </Form.Item>
                      )}
                      <Form.Item name={[name, 'level']} rules={[{ required: true, message: '请选择级别' }]}>
                        <Select
                          placeholder="级别"
                          aria-label={`${title}级别`}
                          style={{ width: 130 }}
                          options={levels.map((l) => ({ value: l, label: (labels as Record<string, string>)[l] }))}
                        />
                      </Form.Item>
                      {list === 'awards' && (
                        <Form.Item name={[name, 'rank']} rules={[{ pattern: /^[1-9]\d{0,2}$/, message: '排名应为 1 至 999 的整数' }]}>
                          <Input placeholder="排名" aria-label="获奖排名" style={{ width: 80 }} />
                        </Form.Item>
                      )}
                      {list === 'standards' && (
                        <Form.Item name={[name, 'lead']} valuePropName="checked">
                          <Checkbox>主导制定</Checkbox>
                        </Form.Item>
                      )}
                      <Form.Item name={[name, 'name']} rules={[{ max: 200, message: '不超过 200 个字' }]}>
                        <Input placeholder="名称（可选）" aria-label={`${title}名称`} style={{ width: 300 }} />
                      </Form.Item>
                      <Button onClick={() => remove(name)}>移除</Button>
                    </Space>
                  ))}
                  <Button type="dashed" size="small" style={{ marginTop: 8, display: 'block' }} onClick={() => add()}>
                    添加{title}
                  </Button>
                </>
              )}
            </Form.List>
          </div>
        ))}
      </Form>
    </Drawer>
  );
}
