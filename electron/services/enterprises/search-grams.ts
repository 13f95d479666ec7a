/**
 * Substring search over enterprise names and their pinyin initials with FTS5: each text is
 * stored as its consecutive character pairs ("深圳华为" → "深圳 圳华 华为") plus its single
 * characters. A query of two or more characters becomes the phrase of its pairs, which
 * matches exactly where the query occurs; a one-character query looks up the single characters.
 */
const NOT_TOKEN = /[^\p{L}\p{N}]+/gu;

function chars(text: string): string[] {
  return [...text.toLowerCase().replace(NOT_TOKEN, '')];
}

function pairs(cs: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  return out;
}

export function searchDocument(name: string, initials: string): { grams: string; unigrams: string } {
  const n = chars(name);
  const i = chars(initials);
  return { grams: [...pairs(n), ...pairs(i)].join(' '), unigrams: [...new Set([...n, ...i])].join(' ') };
}

/** The FTS5 MATCH expression for a typed query, or null when it has no searchable character. */
export function searchQuery(typed: string): string | null {
  const cs = chars(typed);
  if (cs.length === 0) return null;
  if (cs.length === 1) return `unigrams : "${cs[0]}"`;
  return `grams : "${pairs(cs).join(' ')}"`;
}
