/**
 * Whether an IP item can be pledged today, from what its record shows (DOMAIN.md, refusal
 * reasons of the CNIPA pledge registration rules). Reasons that need a loan (debt period
 * past expiry) are checked by the case workflow.
 */
import { daysBetween } from './dates';
import { isPatentKind, legalExpiry, type IpKind, type LegalStatus } from './ip';

export type ReasonLevel =
  /** Registration will be refused. */
  | 'block'
  /** Registrable only if both parties accept the risk. */
  | 'risk'
  /** Something the steward must obtain or confirm. */
  | 'confirm'
  /** Not a refusal, but banks often decline. */
  | 'warn';

export interface PledgeReason {
  code: string;
  level: ReasonLevel;
  message: string;
}

export interface PledgeAsset {
  kind: IpKind;
  legalStatus: LegalStatus;
  filingDate?: string | null;
  grantDate?: string | null;
  registrationDate?: string | null;
  validUntil?: string | null;
  publishedOn?: string | null;
  feePaidThrough?: string | null;
  owners: string[];
  pledged: boolean;
  suspended: boolean;
  underInvalidation: boolean;
  sameDayInvention: boolean;
}

export interface Pledgeability {
  expiresOn: string | null;
  remainingDays: number | null;
  pledgeable: boolean;
  reasons: PledgeReason[];
}

/** Banks often ask for five years of remaining term (weak figure: a warning, not a rule). */
export const MIN_REMAINING_YEARS_WARN = 5;

export function assessPledgeability(asset: PledgeAsset, enterpriseName: string, today: string): Pledgeability {
  const reasons: PledgeReason[] = [];
  const add = (code: string, level: ReasonLevel, message: string) => reasons.push({ code, level, message });
  const expiresOn = legalExpiry(asset);
  const remainingDays = expiresOn ? daysBetween(today, expiresOn) : null;
  const patent = isPatentKind(asset.kind);

  if (asset.legalStatus === 'invalidated') add('invalidated', 'block', '已被宣告无效，不能出质');
  else if (asset.legalStatus === 'lapsed') add('lapsed', 'block', '权利已失效，不能出质');
  else if (remainingDays !== null && remainingDays <= 0) add('expired', 'block', `保护期已于 ${expiresOn} 届满，不能出质`);
  if (
    asset.legalStatus === 'pending' ||
    (patent && !asset.grantDate && asset.legalStatus !== 'lapsed' && asset.legalStatus !== 'invalidated')
  ) {
    add('not_granted', 'block', '专利申请尚未授权，审查中的申请不能出质');
  }
  if (patent && asset.legalStatus === 'granted' && (!asset.feePaidThrough || asset.feePaidThrough < today)) {
    add(
      'fee_unpaid',
      'block',
      asset.feePaidThrough ? `年费仅缴至 ${asset.feePaidThrough}，需先补缴` : '未记录年费缴纳情况，需确认年费已缴',
    );
  }
  if (asset.pledged) add('already_pledged', 'block', '已处于质押状态，不能重复出质');
  if (asset.suspended) add('suspended', 'block', '存在权属纠纷或被法院保全，相关程序中止');
  const name = enterpriseName.trim();
  if (asset.owners.length > 0 && name && !asset.owners.some((o) => o.trim() === name)) {
    add('not_owner', 'block', `登记权利人为“${asset.owners.join('、')}”，与出质企业“${name}”不一致`);
  } else if (asset.owners.length === 0) {
    add('owner_unknown', 'confirm', '未记录权利人，需核对专利登记簿上的权利人');
  }
  if (asset.owners.length > 1) add('co_owners', 'confirm', `共有权利人 ${asset.owners.length} 个，需全体共有人书面同意`);
  if (asset.underInvalidation) add('under_invalidation', 'risk', '正处于无效宣告程序中，双方同意承担风险方可登记');
  if (asset.kind === 'utility' && asset.sameDayInvention)
    add('same_day_invention', 'risk', '存在同日申请的发明专利，双方同意承担风险方可登记');
  // A trademark renews every 10 years without limit, so a short current term is no concern.
  if (asset.kind !== 'trademark' && remainingDays !== null && remainingDays > 0 && remainingDays < MIN_REMAINING_YEARS_WARN * 365) {
    add('short_term', 'warn', `剩余保护期不足 ${MIN_REMAINING_YEARS_WARN} 年，银行可能不接受`);
  }
  return { expiresOn, remainingDays, pledgeable: !reasons.some((r) => r.level === 'block'), reasons };
}
