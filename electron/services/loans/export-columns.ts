import { ROUTE_INFO } from '../../../shared/domain/loan/disposal';
import { PORTFOLIO_STATE_LABELS, type PortfolioRow } from '../../../shared/domain/loan/portfolio';
import { PLEDGE_STATUS_LABELS, type PledgeStatus } from '../../../shared/domain/case-statuses';
import { wanColumn, type Column } from '../exporters/sheet-writers';

/** The 贷后管理 list and a securitisation pool's loans, as exported. */
export const LOAN_COLUMNS: Column<PortfolioRow>[] = [
  { header: '企业', value: (r) => r.enterpriseName, width: 28 },
  { header: '区', value: (r) => r.district },
  { header: '行业', value: (r) => r.industry },
  { header: '管家', value: (r) => r.steward },
  { header: '贷款银行', value: (r) => r.bankText, width: 24 },
  { header: '归入总行', value: (r) => r.bank, width: 20 },
  wanColumn('贷款本金（万元）', (r) => r.principalFen),
  wanColumn('未还本金（万元）', (r) => r.outstandingFen),
  { header: '年利率（%）', value: (r) => r.ratePercent },
  { header: '发放日', value: (r) => r.startOn },
  { header: '到期日', value: (r) => r.endOn },
  { header: '还款状态', value: (r) => PORTFOLIO_STATE_LABELS[r.state] },
  wanColumn('逾期金额（万元）', (r) => r.overdueFen),
  { header: '逾期天数', value: (r) => r.overdueDays },
  { header: '下次还款日', value: (r) => r.nextDueOn ?? '' },
  { header: '担保削弱', value: (r) => (r.weakened ? '是' : '否') },
  { header: '预警', value: (r) => r.topWarning ?? '', width: 48 },
  { header: '违约日期', value: (r) => r.defaultedOn ?? '' },
  { header: '处置方式', value: (r) => (r.route ? ROUTE_INFO[r.route].label : '') },
  wanColumn('违约损失（万元）', (r) => (r.defaultedOn ? r.lossFen : null)),
  wanColumn('已回收（万元）', (r) => (r.defaultedOn ? r.recoveredFen : null)),
  { header: '资产池', value: (r) => r.poolName },
  { header: '质押登记', value: (r) => (r.pledgeStatus ? PLEDGE_STATUS_LABELS[r.pledgeStatus as PledgeStatus] : '') },
  { header: '质押物', value: (r) => r.items.map((i) => `${i.number} ${i.title}（${i.status}）`).join('；'), width: 48 },
];
