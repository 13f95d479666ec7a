/** Full-width letters, digits and punctuation (pasted from Chinese documents) to ASCII. */
export function toHalfWidth(raw: string): string {
  return raw.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
