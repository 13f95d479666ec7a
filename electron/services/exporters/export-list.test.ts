import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseFilter } from '../../../shared/schemas/case';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { newId } from '../ids';
import { localMutate } from '../sync/local';
import { openDatabase } from '../db/connection';
import { listEnterprises, saveEnterprise } from '../enterprises/repository';
import { readTable } from '../importers/read-table';
import { runImport, type ImportOptions } from '../importers/run-import';
import { listEntries } from '../whitelist/repository';
import { exportList, type ExportFormat, type ExportRequest } from './export-list';

const TODAY = '2026-11-22';
const ctx = { actor: '测试', now: '2026-11-22T08:00:00.000Z' };
const opts = (kind: ImportOptions['kind']): ImportOptions => ({ kind, ctx, today: TODAY });

let tmp: ReturnType<typeof tempDir>;
let db: Database;
let other: Database;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase({ file: path.join(tmp.dir, 'a.sqlite') }).db;
  other = openDatabase({ file: path.join(tmp.dir, 'b.sqlite') }).db;
});
afterEach(() => {
  db.close();
  other.close();
  tmp.cleanup();
});

async function roundTrip(req: ExportRequest, format: ExportFormat, kind: ImportOptions['kind'] = req.kind as ImportOptions['kind']) {
  const out = await exportList(db, req, format, TODAY);
  const report = runImport(other, await readTable(out.bytes, out.fileName), opts(kind));
  return { out, report };
}

const enterprises = (d: Database) =>
  listEnterprises(d, { filter: {}, sort: 'name', order: 'asc' }, TODAY).rows.map(
    ({ id: _id, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...rest }) => rest,
  );

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const column = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

const FORMULAS = ['=HYPERLINK("http://example.com","点我")', '+86 755 1234', '-制造业', '@SUM(A1)', "'=已转义", "''+两个引号"];

