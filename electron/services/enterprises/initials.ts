import { pinyin } from 'pinyin-pro';

// pinyin-pro's contextual reading. Known limit: ambiguous splits such as 深圳市长城 (read as
// 市长 + 城 → szszc) or words missing from its dictionary (分行 → fx) give other initials.
const OPTIONS = { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;

/** "深圳华为技术有限公司" → "szhwjsyxgs": what people type to find a company quickly. */
export function nameInitials(name: string): string {
  return pinyin(name, OPTIONS)
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
