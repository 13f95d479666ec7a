/**
 * Banks as the statistics group them: by head institution (总行), with the branches people
 * write below it (中国银行深圳南山支行 and 中国银行 are one bank, 中国银行, in every figure). A
 * text names the head whose name or alias it begins with (the longest that matches); one that
 * begins with none is its own head. The desktop's SQL grouping is generated from this list
 * (electron/services/stats/sql.ts), so both read the same rule.
 */
export const HEAD_BANKS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: '中国银行', aliases: [] },
  { name: '工商银行', aliases: ['中国工商银行', '工行'] },
  { name: '建设银行', aliases: ['中国建设银行', '建行'] },
  { name: '农业银行', aliases: ['中国农业银行', '农行'] },
  { name: '交通银行', aliases: ['交行'] },
  { name: '邮储银行', aliases: ['中国邮政储蓄银行', '邮政储蓄银行'] },
  { name: '国家开发银行', aliases: ['国开行'] },
  { name: '进出口银行', aliases: ['中国进出口银行'] },
  { name: '招商银行', aliases: ['招行'] },
  { name: '平安银行', aliases: [] },
  { name: '浦发银行', aliases: ['上海浦东发展银行'] },
  { name: '中信银行', aliases: [] },
  { name: '光大银行', aliases: ['中国光大银行'] },
  { name: '民生银行', aliases: ['中国民生银行'] },
  { name: '兴业银行', aliases: [] },
  { name: '华夏银行', aliases: [] },
  { name: '广发银行', aliases: [] },
  { name: '浙商银行', aliases: [] },
  { name: '渤海银行', aliases: [] },
  { name: '北京银行', aliases: [] },
  { name: '上海银行', aliases: [] },
  { name: '江苏银行', aliases: [] },
  { name: '南京银行', aliases: [] },
  { name: '宁波银行', aliases: [] },
  { name: '杭州银行', aliases: [] },
  { name: '微众银行', aliases: ['深圳前海微众银行', '前海微众银行'] },
  { name: '深圳农商银行', aliases: ['深圳农村商业银行'] },
  { name: '华润银行', aliases: ['珠海华润银行'] },
  { name: '汇丰银行', aliases: ['香港上海汇丰银行'] },
  { name: '渣打银行', aliases: [] },
  { name: '东亚银行', aliases: [] },
  { name: '南洋商业银行', aliases: [] },
  { name: '集友银行', aliases: [] },
];

/** A blank bank as every figure shows it. */
export const NO_BANK = '（未填）';

/** Every name a head goes by, longest first (the order a match is tried in). */
export const BANK_PREFIXES: readonly { prefix: string; head: string }[] = HEAD_BANKS.flatMap((h) =>
  [h.name, ...h.aliases].map((prefix) => ({ prefix, head: h.name })),
).sort((a, b) => b.prefix.length - a.prefix.length);

const heads = new Map<string, string>();

/** The head institution a bank text belongs to. */
export function headBank(text: string): string {
  let head = heads.get(text);
  if (head === undefined) {
    const t = text.trim();
    head = t === '' ? NO_BANK : (BANK_PREFIXES.find((p) => t.startsWith(p.prefix))?.head ?? t);
    // A district writes a few hundred bank names at most; the cap only guards a pathological input.
    if (heads.size > 10_000) heads.clear();
    heads.set(text, head);
  }
  return head;
}

/** The bank text as a branch below its head (blank as （未填）). */
export const branchOf = (text: string): string => text.trim() || NO_BANK;
