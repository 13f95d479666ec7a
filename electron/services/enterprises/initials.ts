import { customPinyin, pinyin } from 'pinyin-pro';

// pinyin-pro's contextual reading, with the words of company and bank names it gets wrong:
// 深圳市长城 was split as 市长 + 城 (szszc), and 分行 read as fēn xíng (fx). Changing this list
// changes stored initials: add a migration that recomputes them (see 005).
customPinyin({ 深圳市: 'shēn zhèn shì', 分行: 'fēn háng', 支行: 'zhī háng' });
const OPTIONS = { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;

/** "深圳华为技术有限公司" → "szhwjsyxgs": what people type to find a company quickly. */
export function nameInitials(name: string): string {
  return pinyin(name, OPTIONS)
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FULL = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;

/**
 * The key names sort by: their full pinyin ("深圳华为" → "shen zhen hua wei"), so lists follow
 * the order Chinese readers expect (拼音序) rather than Unicode code points.
 */
export function nameSortKey(name: string): string {
  return pinyin(name, FULL).join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
}
