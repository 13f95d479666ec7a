/**
 * Substring search over enterprise names and their pinyin initials with FTS5: each text is
 * stored as its consecutive character pairs ("深圳华为" → "深圳 圳华 华为") plus its single
 * characters. A query of two or more characters becomes the phrase of its pairs, which
 * matches exactly where the query occurs; a one-character query looks up the single characters.
 *
 * People drop the 市 of 深圳市 ("深圳信华" for 深圳市信华…) or type it where the register does
 * not have it: names are indexed both as written and without it, and a query is tried both ways.
 */
const NOT_TOKEN = /[^\p{L}\p{N}]+/gu;
const CITY = /深圳市/g;

function chars(text: string): string[] {
  return [...text.toLowerCase().replace(NOT_TOKEN, '')];
}

function pairs(cs: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  return out;
}

/** The name as written and, when it differs, with 深圳市 written 深圳. */
export function nameVariants(name: string): string[] {
  const short = name.replace(CITY, '深圳');
  return short === name ? [name] : [name, short];
}

/**
 * The index entry of an enterprise: its name variants and their initials. Built in one pass
 * per text (a first pull builds 100,000 of them): the same text as pairs() and a Set would give.
 */
export function searchDocument(...texts: string[]): { grams: string; unigrams: string } {
  let grams = '';
  let unigrams = '';
  const seen = new Set<string>();
  for (const text of texts) {
    let prev = '';
    for (const c of text.toLowerCase().replace(NOT_TOKEN, '')) {
      if (prev) grams += grams ? ` ${prev}${c}` : `${prev}${c}`;
      prev = c;
      if (!seen.has(c)) {
        seen.add(c);
        unigrams += unigrams ? ` ${c}` : c;
      }
    }
  }
  return { grams, unigrams };
}

/** The FTS5 MATCH expression for a typed query, or null when it has no searchable character. */
export function searchQuery(typed: string): string | null {
  const variants = [
    ...new Set(
      nameVariants(typed)
        .map(chars)
        .filter((cs) => cs.length > 0)
        .map((cs) => cs.join('')),
    ),
  ].map((s) => [...s]);
  if (variants.length === 0) return null;
  return variants.map((cs) => (cs.length === 1 ? `unigrams : "${cs[0]}"` : `grams : "${pairs(cs).join(' ')}"`)).join(' OR ');
}
