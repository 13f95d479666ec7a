import type ExcelJS from 'exceljs';
import type { Cell } from './read-table';

/** A cell whose content cannot be taken as a value; the reason goes into the row report. */
export class UnreadableCell {
  constructor(readonly reason: string) {}
}

const fixInExcel = '：请在 Excel 中更正后再导入';

/**
 * The value of an exceljs cell: a formula gives its cached result, rich text and hyperlinks
 * their text. A formula Excel never computed (files written by other programs) and an error
 * value have no value to import, and say so rather than importing something else.
 */
export function xlsxCell(v: ExcelJS.CellValue): Cell | UnreadableCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null)
      return new UnreadableCell('该单元格是公式，但文件中没有计算结果：请在 Excel 中打开该文件，重新计算（F9）并保存后再导入');
    if (typeof result === 'object' && 'error' in result)
      return new UnreadableCell(`该单元格的公式结果是错误值“${String(result.error)}”${fixInExcel}`);
    return xlsxCell(result as ExcelJS.CellValue);
  }
  if ('error' in v) return new UnreadableCell(`该单元格是错误值“${String(v.error)}”${fixInExcel}`);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : xlsxCell(v.text as ExcelJS.CellValue);
  return new UnreadableCell('无法识别该单元格的内容，请在 Excel 中改为文字或数字后再导入');
}
