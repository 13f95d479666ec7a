import type { FieldDef } from './kind-def';

/** field key → column index in the file, or null when the file has no such column. */
export type Mapping = Record<string, number | null>;

/** Drops spaces, brackets with their content (units) and punctuation, so 注册资本（万元） ≈ 注册资本. */
export function headerKey(h: string): string {
  return h
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s:：*＊/、_-]/g, '')
    .toLowerCase();
}

/** Suggests a column for each field by its label or an alias; each column is used once. */
export function suggestMapping(headers: string[], fields: FieldDef[]): Mapping {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const mapping: Mapping = {};
  for (const f of fields) {
    const names = [f.label, ...(f.aliases ?? [])].map(headerKey);
    const exact = headers.findIndex((h) => h.trim() === f.label);
    const idx = exact >= 0 && !used.has(exact) ? exact : keys.findIndex((k, i) => !used.has(i) && names.includes(k));
    mapping[f.key] = idx >= 0 ? idx : null;
    if (idx >= 0) used.add(idx);
  }
  return mapping;
}

/** Chinese messages for a mapping that cannot work: a required field without a column. */
export function mappingProblems(mapping: Mapping, fields: FieldDef[], columnCount: number): string[] {
  const problems: string[] = [];
  for (const f of fields) {
    const col = mapping[f.key];
    if (col !== null && col !== undefined && (col < 0 || col >= columnCount)) problems.push(`“${f.label}”对应的列不存在`);
    if (f.required && (col === null || col === undefined)) problems.push(`缺少必填列“${f.label}”`);
  }
  return problems;
}
