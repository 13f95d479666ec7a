/**
 * The institutions directory on a real SQLite file: bank names typed on pledges resolved to
 * their head (those it does not know listed for review), an officer's addition making a name
 * an institution with its aliases, 统计看板 grouping by it and its drill-down selecting exactly
 * the cases behind a branch; bad edits refused in Chinese.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_INSTITUTIONS } from '../../../shared/domain/institutions';
import { caseFilter } from '../../../shared/schemas/case';
import { statsFilter } from '../../../shared/schemas/stats';
import { seedStatsFixture } from '../../../test/support/stats-fixture';
import { tempDir } from '../../../test/support/temp';
import { listCases } from '../cases/repository';
import { openDatabase } from '../db/connection';
import { dashboard } from '../stats/dashboard';
import { listInstitutions, listNames, saveInstitution } from './repository';

const tmp = tempDir();
let db: Database;
const who = { actor: '南山专员', now: '2026-11-22T00:00:00.000Z' };
const BOC = SHIPPED_INSTITUTIONS.find((i) => i.name === '中国银行')!;
const Y2026 = statsFilter.parse({ from: '2026-01-01', to: '2026-12-31' });
const bankOf = (id: string) => db.prepare('SELECT bank FROM pledges WHERE case_id = ?').pluck().get(id);

beforeAll(() => {
  db = openDatabase({ file: path.join(tmp.dir, 'inst.sqlite') }).db;
  seedStatsFixture(db);
  // Two of 2026's registrations typed the way people write them.
  const ids = db
    .prepare(
      "SELECT case_id FROM pledges WHERE reg_date LIKE '2026-%' AND status IN ('registered', 'changed', 'cancelled') ORDER BY reg_date",
    )
    .pluck()
    .all() as string[];
  db.prepare("UPDATE pledges SET bank = '中国银行深圳南山支行' WHERE case_id = ?").run(ids[0]);
  db.prepare("UPDATE pledges SET bank = '中行南山支行' WHERE case_id = ?").run(ids[1]);
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('the institutions directory', () => {
  it('lists the names on pledges with what the directory makes of them, unknown ones to review', () => {
    const names = Object.fromEntries(listNames(db).map((n) => [n.text, [n.how, n.head]]));
    expect(names['中国银行']).toEqual(['exact', '中国银行']);
    expect(names['中国银行深圳南山支行']).toEqual(['prefix', '中国银行']);
    // 中行 is no alias of the shipped list: its own head until an officer says otherwise.
    expect(names['中行南山支行']).toEqual(['none', '中行南山支行']);
  });

  it('takes an officer’s branch with an alias: both names count as that branch of 中国银行, and its drill-down lists exactly them', () => {
    const before = dashboard(db, Y2026, 'now').registrations.byBank.find((b) => b.key === '中国银行')!;
    const saved = saveInstitution(
      db,
      {
        id: 'inst-bank-boc-nanshan',
        kind: 'bank',
        name: '中国银行深圳南山支行',
        headId: BOC.id,
        aliases: ['中行南山支行'],
        greenChannel: ['南山'],
      },
      who,
    );
    expect(saved).toMatchObject({ headName: '中国银行', edited: true });
    expect(listInstitutions(db).map((i) => i.name)).toContain('中国银行深圳南山支行');
    expect(
      listNames(db)
        .filter((n) => n.text.includes('南山支行'))
        .map((n) => [n.how, n.head, n.branch]),
    ).toEqual([
      ['exact', '中国银行', '中国银行深圳南山支行'],
      ['exact', '中国银行', '中国银行深圳南山支行'],
    ]);
    const boc = dashboard(db, Y2026, 'now').registrations.byBank.find((b) => b.key === '中国银行')!;
    expect(boc.count).toBe(before.count + 1);
    const branch = boc.branches!.find((b) => b.key === '中国银行深圳南山支行')!;
    expect(branch.count).toBe(2);
    const drilled = listCases(db, {
      ...caseFilter.parse({ regFrom: Y2026.from, regTo: Y2026.to, bank: '中国银行', branch: branch.key, includeClosed: true }),
      offset: 0,
      limit: 50,
    });
    expect(drilled.rows.map((c) => bankOf(c.id)).sort()).toEqual(['中国银行深圳南山支行', '中行南山支行']);
    const head = listCases(db, {
      ...caseFilter.parse({ regFrom: Y2026.from, regTo: Y2026.to, bank: '中国银行', includeClosed: true }),
      offset: 0,
      limit: 50,
    });
    expect(head.total).toBe(boc.count);
  });

  it('refuses a name already in the directory, a head of another kind and a branch as a head, in Chinese', () => {
    const base = { id: 'inst-bank-new', kind: 'bank' as const, aliases: [], greenChannel: [] };
    expect(() => saveInstitution(db, { ...base, name: '招商银行' }, who)).toThrow(/名录中已有“招商银行”/);
    const insurer = SHIPPED_INSTITUTIONS.find((i) => i.kind === 'insurer' && !i.headId)!;
    expect(() => saveInstitution(db, { ...base, name: '某银行深圳分行', headId: insurer.id }, who)).toThrow(/上级机构须同为银行类/);
    expect(() => saveInstitution(db, { ...base, name: '某银行深圳支行', headId: 'inst-bank-boc-nanshan' }, who)).toThrow(/本身是分支机构/);
    expect(() => saveInstitution(db, { ...base, name: '某' }, who)).toThrow(/至少 2 个字/);
    // A shipped head keeps its branches: it cannot become a branch, nor change kind under them.
    const cmb = SHIPPED_INSTITUTIONS.find((i) => i.name === '招商银行')!;
    expect(() => saveInstitution(db, { ...cmb, headId: BOC.id }, who)).toThrow(/下有分支机构/);
    expect(() => saveInstitution(db, { ...cmb, kind: 'insurer' }, who)).toThrow(/不能改为其他类别/);
    // An alias that is another entry's name or alias would count one name under two institutions.
    expect(() => saveInstitution(db, { ...base, name: '某银行', aliases: ['招行'] }, who)).toThrow(
      /别名“招行”已是名录中“招商银行”的名称或别名/,
    );
    expect(db.prepare("SELECT count(*) FROM institutions WHERE id = 'inst-bank-new'").pluck().get()).toBe(0);
  });
});
