/**
 * What travels between the desktop and the central service: each entity, the fields of its
 * record (in the names the schemas use), and where its district comes from. Derived columns
 * (counts, the whitelist state shown on an enterprise, search keys) never travel: each side
 * computes them from these fields.
 */
export const ENTITIES = {
  enterprise: {
    label: '企业',
    fields: [
      'name',
      'uscc',
      'district',
      'street',
      'address',
      'industry',
      'foundedOn',
      'registeredCapitalFen',
      'employees',
      'revenueFen',
      'rdFen',
      'qualifications',
      'contacts',
      'notes',
    ],
    /** The district is a field of its own; everything else hangs off an enterprise. */
    scope: { field: 'district' },
    /** Unique among live records of the entity: a save that repeats one is refused. */
    key: 'uscc',
  },
  ip_asset: {
    label: '知识产权',
    fields: [
      'enterpriseId',
      'kind',
      'number',
      'title',
      'filingDate',
      'grantDate',
      'registrationDate',
      'validUntil',
      'publishedOn',
      'legalStatus',
      'feePaidThrough',
      'owners',
      'claimsCount',
      'ipcClass',
      'pledged',
      'suspended',
      'underInvalidation',
      'sameDayInvention',
    ],
    scope: { parent: 'enterprise', via: 'enterpriseId' },
    key: 'number',
  },
  whitelist_batch: {
    label: '白名单批次',
    fields: ['name', 'district', 'surveyedOn', 'source'],
    scope: { field: 'district' },
    key: 'name',
  },
  whitelist_entry: {
    label: '白名单记录',
    fields: [
      'batchId',
      'enterpriseId',
      'status',
      'steward',
      'needFen',
      'needTermMonths',
      'priority',
      'lastVisitOn',
      'surveyedOn',
      'source',
    ],
    scope: { parent: 'enterprise', via: 'enterpriseId' },
  },
  /** Append-only: one line of a whitelist entry's status history. */
  entry_status: {
    label: '白名单状态变更',
    fields: ['entryId', 'fromStatus', 'toStatus', 'reason', 'changedBy', 'changedAt'],
    scope: { parent: 'whitelist_entry', via: 'entryId' },
  },
  case: {
    label: '服务案件',
    fields: [
      'enterpriseId',
      'steward',
      'bankOfficer',
      'stage',
      'paused',
      'pauseReason',
      'outcome',
      'outcomeReason',
      'closedAt',
      'needFen',
      'needTermMonths',
      'purpose',
      'productId',
      'confirmations',
      'documents',
      'valuationId',
      'manualValueFen',
      'manualValueBasis',
      'items',
    ],
    scope: { parent: 'enterprise', via: 'enterpriseId' },
  },
  /** One per case (its id is the case's). */
  pledge: {
    label: '贷款与质押登记',
    fields: [
      'caseId',
      'bank',
      'pledgee',
      'loanContractNo',
      'loanFen',
      'ratePercent',
      'loanStart',
      'loanEnd',
      'pledgeContractNo',
      'securedFen',
      'pledgeStart',
      'pledgeEnd',
      'appraised',
      'agent',
      'status',
      'regNo',
      'regDate',
      'submittedOn',
      'statusReason',
    ],
    scope: { parent: 'case', via: 'caseId' },
  },
  payment: {
    label: '利息与费用支付',
    fields: ['caseId', 'paidOn', 'kind', 'amountFen', 'note'],
    scope: { parent: 'case', via: 'caseId' },
  },
  /** One per case (its id is the case's). */
  subsidy: {
    label: '贴息申请',
    fields: [
      'caseId',
      'policyId',
      'policyVersion',
      'repaid',
      'otherSubsidy',
      'materials',
      'calc',
      'amountFen',
      'status',
      'statusNote',
      'statusOn',
      'submittedOn',
      'approvedFen',
      'approvedOn',
      'paidFen',
      'paidOn',
    ],
    scope: { parent: 'case', via: 'caseId' },
  },
  visit: {
    label: '走访记录',
    fields: ['caseId', 'visitedOn', 'place', 'attendees', 'notes', 'nextSteps', 'followUpOn'],
    scope: { parent: 'case', via: 'caseId' },
  },
  /** One per case (its id is the case's): how the loan is repaid and what happened after (贷后管理). */
  loan: {
    label: '贷后管理',
    fields: ['caseId', 'method', 'plan', 'extensions', 'defaultRecord', 'disposal', 'insurance', 'claim', 'poolName'],
    scope: { parent: 'case', via: 'caseId' },
  },
  /** A repayment of the loan as it came in (按期还款 or 提前还本). */
  repayment: {
    label: '还款记录',
    fields: ['caseId', 'paidOn', 'kind', 'amountFen', 'note'],
    scope: { parent: 'case', via: 'caseId' },
  },
  /** A legal-status event of an IP item (lapse, invalidation request, transfer, licence, litigation, preservation). */
  ip_event: {
    label: '法律状态事件',
    fields: ['ipAssetId', 'kind', 'occurredOn', 'endedOn', 'note', 'source'],
    scope: { parent: 'ip_asset', via: 'ipAssetId' },
  },
  /** Append-only: a case's audit trail, written where the change was made. */
  case_event: {
    label: '审计记录',
    fields: ['caseId', 'at', 'actor', 'action', 'summary', 'before', 'after', 'reason'],
    scope: { parent: 'case', via: 'caseId' },
  },
  /** Append-only evidence: a stored valuation run. */
  valuation: {
    label: '估值记录',
    fields: [
      'enterpriseId',
      'title',
      'engineVersion',
      'indicatorSet',
      'items',
      'totalFen',
      'p10Fen',
      'loanFen',
      'productId',
      'itemValues',
      'input',
      'result',
    ],
    scope: { parent: 'enterprise', via: 'enterpriseId' },
  },
  /** A district's targets for a year (its id: shared/domain/targets.ts targetId). */
  district_target: {
    label: '年度目标',
    fields: ['district', 'year', 'registrations', 'amountFen'],
    scope: { field: 'district' },
  },
  /** An institution of the directory as added or edited (shared/domain/institutions.ts), seen by everyone. */
  institution: {
    label: '机构名录',
    fields: ['kind', 'name', 'headId', 'aliases', 'greenChannel', 'active'],
    scope: { global: true },
    key: 'name',
  },
  /** One per enterprise (its id is the enterprise's): what a steward adds for its profile and self-check. */
  enterprise_profile: {
    label: '企业画像',
    fields: [
      'enterpriseId',
      'techStaff',
      'rdStaff',
      'years',
      'ip',
      'techConversions',
      'equity',
      'awards',
      'standards',
      'rdInstitutions',
      'honours',
      'declarations',
      'market',
      'selfScores',
      'kechuang',
    ],
    scope: { parent: 'enterprise', via: 'enterpriseId' },
  },
  /** A technology need of an enterprise (技术需求). */
  tech_need: {
    label: '技术需求',
    fields: ['enterpriseId', 'title', 'description', 'field', 'ipcClasses', 'budgetFen', 'deadline'],
    scope: { parent: 'enterprise', via: 'enterpriseId' },
  },
  /** A research achievement of a university or institute (科技成果), seen by everyone. */
  achievement: {
    label: '科技成果',
    fields: ['title', 'abstract', 'holder', 'field', 'ipcClasses', 'patents', 'maturity', 'transferModes'],
    scope: { global: true },
  },
  /** The follow-up of a need–achievement pairing (id `${needId}:${achievementId}`). */
  tech_match: {
    label: '技术对接跟进',
    fields: ['needId', 'achievementId', 'status', 'note', 'followedOn'],
    scope: { parent: 'tech_need', via: 'needId' },
  },
  /** A training session of the association with its attendees and materials, seen by everyone. */
  workshop: {
    label: '培训记录',
    fields: ['date', 'topic', 'trainer', 'venue', 'district', 'attendees', 'materials', 'notes'],
    scope: { global: true },
  },
  /** The bank product catalogue as edited (one record, id 'bank-products'), seen by everyone. */
  catalog: {
    label: '银行产品目录',
    fields: ['products'],
    scope: { global: true },
  },
  /** A concurrent edit of the same field, kept until someone settles it. */
  conflict: {
    label: '同步冲突',
    fields: [
      'entity',
      'recordId',
      'field',
      'baseVersion',
      'serverValue',
      'clientValue',
      'serverBy',
      'serverAt',
      'clientBy',
      'clientAt',
      'resolvedAt',
      'resolvedBy',
      'resolution',
    ],
    scope: { parent: 'any', via: 'recordId' },
  },
} as const;

export type Entity = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as Entity[];
export type FieldOf<E extends Entity> = (typeof ENTITIES)[E]['fields'][number];

export const isEntity = (e: unknown): e is Entity => typeof e === 'string' && Object.prototype.hasOwnProperty.call(ENTITIES, e);

/** Records that are only ever added: their inserts are idempotent and cannot conflict. */
export const APPEND_ONLY: readonly Entity[] = ['entry_status', 'case_event', 'valuation'];
