import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { readTable } from './read-table';
import { runImport, type ImportOptions } from './run-import';

let tmp: ReturnType<typeof tempDir>;
let db: Database;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase({ file: path.join(tmp.dir, 'store.sqlite') }).db;
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const opts = (kind: ImportOptions['kind']): ImportOptions => ({
  kind,
  ctx: { actor: '测试', now: '2026-11-22T08:00:00.000Z' },
  today: '2026-11-22',
});
const names = () => db.prepare('SELECT name FROM enterprises ORDER BY name').pluck().all();
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV line endings and row width', () => {
  it('reads every row of a file whose lines end in CRLF, LF and CR, keeping line breaks inside quoted cells', async () => {
    const text =
      '企业名称,统一社会信用代码,所属区,备注\r\n' +
      `深圳市甲科技有限公司,${usccFor(1)},福田,"一行\r\n两行"\n` +
      `深圳市乙科技有限公司,${usccFor(2)},南山,"回车\r在内"\r` +
      `深圳市丙科技有限公司,${usccFor(3)},宝安,\r\n`;
    const report = runImport(db, await readTable(utf8(text), 'mixed.csv'), opts('enterprises'));
    expect(report).toMatchObject({ total: 3, created: 3, rejected: 0 });
    expect(names()).toEqual(['深圳市丙科技有限公司', '深圳市乙科技有限公司', '深圳市甲科技有限公司']);
    expect(db.prepare('SELECT notes FROM enterprises ORDER BY name').pluck().all()).toEqual(['', '回车\r在内', '一行\r\n两行']);
  });

  it('refuses a row with more cells than the header row, naming the row', async () => {
    const text = `企业名称,统一社会信用代码,所属区\n深圳市甲科技有限公司,${usccFor(1)},福田\n深圳市乙科技有限公司,${usccFor(2)},南山,多出来的\n深圳市丙科技有限公司,${usccFor(3)},宝安,,\n`;
    const report = runImport(db, await readTable(utf8(text), 'wide.csv'), opts('enterprises'));
    expect(report).toMatchObject({ total: 3, created: 2, rejected: 1 });
    expect(report.errors).toEqual([
      {
        row: 3,
        column: '第 4 列',
        reason: '第 3 行有 4 个单元格，多于标题行的 3 列（第 4 列“多出来的”没有列标题）：请检查换行符和未加引号的逗号，本行未导入',
      },
    ]);
    expect(names()).toEqual(['深圳市丙科技有限公司', '深圳市甲科技有限公司']);
  });
});

describe('.xlsx cell values', () => {
  async function sheet(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Sheet1'));
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }
  const HEADER = ['企业名称', '统一社会信用代码', '所属区', '备注'];

  it('takes a formula’s cached result, the text of rich text and hyperlinks', async () => {
    const bytes = await sheet((ws) => {
      ws.addRow(HEADER);
      ws.addRow([
        { richText: [{ text: '深圳市富文本' }, { text: '科技有限公司', font: { bold: true } }] },
        usccFor(1),
        { formula: 'LEFT("福田区",2)', result: '福田' },
        { text: '官网', hyperlink: 'https://example.com' },
      ]);
      ws.addRow([
        { formula: 'CONCAT("深圳市公式","科技有限公司")', result: '深圳市公式科技有限公司' },
        usccFor(2),
        '南山',
        { text: { richText: [{ text: '链接' }, { text: '文字' }] }, hyperlink: 'https://example.com' } as unknown as ExcelJS.CellValue,
      ]);
    });
    const report = runImport(db, await readTable(bytes, 'values.xlsx'), opts('enterprises'));
    expect(report).toMatchObject({ created: 2, rejected: 0 });
    expect(db.prepare('SELECT name, district, notes FROM enterprises ORDER BY uscc').all()).toEqual([
      { name: '深圳市富文本科技有限公司', district: '福田', notes: '官网' },
      { name: '深圳市公式科技有限公司', district: '南山', notes: '链接文字' },
    ]);
  });

  it('reports a formula without a computed value and an error value as row errors with their column', async () => {
    const bytes = await sheet((ws) => {
      ws.addRow(HEADER);
      ws.addRow(['深圳市无结果科技有限公司', usccFor(1), '福田', { formula: 'A1&"x"' }]);
      ws.addRow(['深圳市错误值科技有限公司', usccFor(2), { error: '#N/A' }, '']);
      ws.addRow(['深圳市错误结果科技有限公司', usccFor(3), '福田', { formula: '1/0', result: { error: '#DIV/0!' } }]);
      ws.addRow(['深圳市正常科技有限公司', usccFor(4), '福田', '']);
    });
    const report = runImport(db, await readTable(bytes, 'errors.xlsx'), opts('enterprises'));
    expect(report).toMatchObject({ created: 1, rejected: 3 });
    expect(report.errors).toEqual([
      { row: 2, column: '备注', reason: '该单元格是公式，但文件中没有计算结果：请在 Excel 中打开该文件，重新计算（F9）并保存后再导入' },
      { row: 3, column: '所属区', reason: '该单元格是错误值“#N/A”：请在 Excel 中更正后再导入' },
      { row: 4, column: '备注', reason: '该单元格的公式结果是错误值“#DIV/0!”：请在 Excel 中更正后再导入' },
    ]);
    expect(names()).toEqual(['深圳市正常科技有限公司']);
  });
});

describe('text with invisible characters', () => {
  it('reports a cell with a control character or a lone surrogate as a row error with its column, in CSV and .xlsx', async () => {
    const header = ['统一社会信用代码', '企业名称', '所属区', '批次', '来源', '管家'];
    // Excel writes characters XML cannot hold as _xHHHH_; a CSV holds control characters raw.
    const rows = (bell: string, bad: string, esc: string) => [
      header,
      [usccFor(1), '深圳市控制符科技有限公司', '福田', `2026 福田${bell}第一批`, '', ''],
      [usccFor(2), '深圳市代理项科技有限公司', '福田', '2026 福田第一批', `摸排${bad}`, ''],
      [usccFor(3), '深圳市正常科技有限公司', '福田', '2026 福田第一批', '', `张${esc}管家`],
      [usccFor(4), '深圳市好科技有限公司', '福田', '2026 福田第一批', '区局推荐', '李管家'],
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const r of rows('_x0007_', '_xD800_', '_x001B_')) ws.addRow(r);
    const files: [string, Uint8Array][] = [
      ['wl.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)],
      [
        'wl.csv',
        utf8(
          rows('\u0007', '\u0085', '\u001B')
            .map((r) => r.join(','))
            .join('\r\n'),
        ),
      ],
    ];
    for (const [name, bytes] of files) {
      const report = runImport(db, await readTable(bytes, name), { ...opts('whitelist'), dryRun: true });
      const reason = '含有不可见的控制字符或无效字符，请删除后重试';
      expect(report.errors, name).toEqual([
        { row: 2, column: '批次', reason },
        { row: 3, column: '来源', reason },
        { row: 4, column: '管家', reason },
      ]);
      expect(report, name).toMatchObject({ created: 1, rejected: 3 });
    }
  });
});
