import { customPinyin, pinyin } from 'pinyin-pro';

// pinyin-pro's contextual reading, with the words of company and bank names it gets wrong:
// 深圳市长城 was split as 市长 + 城 (szszc), and 分行 read as fēn xíng (fx). Changing this list
// changes stored initials: add a migration that recomputes them (see 005).
customPinyin({ 深圳市: 'shēn zhèn shì', 分行: 'fēn háng', 支行: 'zhī háng' });
const FULL = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;

/** What a name's pinyin gives the app: its initials (search) and full reading (sort order). */
interface NameReading {
  initials: string;
  sortKey: string;
}

// A name is read once for both (pinyin-pro's contextual reading is the cost of a pull's every
// enterprise), and the last name is kept: a record's columns and its search entry ask in turn.
let last: { name: string; reading: NameReading } | null = null;

function read(name: string): NameReading {
  if (last?.name === name) return last.reading;
  const parts = pinyin(name, FULL);
  // Each Chinese character gives its syllable, each run of other characters itself as typed:
  // the initials take a syllable's first letter and a run whole (as the 'first' pattern does).
  let pos = 0;
  let first = '';
  for (const p of parts) {
    if (p.length > 0 && name.startsWith(p, pos)) {
      first += p;
      pos += p.length;
    } else {
      first += p.charAt(0);
      pos += (name.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
    }
  }
  const reading = {
    initials: first.toLowerCase().replace(/[^a-z0-9]/g, ''),
    sortKey: parts.join(' ').toLowerCase().replace(/\s+/g, ' ').trim(),
  };
  last = { name, reading };
  return reading;
}

/** "深圳华为技术有限公司" → "szhwjsyxgs": what people type to find a company quickly. */
export function nameInitials(name: string): string {
  return read(name).initials;
}

/**
 * The key names sort by: their full pinyin ("深圳华为" → "shen zhen hua wei"), so lists follow
 * the order Chinese readers expect (拼音序) rather than Unicode code points.
 */
export function nameSortKey(name: string): string {
  return read(name).sortKey;
}
