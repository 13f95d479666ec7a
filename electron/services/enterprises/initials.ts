import { pinyin } from 'pinyin-pro';

/** "深圳华为技术有限公司" → "szhwjsyxgs": what people type to find a company quickly. */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
