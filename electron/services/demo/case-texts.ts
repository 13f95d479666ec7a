/** The words of the demo's service cases: reasons, notes and purposes as stewards write them. */
import type { Outcome } from '../../../shared/domain/case-stages';

export const PURPOSES = ['研发投入', '采购原材料', '扩大生产', '补充流动资金', '新产品量产', '设备更新'];

export const PAUSE_REASONS = [
  '企业调整融资计划，暂缓推进',
  '等待企业补充近两年审计报告',
  '银行内部授信审批排队中',
  '企业正在办理专利著录项目变更',
  '企业负责人出差，暂缓对接',
];

export const BACK_REASON = '银行要求补充第三方评估报告，退回重新评估';

/** CNIPA refusals that a corrected filing fixes. */
export const REFILE_REASONS = [
  '申请表未经出质人和质权人双方签章',
  '出质人名称与专利登记簿记载不一致，需先办理著录项目变更',
  '未提交委托书，代理机构无权办理',
];

export const CLOSE_REASONS: Record<Exclude<Outcome, 'subsidised'>, readonly string[]> = {
  ineligible: [
    '企业成立不满两年，合作银行不予准入',
    '核心专利剩余保护期不足，银行不接受质押',
    '企业存在未结诉讼，暂不符合融资条件',
    '企业近两年连续亏损，不符合银行授信条件',
  ],
  withdrawn: ['企业已通过信用贷款解决资金需求', '企业取消本年度融资计划', '企业认为融资成本过高，放弃申请', '企业长期暂停融资计划，结案'],
  bank_declined: ['银行授信审批未通过：经营现金流不足', '估值不足以覆盖融资需求，银行未批贷', '银行风控认为企业负债率偏高，未批贷'],
  registration_refused: [
    '质押专利涉及权属纠纷，国家知识产权局不予登记',
    '共有专利权人未书面同意出质，不予登记',
    '质押专利已被提起无效宣告，质权人不同意承担风险',
  ],
  loaned: ['企业未申报贴息', '贴息申请未通过，按已放款结案', '质押物或贷款不在所在区贴息政策支持范围内'],
  disposed: ['贷款违约，质押专利经处置后结案'],
};

export const NO_ITEMS_REASON = '企业名下暂无可质押的有效知识产权（未授权、已失效、年费未缴或存在权利瑕疵）';

export const REJECT_NOTES = ['企业未在区内完成纳税申报，不符合申报条件', '申报材料不全，逾期未补正', '该笔贷款已获其他财政贴息'];

export const CANCEL_REASON = '主债务已清偿，办理质押注销登记';
export const CHANGE_EXTEND_REASON = '借款展期 6 个月，办理质押登记变更（债务履行期限）';
export const CHANGE_SECURED_REASON = '部分还款后担保债权数额调整，办理质押登记变更';
export const REFILE_NOTE = '按通知书补正材料后重新提交';
