import { z } from 'zod';
import { IP_KINDS, isPatentKind, LEGAL_STATUSES } from '../domain/ip';
import { checkPatent } from '../validators/patent';
import { boundedNumber, id, isoDate, pastDate, shortText } from './common';

/**
 * The number of an IP asset as stored: for patents the digits and check character without
 * ZL or dot (the form CNIPA wants in its Excel list); for trademarks and software copyrights
 * the registration number as written, upper-cased, without spaces.
 */
export function normalizeIpNumber(
  kind: (typeof IP_KINDS)[number],
  raw: string,
): { ok: true; number: string } | { ok: false; reason: string } {
  if (isPatentKind(kind)) {
    const r = checkPatent(raw);
    if (!r.valid) return { ok: false, reason: r.reason };
    const expected = { invention: ['invention', 'pct-invention'], utility: ['utility', 'pct-utility'], design: ['design'] }[
      kind as 'invention'
    ];
    if (!expected.includes(r.type))
      return { ok: false, reason: `申请号的类型位与“${kind === 'invention' ? '发明' : kind === 'utility' ? '实用新型' : '外观设计'}”不符` };
    return { ok: true, number: r.normalized.replace(/^ZL/, '').replace('.', '') };
  }
  const s = raw.replace(/[\s\u3000]/g, '').toUpperCase();
  if (!/^[0-9A-Z-]{4,30}$/.test(s)) return { ok: false, reason: '注册号应为 4–30 位字母或数字' };
  return { ok: true, number: s };
}

/** "2017106018623" → "201710601862.3" for display and forms. */
export function formatIpNumber(kind: (typeof IP_KINDS)[number], number: string): string {
  return isPatentKind(kind) && /^\d{8,12}[\dX]$/.test(number) ? `${number.slice(0, -1)}.${number.slice(-1)}` : number;
}

export const ipAssetInput = z
  .object({
    id: id.optional(),
    enterpriseId: id,
    kind: z.enum(IP_KINDS, { message: '类型应为发明、实用新型、外观设计、商标或软件著作权' }),
    number: z.string().min(1, '申请号/注册号不能为空').max(40),
    title: shortText(200).min(1, '名称不能为空'),
    filingDate: pastDate('申请日').nullable().default(null),
    grantDate: pastDate('授权公告日').nullable().default(null),
    registrationDate: pastDate('注册日').nullable().default(null),
    validUntil: isoDate.nullable().default(null),
    publishedOn: pastDate('首次发表日').nullable().default(null),
    legalStatus: z.enum(LEGAL_STATUSES).default('granted'),
    feePaidThrough: isoDate.nullable().default(null),
    owners: z.array(shortText(120).min(1)).max(20).default([]),
    claimsCount: boundedNumber('权利要求数', 0, 10_000, { int: true }).nullable().default(null),
    ipcClass: shortText(40).default(''),
    pledged: z.boolean().default(false),
    suspended: z.boolean().default(false),
    underInvalidation: z.boolean().default(false),
    sameDayInvention: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    const n = normalizeIpNumber(v.kind, v.number);
    if (!n.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: n.reason });
    if (isPatentKind(v.kind) && !v.filingDate) ctx.addIssue({ code: 'custom', path: ['filingDate'], message: '专利必须填写申请日' });
    if (v.kind === 'trademark' && !v.registrationDate && !v.validUntil)
      ctx.addIssue({ code: 'custom', path: ['registrationDate'], message: '商标必须填写注册日期或有效期' });
    if (v.grantDate && v.filingDate && v.grantDate < v.filingDate)
      ctx.addIssue({ code: 'custom', path: ['grantDate'], message: '授权日不能早于申请日' });
    if (v.validUntil && v.registrationDate && v.validUntil <= v.registrationDate)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期应晚于注册日' });
    if (v.feePaidThrough && v.filingDate && v.feePaidThrough < v.filingDate)
      ctx.addIssue({ code: 'custom', path: ['feePaidThrough'], message: '年费缴至日不能早于申请日' });
    if (v.legalStatus === 'granted' && isPatentKind(v.kind) && !v.grantDate)
      ctx.addIssue({ code: 'custom', path: ['grantDate'], message: '法律状态为有效的专利必须填写授权公告日' });
  });
export type IpAssetInput = z.input<typeof ipAssetInput>;
export type IpAssetData = z.output<typeof ipAssetInput>;
