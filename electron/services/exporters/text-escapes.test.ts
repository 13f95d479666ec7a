import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { badCharacterAt } from '../../../shared/schemas/common';
import { readTable } from '../importers/read-table';
import { escapeCsvText, escapeXlsxText, unescapeCsvText } from './text-escapes';

// Characters that matter to one escape or another, plus ordinary text.
const tricky = fc
  .array(
    fc.constantFrom(
      "'",
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '_',
      'x',
      '0',
      '0',
      '5',
      'F',
      'D',
      'A',
      'a',
      '"',
      ',',
      '\uFFFF',
      '\uFFFE',
      '\u0001',
      '\uD800',
      '\uDC00',
      '😀',
      '深',
    ),
    { maxLength: 14 },
  )
  .map((a) => a.join(''));

describe('text escapes', () => {
  it('CSV: unescape(escape(s)) is s, and no escaped text begins with a formula character', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const e = escapeCsvText(s);
        expect(unescapeCsvText(e)).toBe(s);
        expect(/^[=+\-@\t\r]/.test(e)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('.xlsx: any text written escaped is read back by exceljs exactly', async () => {
    const samples = fc.sample(tricky, { numRuns: 400, seed: 42 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    for (const s of samples) ws.addRow([escapeXlsxText(s)]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read: string[] = [];
    back.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => read.push((row.getCell(1).value as string | null) ?? ''));
    expect(read).toEqual(samples);
  });

  it('CSV import reads any table back whatever line break ends each record', async () => {
    // What the schemas let be stored (UTF-8 cannot hold a lone surrogate anyway), trimmed as stored.
    const cell = tricky.filter((s) => badCharacterAt(s) === null && s.trim() === s && s !== '');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 7, maxLength: 7 }),
        async (rows, breaks) => {
          const lines = [['a', 'b', 'c'], ...rows].map((r) => Papa.unparse([r.map(escapeCsvText)]));
          const text = lines.map((l, i) => l + breaks[i]).join('');
          const table = await readTable(new TextEncoder().encode(text), 't.csv');
          expect(table.rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});
