/**
 * How text keeps its exact value through a file format. Each pair is a bijection: what the
 * exporter writes, the importer turns back into the very same text.
 */

/**
 * CSV: Excel runs a cell beginning with = + - @ (or a tab or CR before them) as a formula.
 * Such text gets one ' in front; text already beginning with quotes before one of those gets
 * one more, so the importer can always remove exactly one.
 */
const CSV_FORMULA = /^'*[=+\-@\t\r]/;
const CSV_ESCAPED = /^'+[=+\-@\t\r]/;

export const escapeCsvText = (s: string): string => (CSV_FORMULA.test(s) ? `'${s}` : s);
export const unescapeCsvText = (s: string): string => (CSV_ESCAPED.test(s) ? s.slice(1) : s);

/**
 * .xlsx: the XML of a sheet cannot hold a CR (it is read back as LF), U+FFFE, U+FFFF, control
 * characters or lone surrogates, so Excel writes them as _xHHHH_; exceljs decodes that form on
 * reading but does not write it. We write it, and escape an underscore that would otherwise be
 * read as the start of such a form (as _x005F_), the way Excel does.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const XML_UNSAFE = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// exceljs decodes /_x([0-9A-F]{4})_/; an unsafe character becomes "_x…", so it counts as an end too.
// eslint-disable-next-line no-control-regex -- as above
const DECODABLE_UNDERSCORE = /_(?=x[0-9A-F]{4}(?:_|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF\uD800-\uDFFF]))/g;

const hex = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

export function escapeXlsxText(s: string): string {
  return s.replace(DECODABLE_UNDERSCORE, '_x005F_').replace(XML_UNSAFE, hex);
}
