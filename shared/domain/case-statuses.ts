/**
 * Status of a pledge registration with CNIPA and of a subsidy application, with the moves
 * each allows. Statuses are stored as these keys; the labels are what users see.
 */
export const PLEDGE_STATUSES = ['draft', 'submitted', 'registered', 'refused', 'changed', 'cancelled'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  registered: '已登记',
  refused: '不予登记',
  changed: '变更',
  cancelled: '注销',
};
export const PLEDGE_MOVES: Record<PledgeStatus, readonly PledgeStatus[]> = {
  draft: ['submitted'],
  submitted: ['registered', 'refused', 'draft'],
  registered: ['changed', 'cancelled'],
  refused: ['draft'],
  changed: ['changed', 'cancelled'],
  cancelled: [],
};
/** The move into each status, as a verb ("不能提交登记：…"). */
export const PLEDGE_MOVE_VERBS: Record<PledgeStatus, string> = {
  draft: '退回草稿',
  submitted: '提交登记',
  registered: '确认登记成功',
  refused: '记录不予登记',
  changed: '办理变更',
  cancelled: '办理注销',
};
/** While the pledge stands its items are marked as pledged. */
export const PLEDGE_STANDS: readonly PledgeStatus[] = ['registered', 'changed'];
/** CNIPA registered the pledge at some point (whatever happened after). */
export const PLEDGE_WAS_REGISTERED: readonly PledgeStatus[] = ['registered', 'changed', 'cancelled'];
/** The loan and pledge contract can be edited while drafting, after a refusal, or during a change. */
export const PLEDGE_EDITABLE: readonly PledgeStatus[] = ['draft', 'refused', 'changed'];
/** The pledged items can change until the registration is filed (or after a refusal). */
export const ITEMS_EDITABLE: readonly PledgeStatus[] = ['draft', 'refused'];

export const SUBSIDY_STATUSES = ['draft', 'submitted', 'approved', 'paid', 'rejected'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];
export const SUBSIDY_STATUS_LABELS: Record<SubsidyStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已批准',
  paid: '已拨付',
  rejected: '未通过',
};
export const SUBSIDY_MOVE_VERBS: Record<SubsidyStatus, string> = {
  draft: '退回草稿',
  submitted: '提交申请',
  approved: '记录批准',
  paid: '记录拨付',
  rejected: '记录未通过',
};
export const SUBSIDY_MOVES: Record<SubsidyStatus, readonly SubsidyStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'rejected', 'draft'],
  approved: ['paid'],
  paid: [],
  rejected: ['draft'],
};

export const FEE_TYPES = ['guarantee', 'appraisal', 'insurance', 'patent_insurance', 'other'] as const;
export type FeeType = (typeof FEE_TYPES)[number];
export const FEE_TYPE_LABELS: Record<FeeType, string> = {
  guarantee: '担保费',
  appraisal: '评估费',
  insurance: '保险费',
  patent_insurance: '专利保险保费',
  other: '其他服务费',
};

/** What a payment (and a subsidy line) can be: interest, or one of the fees. */
export const PAYMENT_KINDS = ['interest', ...FEE_TYPES] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = { interest: '利息', ...FEE_TYPE_LABELS };