describe('CSV export of text that Excel would run as a formula', () => {
  it('prefixes one apostrophe on export and removes it on import, so the round trip is exact', async () => {
    FORMULAS.forEach((text, i) =>
      saveEnterprise(
        db,
        {
          name: `深圳市公式${i}科技有限公司`,
          uscc: usccFor(i + 1),
          district: '福田',
          notes: text,
          contacts: [{ name: '王经理', phone: text }],
        },
        ctx,
      ),
    );
    const { out, report } = await roundTrip({ kind: 'enterprises', filter: {} }, 'csv');
    const csv = new TextDecoder().decode(out.bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""点我"")"`);
    for (const line of csv.split('\r\n').slice(1, -1))
      expect(
        line.split(',').some((cell) => /^"?[=+\-@]/.test(cell)),
        line,
      ).toBe(false);
    expect(csv).toContain(",''=已转义,");
    expect(csv).toContain(",'''+两个引号,");
    expect(report).toMatchObject({ created: FORMULAS.length, rejected: 0 });
    expect(enterprises(other)).toEqual(enterprises(db));
    expect(
      enterprises(other)
        .map((e) => e.notes)
        .sort(),
    ).toEqual([...FORMULAS].sort());
  });

  it('writes such text to .xlsx as a typed string, never a formula', async () => {
    saveEnterprise(db, { name: '深圳市公式科技有限公司', uscc: usccFor(1), district: '福田', notes: '=1+2' }, ctx);
    const ws = await sheetOf((await exportList(db, { kind: 'enterprises', filter: {} }, 'xlsx', TODAY)).bytes);
    const cell = ws.getRow(2).getCell(column(ws, '备注'));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+2');
  });
});

describe('valid text survives export and import exactly', () => {
  const TRICKY = [
    '一行\r\n两行',
    '回车\r在内',
    '换行\n在内',
    '_x0041_ 与 _x005F_ 与 _x0041_x0042_',
    '_xABCD\r_x12',
    '非字符\uFFFF和\uFFFE',
    '表情😀𠮷',
    '制表\t在内',
    '"引号", 逗号',
    "'撇号开头",
    '007',
  ];

  for (const format of ['xlsx', 'csv'] as const) {
    it(`in ${format}`, async () => {
      TRICKY.forEach((text, i) =>
        saveEnterprise(
          db,
          {
            name: `深圳市特殊${i}科技有限公司`,
            uscc: usccFor(i + 1),
            district: '南山',
            notes: text,
            street: text.slice(0, 60),
            contacts: [{ name: '李工', role: text }],
          },
          ctx,
        ),
      );
      const { report } = await roundTrip({ kind: 'enterprises', filter: {} }, format);
      expect(report).toMatchObject({ created: TRICKY.length, rejected: 0 });
      expect(enterprises(other)).toEqual(enterprises(db));
    });
  }
});

describe('text stored before the schemas refused control characters', () => {
  it('exports to a readable file in both formats, and its import names the cell', async () => {
    const e = saveEnterprise(db, { name: '深圳市旧数据科技有限公司', uscc: usccFor(1), district: '福田' }, ctx);
    // As an older version could store it (SQLite keeps control characters as they are).
    db.prepare('UPDATE enterprises SET notes = ? WHERE id = ?').run('响铃\u0007字符', e.id);
    for (const format of ['xlsx', 'csv'] as const) {
      const { report } = await roundTrip({ kind: 'enterprises', filter: {} }, format);
      expect(report.errors, format).toEqual([{ row: 2, column: '备注', reason: '含有不可见的控制字符或无效字符，请删除后重试' }]);
    }
  });
});

describe('amounts', () => {
  it('are numbers in .xlsx with a format showing the unit in the header, and exact decimals in CSV', async () => {
    const e = saveEnterprise(
      db,
      { name: '深圳市金额科技有限公司', uscc: usccFor(1), district: '福田', registeredCapitalFen: 1_234_567_891, revenueFen: 1 },
      ctx,
    );
    const xlsx = await sheetOf((await exportList(db, { kind: 'enterprises', filter: {} }, 'xlsx', TODAY)).bytes);
    const capital = xlsx.getRow(2).getCell(column(xlsx, '注册资本（万元）'));
    expect(capital.type).toBe(ExcelJS.ValueType.Number);
    expect(capital.value).toBe(1234.567891);
    expect(capital.numFmt).toBe('#,##0.00####');
    expect(xlsx.getRow(2).getCell(column(xlsx, '上年营收（万元）')).value).toBe(0.000001);
    expect(xlsx.getRow(2).getCell(column(xlsx, '研发投入（万元）')).value).toBe(null);

    const csv = new TextDecoder().decode((await exportList(db, { kind: 'enterprises', filter: {} }, 'csv', TODAY)).bytes);
    expect(csv).toContain(',1234.567891,');
    expect(csv).toContain(',0.000001,');

    const caseId = newId();
    localMutate(db, 'case.create', { id: caseId, enterpriseId: e.id, steward: '张管家', bankOfficer: '' }, ctx);
    localMutate(db, 'case.update', { id: caseId, needFen: 80_050_000 }, ctx);
    const cases = await sheetOf((await exportList(db, { kind: 'cases', filter: caseFilter.parse({}) }, 'xlsx', TODAY)).bytes);
    const need = cases.getRow(2).getCell(column(cases, '融资需求（万元）'));
    expect([need.type, need.value, need.numFmt]).toEqual([ExcelJS.ValueType.Number, 80.05, '#,##0.00####']);
    expect(column(cases, '贷款金额（万元）')).toBeGreaterThan(0);
    expect(column(cases, '贴息金额（万元）')).toBeGreaterThan(0);
  });

  it('re-import from .xlsx and CSV to the same fen', async () => {
    saveEnterprise(
      db,
      {
        name: '深圳市金额科技有限公司',
        uscc: usccFor(1),
        district: '福田',
        registeredCapitalFen: 999_999_999_999,
        revenueFen: 1_500_500_000,
        rdFen: 1,
      },
      ctx,
    );
    for (const format of ['xlsx', 'csv'] as const) {
      other.exec('DELETE FROM enterprises; DELETE FROM sync_records; DELETE FROM outbox');
      expect((await roundTrip({ kind: 'enterprises', filter: {} }, format)).report).toMatchObject({ created: 1, rejected: 0 });
      expect(enterprises(other).map((x) => [x.registeredCapitalFen, x.revenueFen, x.rdFen])).toEqual([[999_999_999_999, 1_500_500_000, 1]]);
    }
  });
});

describe('whitelist export and import', () => {
  const HEADER = [
    '统一社会信用代码',
    '企业名称',
    '所属区',
    '批次',
    '摸排日期',
    '来源',
    '状态',
    '管家',
    '融资需求（万元）',
    '期限（月）',
    '优先级',
    '最近走访',
  ];
  const file = (rows: unknown[][]) => new TextEncoder().encode([HEADER, ...rows].map((r) => r.join(',')).join('\r\n'));
  const entries = (d: Database) =>
    listEntries(d, { filter: {}, sort: 'enterpriseName', order: 'asc' }, TODAY).rows.map((w) => [
      w.enterpriseName,
      w.batchName,
      w.surveyedOn,
      w.source,
      w.status,
      w.steward,
      w.needFen,
      w.needTermMonths,
      w.priority,
      w.lastVisitOn,
    ]);

  it('keeps each entry’s own 摸排日期 and 来源, exports them and imports them back unchanged', async () => {
    const rows = [
      [
        usccFor(1),
        '深圳市一号科技有限公司',
        '南山',
        '2026 南山第一批',
        '2026-03-01',
        '区局摸排',
        '待走访',
        '张管家',
        '800',
        '12',
        '高',
        '',
      ],
      [
        usccFor(2),
        '深圳市二号科技有限公司',
        '南山',
        '2026 南山第一批',
        '2026-03-15',
        '银行推荐',
        '推进中',
        '李管家',
        '1500.5',
        '24',
        '中',
        '2026-04-01',
      ],
      [usccFor(3), '深圳市三号科技有限公司', '南山', '2026 南山第一批', '', '', '待走访', '', '', '', '', ''],
    ];
    expect(runImport(db, await readTable(file(rows), 'wl.csv'), opts('whitelist'))).toMatchObject({ created: 3, rejected: 0 });
    // In pinyin order: 二 (èr), 三 (sān), 一 (yī).
    const expected = [
      ['深圳市二号科技有限公司', '2026 南山第一批', '2026-03-15', '银行推荐', '推进中', '李管家', 1_500_500_000, 24, 2, '2026-04-01'],
      // Blank cells take the batch's, which the batch's first row set.
      ['深圳市三号科技有限公司', '2026 南山第一批', '2026-03-01', '区局摸排', '待走访', '', null, null, 2, null],
      ['深圳市一号科技有限公司', '2026 南山第一批', '2026-03-01', '区局摸排', '待走访', '张管家', 800_000_000, 12, 1, null],
    ];
    expect(entries(db)).toEqual(expected);

    for (const format of ['xlsx', 'csv'] as const) {
      other.exec('DELETE FROM whitelist_batches; DELETE FROM enterprises; DELETE FROM sync_records; DELETE FROM outbox');
      const { out, report } = await roundTrip({ kind: 'whitelist', filter: {} }, format);
      expect(report, format).toMatchObject({ created: 3, rejected: 0 });
      expect(entries(other), format).toEqual(expected);
      const table = await readTable(out.bytes, out.fileName);
      expect(table.headers).toEqual(expect.arrayContaining(['摸排日期', '来源']));
      expect(runImport(db, table, opts('whitelist')), format).toMatchObject({ unchanged: 3 });
    }
  });

  it('a re-import with blank 摸排日期 and 来源 keeps what each entry had', async () => {
    const row = (date: string, source: string) => [
      usccFor(1),
      '深圳市一号科技有限公司',
      '南山',
      '2026 南山第一批',
      date,
      source,
      '待走访',
      '',
      '',
      '',
      '',
      '',
    ];
    runImport(
      db,
      await readTable(
        file([
          row('2026-03-01', '区局摸排'),
          [usccFor(2), '深圳市二号科技有限公司', '南山', '2026 南山第一批', '2026-03-09', '银行推荐', '待走访', '', '', '', '', ''],
        ]),
        'wl.csv',
      ),
      opts('whitelist'),
    );
    expect(runImport(db, await readTable(file([row('', '')]), 'wl.csv'), opts('whitelist'))).toMatchObject({ unchanged: 1 });
    expect(runImport(db, await readTable(file([row('2026-03-05', '')]), 'wl.csv'), opts('whitelist'))).toMatchObject({ updated: 1 });
    expect(entries(db).map((e) => e.slice(0, 4))).toEqual([
      ['深圳市二号科技有限公司', '2026 南山第一批', '2026-03-09', '银行推荐'],
      ['深圳市一号科技有限公司', '2026 南山第一批', '2026-03-05', '区局摸排'],
    ]);
  });
});
