/**
 * Words a person reads for what sync talks about: each mutation as an action, each field of a
 * record by the name its form gives it, and a field's value with its unit (金额 in 万元).
 */
import { formatChineseAmount } from '../money';
import type { Entity } from './entities';
import { ATTENDEE_KIND_LABELS, type AttendeeKind } from '../schemas/workshop';

export const MUTATION_LABELS: Record<string, string> = {
  'case.create': '新建服务案件',
  'case.update': '修改服务案件',
  'case.items': '调整案件的知识产权',
  'case.move': '推进案件阶段',
  'enterprise.save': '保存企业',
  'enterprise.delete': '删除企业',
  'ip.save': '保存知识产权',
  'ip.delete': '删除知识产权',
  'pledge.save': '保存贷款与质押登记',
  'pledge.status': '更新质押登记状态',
  'valuation.store': '保存估值记录',
  'catalog.save': '修改银行产品目录',
  'catalog.reset': '恢复银行产品目录',
  'conflict.resolve': '处理同步冲突',
  'record.upload': '上传本机原有记录',
  'payment.save': '保存支付记录',
  'payment.delete': '删除支付记录',
  'subsidy.save': '保存贴息申请',
  'subsidy.status': '更新贴息申请状态',
  'visit.save': '保存走访记录',
  'visit.delete': '删除走访记录',
  'batch.save': '保存白名单批次',
  'entry.save': '保存白名单记录',
  'entry.status': '变更白名单状态',
  'target.save': '设置年度目标',
  'institution.save': '保存机构名录',
  'loan.plan': '设置还款计划',
  'repayment.save': '登记还款',
  'repayment.delete': '删除还款记录',
  'loan.extend': '登记展期或提前还款',
  'loan.default': '登记违约',
  'loan.disposal': '登记质物处置',
  'loan.insurance': '登记质押融资保险',
  'loan.claim': '登记风险补偿申请',
  'loan.pool': '调整证券化资产池',
  'ip_event.save': '记录法律状态事件',
  'ip_event.delete': '删除法律状态事件',
  'workshop.save': '保存培训记录',
  'workshop.delete': '删除培训记录',
  'profile.save': '保存企业画像',
  'tech_need.save': '保存技术需求',
  'tech_need.delete': '删除技术需求',
  'achievement.save': '保存科技成果',
  'achievement.delete': '删除科技成果',
  'tech_match.save': '记录技术对接进展',
};

const COMMON: Record<string, string> = {
  name: '名称',
  district: '所属区',
  notes: '备注',
  steward: '管家',
  needFen: '融资需求',
  needTermMonths: '需求期限',
  status: '状态',
  source: '来源',
  surveyedOn: '摸排日期',
  '*': '整条记录（修改与删除）',
};

