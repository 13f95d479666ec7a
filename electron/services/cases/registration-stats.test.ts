import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { saveEnterprise } from '../enterprises/repository';
import { growthText } from '../../../shared/domain/stats';
import { registrationStats } from './registration-stats';

const tmp = tempDir();
let db: Database;
const ctx = { actor: '测试', now: '2026-11-22T00:00:00.000Z' };

/** A case with a pledge in the given state: a read-model fixture, written straight to the tables. */
function pledge(
  enterpriseId: string,
  n: number,
  p: { bank: string; regDate: string | null; securedFen: number | null; loanFen: number; status: string },
) {
  db.prepare(
    "INSERT INTO cases (id, enterprise_id, stage, created_by, created_at, updated_by, updated_at) VALUES (?, ?, 'subsidy', 't', '', 't', '')",
  ).run(`c${n}`, enterpriseId);
  db.prepare(
    'INSERT INTO pledges (case_id, bank, loan_fen, secured_fen, status, reg_no, reg_date, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(`c${n}`, p.bank, p.loanFen, p.securedFen, p.status, p.regDate ? `Y${n}` : '', p.regDate, 't', '');
}

beforeAll(() => {
  db = openDatabase({ file: path.join(tmp.dir, 's.sqlite') }).db;
  const ns = saveEnterprise(db, { name: '深圳市统计南山有限公司', uscc: usccFor(9001), district: '南山' }, ctx).id;
  const ba = saveEnterprise(db, { name: '深圳市统计宝安有限公司', uscc: usccFor(9002), district: '宝安' }, ctx).id;
  pledge(ns, 1, { bank: '中国银行', regDate: '2025-03-01', securedFen: 300_000_000, loanFen: 300_000_000, status: 'cancelled' });
  pledge(ba, 2, { bank: '工商银行', regDate: '2025-06-01', securedFen: null, loanFen: 100_000_000, status: 'registered' });
  pledge(ns, 3, { bank: '中国银行', regDate: '2026-02-01', securedFen: 400_000_000, loanFen: 500_000_000, status: 'registered' });
  pledge(ns, 4, { bank: '招商银行', regDate: '2026-05-01', securedFen: 123_456_789, loanFen: 200_000_000, status: 'changed' });
  pledge(ba, 5, { bank: '中国银行', regDate: '2026-08-01', securedFen: 100_000_000, loanFen: 100_000_000, status: 'registered' });
  // Not registered: a draft, a refusal.
  pledge(ba, 6, { bank: '中国银行', regDate: null, securedFen: 900_000_000, loanFen: 900_000_000, status: 'draft' });
  pledge(ba, 7, { bank: '中国银行', regDate: null, securedFen: 900_000_000, loanFen: 900_000_000, status: 'refused' });
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('registration statistics', () => {
  it('counts registrations and secured amounts by year with year-on-year growth', () => {
    const s = registrationStats(db);
    expect(s.year).toBe('2026');
    expect(s.byYear).toEqual([
      { year: '2025', count: 2, amountFen: 400_000_000, countGrowth: { kind: 'no-base' }, amountGrowth: { kind: 'no-base' } },
      {
        year: '2026',
        count: 3,
        amountFen: 623_456_789,
        countGrowth: { kind: 'ratio', value: 0.5 },
        amountGrowth: { kind: 'ratio', value: 623_456_789 / 400_000_000 - 1 },
      },
    ]);
  });

  it('splits a year by district and by bank, each against its own last year', () => {
    const s = registrationStats(db, '2026');
    expect(s.byDistrict).toEqual([
      {
        district: '南山',
        count: 2,
        amountFen: 523_456_789,
        countGrowth: { kind: 'ratio', value: 1 },
        amountGrowth: { kind: 'ratio', value: 523_456_789 / 300_000_000 - 1 },
      },
      {
        district: '宝安',
        count: 1,
        amountFen: 100_000_000,
        countGrowth: { kind: 'ratio', value: 0 },
        amountGrowth: { kind: 'ratio', value: 0 },
      },
    ]);
    expect(s.byBank.map((b) => [b.bank, b.count, growthText(b.countGrowth)])).toEqual([
      ['中国银行', 2, '+100.0%'],
      ['招商银行', 1, '上年同期为 0'],
    ]);
    expect(registrationStats(db, '2024')).toMatchObject({ year: '2024', byDistrict: [], byBank: [] });
  });
});
