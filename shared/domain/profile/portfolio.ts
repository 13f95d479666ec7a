/**
 * The IP portfolio's structure for the enterprise profile (企业画像): by kind, legal status, age
 * and remaining term, the IPC classes it spans, what is co-owned or already pledged, and the risk
 * signals a bank asks about (fees lapsing, terms ending, disputes). From the records, as of today.
 */
import { addDays, daysBetween } from '../dates';
import type { IpAsset } from '../../types/records';
import { IP_KIND_LABELS, isPatentKind, legalExpiry, type LegalStatus } from '../ip';

/** The fields of an IP record the profile reads. */
export type PortfolioAsset = Pick<
  IpAsset,
  | 'id'
  | 'kind'
  | 'displayNumber'
  | 'title'
  | 'filingDate'
  | 'grantDate'
  | 'registrationDate'
  | 'validUntil'
  | 'publishedOn'
  | 'legalStatus'
  | 'feePaidThrough'
  | 'owners'
  | 'ipcClass'
  | 'pledged'
  | 'suspended'
  | 'underInvalidation'
>;

export interface Bucket {
  label: string;
  count: number;
}

export interface RiskSignal {
  level: 'danger' | 'warning';
  kind: 'fee' | 'expiry' | 'dispute' | 'pledged';
  assetId: string;
  message: string;
}

export interface PortfolioProfile {
  total: number;
  /** In force (granted / registered). */
  live: number;
  byKind: Bucket[];
  byStatus: Bucket[];
  /** Years since filing, of the items in force. */
  byAge: Bucket[];
  /** Years of protection left, of the items in force (a trademark renews without limit). */
  byRemaining: Bucket[];
  /** IPC subclasses (H01M), most items first. */
  ipc: Bucket[];
  coOwned: number;
  pledged: number;
  /** pledged / live, 0 when nothing is in force. */
  pledgedShare: number;
  risks: RiskSignal[];
}

const STATUS_LABELS: Record<LegalStatus, string> = { granted: '有效', pending: '审查中', lapsed: '失效', invalidated: '无效' };
const AGE_BANDS = [
  { label: '3 年以内', below: 3 },
  { label: '3–5 年', below: 5 },
  { label: '5–10 年', below: 10 },
  { label: '10 年以上', below: Infinity },
];
const REMAINING_BANDS = [
  { label: '不足 3 年', below: 3 },
  { label: '3–5 年', below: 5 },
  { label: '5–10 年', below: 10 },
  { label: '10 年以上', below: Infinity },
];
/** A fee due within this many days is a warning (unpaid, a danger). */
export const FEE_WARNING_DAYS = 90;
/** Protection ending within this many years is flagged (banks look for five). */
export const EXPIRY_WARNING_YEARS = 3;

const years = (from: string, to: string) => daysBetween(from, to) / 365.25;
const count = <T>(xs: readonly T[], key: (x: T) => string, order?: string[]): Bucket[] => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  const out = [...m].map(([label, n]) => ({ label, count: n }));
  return order ? order.map((label) => out.find((b) => b.label === label) ?? { label, count: 0 }) : out.sort((a, b) => b.count - a.count);
};
const band = (bands: { label: string; below: number }[], v: number) => bands.find((b) => v < b.below)!.label;

export function portfolioProfile(assets: readonly PortfolioAsset[], today: string): PortfolioProfile {
  const live = assets.filter((a) => a.legalStatus === 'granted');
  const risks: RiskSignal[] = [];
  for (const a of live) {
    const name = `${IP_KIND_LABELS[a.kind]} ${a.displayNumber}（${a.title}）`;
    if (isPatentKind(a.kind)) {
      if (!a.feePaidThrough || a.feePaidThrough < today)
        risks.push({
          level: 'danger',
          kind: 'fee',
          assetId: a.id,
          message: `${name}：年费${a.feePaidThrough ? `仅缴至 ${a.feePaidThrough}` : '缴纳情况未记录'}，有失效风险`,
        });
      else if (a.feePaidThrough <= addDays(today, FEE_WARNING_DAYS))
        risks.push({
          level: 'warning',
          kind: 'fee',
          assetId: a.id,
          message: `${name}：年费将于 ${a.feePaidThrough} 到期，请提醒企业按时缴纳`,
        });
    }
    const expiry = legalExpiry(a);
    if (a.kind !== 'trademark' && expiry && years(today, expiry) < EXPIRY_WARNING_YEARS)
      risks.push({
        level: 'warning',
        kind: 'expiry',
        assetId: a.id,
        message: `${name}：保护期至 ${expiry}，剩余不足 ${EXPIRY_WARNING_YEARS} 年`,
      });
    if (a.suspended || a.underInvalidation)
      risks.push({
        level: 'danger',
        kind: 'dispute',
        assetId: a.id,
        message: `${name}：${a.suspended ? '存在权属纠纷或被保全' : '处于无效宣告程序中'}`,
      });
    if (a.pledged) risks.push({ level: 'warning', kind: 'pledged', assetId: a.id, message: `${name}：已质押，不能再次出质` });
  }
  const pledged = live.filter((a) => a.pledged).length;
  return {
    total: assets.length,
    live: live.length,
    byKind: count(assets, (a) => IP_KIND_LABELS[a.kind], Object.values(IP_KIND_LABELS)),
    byStatus: count(assets, (a) => STATUS_LABELS[a.legalStatus], Object.values(STATUS_LABELS)),
    byAge: count(
      live.filter((a) => a.filingDate),
      (a) => band(AGE_BANDS, years(a.filingDate!, today)),
      AGE_BANDS.map((b) => b.label),
    ),
    byRemaining: count(
      live.filter((a) => a.kind !== 'trademark' && legalExpiry(a)),
      (a) => band(REMAINING_BANDS, years(today, legalExpiry(a)!)),
      REMAINING_BANDS.map((b) => b.label),
    ),
    ipc: count(
      assets.filter((a) => /^[A-H]\d{2}[A-Z]/i.test(a.ipcClass.trim())),
      (a) => a.ipcClass.trim().slice(0, 4).toUpperCase(),
    ).slice(0, 8),
    coOwned: assets.filter((a) => a.owners.length > 1).length,
    pledged,
    pledgedShare: live.length ? pledged / live.length : 0,
    risks: risks.sort((a, b) => (a.level === b.level ? 0 : a.level === 'danger' ? -1 : 1)),
  };
}