const FIELD_LABELS: Partial<Record<Entity, Record<string, string>>> = {
  enterprise: {
    name: '企业名称',
    uscc: '统一社会信用代码',
    street: '街道',
    address: '地址',
    industry: '行业',
    foundedOn: '成立日期',
    registeredCapitalFen: '注册资本',
    employees: '员工人数',
    revenueFen: '上年营收',
    rdFen: '研发投入',
    qualifications: '资质',
    contacts: '联系人',
  },
  ip_asset: {
    kind: '类型',
    number: '申请号/注册号',
    title: '名称',
    filingDate: '申请日',
    grantDate: '授权公告日',
    registrationDate: '注册日',
    validUntil: '有效期至',
    publishedOn: '首次发表日',
    legalStatus: '法律状态',
    feePaidThrough: '年费缴至',
    owners: '权利人',
    claimsCount: '权利要求数',
    ipcClass: 'IPC 分类',
    pledged: '已质押',
    suspended: '中止程序',
    underInvalidation: '无效宣告中',
  },
  whitelist_entry: { priority: '优先级', lastVisitOn: '最近走访' },
  case: {
    bankOfficer: '银行客户经理',
    stage: '阶段',
    paused: '暂停',
    pauseReason: '暂停原因',
    outcome: '结果',
    purpose: '资金用途',
    manualValueFen: '人工评估价值',
    items: '知识产权',
  },
  pledge: {
    bank: '贷款银行',
    pledgee: '质权人',
    loanContractNo: '借款合同号',
    loanFen: '贷款金额',
    ratePercent: '年利率',
    loanStart: '贷款起始日',
    loanEnd: '贷款到期日',
    securedFen: '担保债权数额',
    regNo: '登记号',
    regDate: '登记日',
  },
  payment: { paidOn: '支付日期', kind: '类型', amountFen: '金额', note: '说明' },
  subsidy: { amountFen: '申报金额', approvedFen: '批准金额', paidFen: '拨付金额', statusNote: '状态说明' },
  district_target: { year: '年份', registrations: '目标笔数', amountFen: '目标金额' },
  institution: { kind: '类别', name: '名称', headId: '上级机构', aliases: '别名', greenChannel: '绿色通道', active: '在用' },
  enterprise_profile: {
    techStaff: '科技人员数',
    rdStaff: '研发人员数',
    years: '近三年财务数据',
    ip: '知识产权情况',
    techConversions: '科技成果转化数',
    equity: '股权融资',
    awards: '获奖',
    standards: '参与制定标准',
    rdInstitutions: '研发机构',
    honours: '已获资质荣誉',
    declarations: '声明事项',
    market: '市场与品牌',
    selfScores: '自评分',
    kechuang: '科创属性情况',
  },
  tech_need: {
    title: '需求名称',
    description: '需求描述',
    field: '技术领域',
    ipcClasses: 'IPC 分类',
    budgetFen: '预算',
    deadline: '截止日期',
  },
  achievement: {
    title: '成果名称',
    abstract: '成果简介',
    holder: '持有单位',
    field: '技术领域',
    ipcClasses: 'IPC 分类',
    patents: '相关专利',
    maturity: '成熟度',
    transferModes: '转化方式',
  },
  tech_match: { status: '跟进状态', note: '跟进说明', followedOn: '跟进日期' },
  workshop: {
    date: '培训日期',
    topic: '培训主题',
    trainer: '讲师',
    venue: '地点',
    attendees: '学员与出席',
    materials: '培训资料',
  },
  visit: { visitedOn: '走访日期', place: '地点', attendees: '参加人员', nextSteps: '下一步', followUpOn: '跟进日期' },
};

export function fieldLabel(entity: string, field: string): string {
  return FIELD_LABELS[entity as Entity]?.[field] ?? COMMON[field] ?? field;
}

/** Fields whose items read better in words of their own than as their values in a row. */
const ITEM_TEXT: Record<string, (item: Record<string, unknown>) => string> = {
  attendees: (a) =>
    `${String(a.name)}（${String(a.organisation)}，${ATTENDEE_KIND_LABELS[a.kind as AttendeeKind] ?? String(a.kind)}，${a.attended ? '出席' : '缺席'}）`,
  materials: (m) => String(m.title),
};

/** A field's value as a person reads it: amounts in 万元, lists joined, yes/no, 空 for nothing. */
export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  const item = ITEM_TEXT[field];
  if (item && Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object'))
    return value.map((v) => item(v as Record<string, unknown>)).join('、');
  if (typeof value === 'number' && field.endsWith('Fen')) return formatChineseAmount(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value))
    return value.length === 0 ? '（空）' : value.map((v) => (typeof v === 'object' ? describeObject(v) : String(v))).join('、');
  if (typeof value === 'object') return describeObject(value);
  return String(value);
}

function describeObject(v: unknown): string {
  if (!v || typeof v !== 'object') return String(v);
  return Object.values(v as Record<string, unknown>)
    .filter((x) => x !== null && x !== '' && x !== undefined)
    .map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)))
    .join(' ');
}
