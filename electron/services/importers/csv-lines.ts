/**
 * Turns every line break between CSV records (CRLF, LF or a lone CR, mixed in one file as
 * files pasted together from several programs are) into LF. Breaks inside a quoted cell are
 * part of its text and are kept as they are. A quote opens a quoted cell only as the first
 * character of a cell, as in the CSV parser.
 */
export function normaliseLineEndings(text: string, delimiter: string): string {
  if (!text.includes('\r')) return text;
  const parts: string[] = [];
  let from = 0;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (c === '\r' || c === '\n') {
      if (c === '\r') {
        parts.push(text.slice(from, i), '\n');
        if (text[i + 1] === '\n') i++;
        from = i + 1;
      }
      cellStart = true;
    } else {
      if (c === '"' && cellStart) quoted = true;
      cellStart = c === delimiter;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}
