import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badUscc, csv, inventionNumber, usccFor, xlsx } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { readTable } from './read-table';
import { ImportCancelled, runImport, type ImportOptions } from './run-import';

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

const TODAY = '2026-11-22';
const opts = (kind: ImportOptions['kind'], extra: Partial<ImportOptions> = {}): ImportOptions => ({
  kind,
  ctx: { actor: '测试', now: '2026-11-22T08:00:00.000Z' },
  today: TODAY,
  ...extra,
});
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const ENTERPRISE_HEADER = [
  '企业名称',
  '统一社会信用代码',
  '所属区',
  '成立日期',
  '注册资本（万元）',
  '上年营收（万元）',
  '资质',
  '联系人',
  '联系电话',
];
const goodEnterprise = (n: number) => [
  `深圳市测试${n}科技有限公司`,
  usccFor(n),
  '南山区',
  new Date(Date.UTC(2015, 2, 5)),
  500,
  '1234.56',
  '高新、专精特新',
  '王经理',
  '13800000000',
];

describe('enterprise import', () => {
  it('imports a good .xlsx file with Chinese headers, units and dates', async () => {
    const table = await readTable(await xlsx([ENTERPRISE_HEADER, goodEnterprise(1), goodEnterprise(2)]), 'e.xlsx');
    const report = runImport(db, table, opts('enterprises'));
    expect(report).toMatchObject({ total: 2, created: 2, rejected: 0, errors: [] });
    const row = db.prepare('SELECT * FROM enterprises WHERE uscc = ?').get(usccFor(1)) as Record<string, unknown>;
    expect(row).toMatchObject({
      district: '南山',
      founded_on: '2015-03-05',
      registered_capital_fen: 500_000_000,
      revenue_fen: 1_234_560_000,
      qualifications: 0b11,
      name_initials: 'szscs1kjyxgs',
    });
    expect(count('outbox')).toBe(2);
  });

  it('reports each bad row with its spreadsheet row, column and a Chinese reason, and imports the good ones', async () => {
    const rows = [
      ENTERPRISE_HEADER,
      goodEnterprise(1),
      ['深圳市坏一科技有限公司', badUscc(2), '南山', null, null, null, null, null, null],
      ['深圳市坏二科技有限公司', usccFor(3), '香港', null, null, null, null, null, null],
      ['深圳市坏三科技有限公司', usccFor(4), '福田', '2015-13-40', 'abc', null, '金牌企业', null, null],
      ['', usccFor(5), '福田', null, null, null, null, null, null],
      goodEnterprise(6),
    ];
    const report = runImport(db, await readTable(await xlsx(rows), 'e.xlsx'), opts('enterprises'));
    expect(report).toMatchObject({ total: 6, created: 2, rejected: 4 });
    const byRow = (n: number) => report.errors.filter((e) => e.row === n).map((e) => `${e.column}：${e.reason}`);
    expect(byRow(3)).toEqual([expect.stringMatching(/^统一社会信用代码：校验码错误/)]);
    expect(byRow(4)).toEqual([expect.stringMatching(/^所属区：所属区“香港”无效/)]);
    expect(byRow(5)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^成立日期：“2015-13-40”不是有效日期/),
        expect.stringMatching(/^注册资本（万元）：“abc”不是有效金额/),
        expect.stringMatching(/^资质：资质“金牌企业”无效/),
      ]),
    );
    expect(byRow(6)).toEqual([expect.stringMatching(/^企业名称：/)]);
    expect(count('enterprises')).toBe(2);
  });

  it('reads a GBK-encoded CSV as saved by Chinese Excel', async () => {
    const bytes = csv(
      [ENTERPRISE_HEADER, ['深圳市国标编码科技有限公司', usccFor(9), '宝安', '2019/7/1', '100', '', '科小', '李工', '']],
      'gbk',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const table = await readTable(bytes, 'gbk.csv');
    expect(table.encoding).toBe('gbk');
    expect(runImport(db, table, opts('enterprises'))).toMatchObject({ created: 1, rejected: 0 });
    expect(db.prepare('SELECT name, district, founded_on, qualifications FROM enterprises').get()).toEqual({
      name: '深圳市国标编码科技有限公司',
      district: '宝安',
      founded_on: '2019-07-01',
      qualifications: 0b100,
    });
  });

  it('reads UTF-8 CSV with a BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...csv([ENTERPRISE_HEADER, goodEnterprise(1)])]);
    const table = await readTable(bytes, 'bom.csv');
    expect(table).toMatchObject({ encoding: 'utf-8', headers: ENTERPRISE_HEADER });
  });

  it('updates rather than duplicates when the same file (or a corrected one) is imported again', async () => {
    const file = await xlsx([ENTERPRISE_HEADER, goodEnterprise(1), goodEnterprise(2)]);
    runImport(db, await readTable(file, 'e.xlsx'), opts('enterprises'));
    const changes = count('outbox');
    expect(runImport(db, await readTable(file, 'e.xlsx'), opts('enterprises'))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(count('outbox')).toBe(changes);
    const edited = goodEnterprise(2);
    edited[0] = '深圳市改名科技有限公司';
    expect(
      runImport(db, await readTable(await xlsx([ENTERPRISE_HEADER, goodEnterprise(1), edited]), 'e.xlsx'), opts('enterprises')),
    ).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(count('enterprises')).toBe(2);
    expect(db.prepare('SELECT name FROM enterprises WHERE uscc = ?').pluck().get(usccFor(2))).toBe('深圳市改名科技有限公司');
  });

  it('leaves the database exactly as it was when a write fails half-way', async () => {
    runImport(db, await readTable(await xlsx([ENTERPRISE_HEADER, goodEnterprise(1)]), 'e.xlsx'), opts('enterprises'));
    const snapshot = () => [count('enterprises'), count('outbox'), db.prepare('SELECT group_concat(name) FROM enterprises').pluck().get()];
    const before = snapshot();
    // A fault on the 40th row, after 39 rows were already written in the transaction.
    db.exec(
      `CREATE TRIGGER fault BEFORE INSERT ON enterprises WHEN NEW.name = '深圳市测试140科技有限公司' BEGIN SELECT RAISE(ABORT, 'disk fault'); END`,
    );
    const rows = [ENTERPRISE_HEADER, ...Array.from({ length: 60 }, (_, i) => goodEnterprise(101 + i))];
    expect(() => runImport(db, { ...readTableSync(rows) }, opts('enterprises'))).toThrow('disk fault');
    expect(snapshot()).toEqual(before);
  });

  it('rolls back everything when cancelled part-way', async () => {
    const rows = [ENTERPRISE_HEADER, ...Array.from({ length: 50 }, (_, i) => goodEnterprise(i + 1))];
    let checks = 0;
    expect(() => runImport(db, readTableSync(rows), opts('enterprises', { every: 10, isCancelled: () => ++checks > 3 }))).toThrow(
      ImportCancelled,
    );
    expect(count('enterprises')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('dry-run reports what would happen and writes nothing', async () => {
    const report = runImport(
      db,
      readTableSync([ENTERPRISE_HEADER, goodEnterprise(1), goodEnterprise(1), ['x', 'y', 'z']]),
      opts('enterprises', { dryRun: true }),
    );
    expect(report).toMatchObject({ dryRun: true, total: 3, created: 1, unchanged: 1, rejected: 1 });
    expect(count('enterprises')).toBe(0);
  });

  it('uses a mapping chosen by the user and refuses one without the required columns', () => {
    const table = readTableSync([
      ['公司', '代码', '片区'],
      ['深圳市映射科技有限公司', usccFor(7), '龙华'],
    ]);
    expect(runImport(db, table, opts('enterprises', { mapping: { name: 0, uscc: 1, district: 2 } }))).toMatchObject({ created: 1 });
    expect(() => runImport(db, table, opts('enterprises', { mapping: { name: 0, uscc: null, district: 2 } }))).toThrow(
      /缺少必填列“统一社会信用代码”/,
    );
  });
});

describe('IP and whitelist import', () => {
  beforeEach(() => {
    runImport(db, readTableSync([ENTERPRISE_HEADER, goodEnterprise(1)]), opts('enterprises'));
  });

  it('imports patents for a known enterprise and rejects an unknown one by row', () => {
    const header = ['统一社会信用代码', '类型', '申请号', '名称', '申请日', '授权公告日', '法律状态', '年费缴至', '权利人'];
    const report = runImport(
      db,
      readTableSync([
        header,
        [
          usccFor(1),
          '发明',
          `ZL${inventionNumber(2018, 1)}`,
          '一种测试方法',
          '2018-05-10',
          '2020-09-01',
          '有效',
          '2027-05-10',
          '深圳市测试1科技有限公司',
        ],
        [usccFor(99), '发明', inventionNumber(2018, 2), '孤儿专利', '2018-05-10', '2020-09-01', '有效', '2027-05-10', ''],
        [usccFor(1), '实用新型', inventionNumber(2018, 3), '类型不符', '2018-05-10', '2019-01-01', '有效', '2027-05-10', ''],
      ]),
      opts('ip'),
    );
    expect(report).toMatchObject({ created: 1, rejected: 2 });
    expect(report.errors).toEqual([
      { row: 3, column: '统一社会信用代码', reason: expect.stringContaining('不存在') },
      { row: 4, column: '申请号', reason: expect.stringContaining('类型位') },
    ]);
    expect(db.prepare('SELECT number, expires_on FROM ip_assets').get()).toEqual({
      number: inventionNumber(2018, 1).replace('.', ''),
      expires_on: '2038-05-10',
    });
    expect(db.prepare('SELECT ip_count FROM enterprises').pluck().get()).toBe(1);
  });

  it('imports whitelist entries, creating the batch and a missing enterprise, and keeps the status history', () => {
    const header = ['统一社会信用代码', '企业名称', '所属区', '批次', '状态', '管家', '融资需求（万元）', '期限（月）', '优先级'];
    const first = runImport(
      db,
      readTableSync([
        header,
        [usccFor(1), '', '', '2026年南山第一批', '待走访', '张管家', '800', '12', '高'],
        [usccFor(2), '深圳市新来科技有限公司', '龙岗', '2026年南山第一批', '推进中', '李管家', '1500.5', '24', '中'],
      ]),
      opts('whitelist'),
    );
    expect(first).toMatchObject({ created: 2, rejected: 0 });
    expect(db.prepare('SELECT wl_status, wl_steward, wl_need_fen FROM enterprises WHERE uscc = ?').get(usccFor(2))).toEqual({
      wl_status: '推进中',
      wl_steward: '李管家',
      wl_need_fen: 1_500_500_000,
    });
    const again = runImport(
      db,
      readTableSync([header, [usccFor(1), '', '', '2026年南山第一批', '已走访', '张管家', '800', '12', '高']]),
      opts('whitelist'),
    );
    expect(again).toMatchObject({ updated: 1 });
    expect(
      db.prepare("SELECT ifnull(from_status, '') || '→' || to_status FROM whitelist_status_history ORDER BY id").pluck().all(),
    ).toEqual(['→待走访', '→推进中', '待走访→已走访']);
  });
});

/** A table as readTable would return it, for tests that do not care about the file format. */
function readTableSync(rows: (string | number | Date | null)[][]) {
  return { headers: rows[0]!.map(String), rows: rows.slice(1), rowNumbers: rows.slice(1).map((_, i) => i + 2), encoding: 'xlsx' as const };
}
