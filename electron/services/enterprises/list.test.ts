import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { generateDemo } from '../demo/generate';
import { ipWhere, listIpAssets, saveIpAsset } from '../ip/repository';
import { changeStatus, listEntries, statusHistory } from '../whitelist/repository';
import { officerOverview } from '../whitelist/overview';
import { deleteEnterprise, listEnterprises, saveEnterprise } from './repository';

const TODAY = '2026-11-22';
const ctx = { actor: '测试员', now: '2026-11-22T08:00:00.000Z' };
const tmp = tempDir();
let db: Database;

beforeAll(() => {
  db = openDatabase({ file: path.join(tmp.dir, 'store.sqlite') }).db;
  generateDemo(db, { enterprises: 400, today: TODAY, ctx, seed: 7, cases: false });
  saveEnterprise(
    db,
    { name: '深圳华为示例技术有限公司', uscc: '91350100M000100Y43', district: '龙岗', qualifications: ['高新技术企业'] },
    ctx,
  );
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const all = (filter: object, extra: object = {}) => listEnterprises(db, { filter, limit: 1000, ...extra }, TODAY);

describe('enterprise list', () => {
  it('finds an enterprise by pinyin initials, by part of its name and by credit code', () => {
    expect(all({ search: 'szhw' }).rows.map((r) => r.name)).toContain('深圳华为示例技术有限公司');
    expect(all({ search: '华为示例' }).rows).toHaveLength(1);
    expect(all({ search: '91350100m000' }).rows[0]!.name).toBe('深圳华为示例技术有限公司');
  });

  it('finds names by one or two Chinese characters, and codes by their first characters', () => {
    const two = all({ search: '示例' }).rows.map((r) => r.name);
    expect(two).toEqual(['深圳华为示例技术有限公司']);
    const one = all({ search: '示' });
    expect(one.rows.every((r) => r.name.includes('示'))).toBe(true);
    expect(one.total).toBe(db.prepare("SELECT count(*) FROM enterprises WHERE name LIKE '%示%'").pluck().get());
    const prefix = db.prepare('SELECT uscc FROM enterprises LIMIT 1').pluck().get() as string;
    expect(all({ search: prefix.slice(0, 10) }).rows.every((r) => r.uscc.startsWith(prefix.slice(0, 10)))).toBe(true);
  });

  it('finds an enterprise by one of its patent numbers, written with ZL and a dot', () => {
    const patent = db.prepare("SELECT number, enterprise_id FROM ip_assets WHERE kind = 'invention' LIMIT 1").get() as {
      number: string;
      enterprise_id: string;
    };
    const written = `ZL${patent.number.slice(0, -1)}.${patent.number.slice(-1)}`;
    expect(all({ search: written }).rows.map((r) => r.id)).toEqual([patent.enterprise_id]);
  });

  it('treats % and _ in a search as plain characters', () => {
    expect(all({ search: '%' }).total).toBe(0);
    expect(all({ search: '_' }).total).toBe(0);
  });

  it('filters by district, qualification, status, steward and need range, agreeing with a direct count', () => {
    const r = all({
      districts: ['南山', '宝安'],
      qualifications: ['高新技术企业'],
      statuses: ['推进中', '已走访'],
      needMinFen: 100_000_000,
      needMaxFen: 2_000_000_000,
    });
    const expected = db
      .prepare(
        "SELECT count(*) FROM enterprises WHERE district IN ('南山','宝安') AND qualifications & 1 AND wl_status IN ('推进中','已走访') AND wl_need_fen BETWEEN 100000000 AND 2000000000",
      )
      .pluck()
      .get();
    expect(r.total).toBe(expected);
    for (const e of r.rows) {
      expect(['南山', '宝安']).toContain(e.district);
      expect(e.qualifications).toContain('高新技术企业');
      expect(e.wlNeedFen).toBeGreaterThanOrEqual(100_000_000);
    }
    const steward = r.rows[0]!.wlSteward!;
    expect(all({ stewards: [steward] }).rows.every((e) => e.wlSteward === steward)).toBe(true);
  });

  it('filters enterprises with a patent expiring soon', () => {
    const r = all({ expiringWithinDays: 365 });
    expect(r.total).toBeGreaterThan(0);
    for (const e of r.rows) {
      const soon = db
        .prepare("SELECT count(*) FROM ip_assets WHERE enterprise_id = ? AND expires_on > ? AND expires_on <= date(?, '+365 days')")
        .pluck()
        .get(e.id, TODAY, TODAY) as number;
      expect(soon).toBeGreaterThan(0);
    }
  });

  it('sorts with nulls last and pages without overlap', () => {
    const sorted = all({}, { sort: 'revenueFen', order: 'desc' }).rows.map((r) => r.revenueFen ?? -1);
    expect(sorted.slice(0, -1).every((v, i) => v >= sorted[i + 1]! || sorted[i + 1] === -1)).toBe(true);
    const p1 = listEnterprises(db, { limit: 50, offset: 0, sort: 'name' }, TODAY).rows.map((r) => r.id);
    const p2 = listEnterprises(db, { limit: 50, offset: 50, sort: 'name' }, TODAY).rows.map((r) => r.id);
    expect(new Set([...p1, ...p2]).size).toBe(100);
  });

  it('refuses a second enterprise with the same credit code', () => {
    expect(() => saveEnterprise(db, { name: '重复的公司', uscc: '91350100M000100Y43', district: '福田' }, ctx)).toThrow(
      /已登记为“深圳华为示例技术有限公司”/,
    );
  });

  it('searches IP titles through their index: the same items as a substring scan, kept through edits and deletes', () => {
    const ipAll = (search: string) => listIpAssets(db, { filter: { search }, limit: 1000 }, TODAY);
    const scan = (text: string) =>
      (
        db
          .prepare(
            'SELECT a.id FROM ip_assets a JOIN enterprises e ON e.id = a.enterprise_id WHERE instr(a.title, ?) > 0 OR instr(e.name, ?) > 0',
          )
          .pluck()
          .all(text, text) as string[]
      ).sort();
    const titles = db.prepare('SELECT title FROM ip_assets LIMIT 40').pluck().all() as string[];
    for (const text of [...new Set(titles.map((t) => t.slice(2, 6)))].slice(0, 8)) {
      const found = ipAll(text);
      expect(found.rows.map((r) => r.id).sort()).toEqual(scan(text));
      expect(found.total).toBe(scan(text).length);
    }
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM ip_assets a JOIN enterprises e ON e.id = a.enterprise_id ${ipWhere({ search: '传感' }, TODAY)}`,
      )
      .all(...ipWhere({ search: '传感' }, TODAY).params)
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
    expect(plan).toContain('VIRTUAL TABLE INDEX');
    // A renamed title is found by its new words only; a deleted enterprise's IP is gone from the index.
    const one = db.prepare('SELECT id, enterprise_id AS enterpriseId FROM ip_assets LIMIT 1').get() as { id: string; enterpriseId: string };
    const before = listIpAssets(db, { filter: { enterpriseId: one.enterpriseId }, limit: 100 }, TODAY).rows.find((r) => r.id === one.id)!;
    const {
      enterpriseName: _n,
      enterpriseUscc: _u,
      displayNumber: _d,
      assessment: _a,
      createdAt: _ca,
      createdBy: _cb,
      updatedAt: _ua,
      updatedBy: _ub,
      ...input
    } = before;
    saveIpAsset(db, { ...input, title: '一种量子纠缠测距装置' }, ctx, TODAY);
    expect(ipAll('量子纠缠').rows.map((r) => r.id)).toEqual([one.id]);
    expect(ipAll(before.title).rows.map((r) => r.id)).not.toContain(one.id);
    deleteEnterprise(db, one.enterpriseId, ctx);
    expect(ipAll('量子纠缠').rows).toEqual([]);
    const counts = db.prepare('SELECT (SELECT count(*) FROM ip_search), (SELECT count(*) FROM ip_assets)').raw().get() as number[];
    expect(counts[0]).toBe(counts[1]);
  });

  it('lists IP assets with their computed pledgeability', () => {
    const ip = listIpAssets(db, { filter: { kinds: ['invention'], pledged: true }, limit: 5 }, TODAY);
    expect(ip.rows.length).toBeGreaterThan(0);
    for (const a of ip.rows) expect(a.assessment.reasons.map((r) => r.code)).toContain('already_pledged');
  });
});

describe('whitelist', () => {
  it('keeps every status change with who, when and why, and moves the enterprise with it', () => {
    const entry = listEntries(db, { filter: { statuses: ['待走访'] }, limit: 1 }, TODAY).rows[0]!;
    changeStatus(db, { entryId: entry.id, status: '已走访', reason: '首次上门' }, { actor: '李管家', now: '2026-11-22T09:00:00.000Z' });
    changeStatus(db, { entryId: entry.id, status: '推进中', reason: '银行已对接' }, { actor: '李管家', now: '2026-11-22T10:00:00.000Z' });
    expect(statusHistory(db, entry.id).slice(-2)).toEqual([
      { fromStatus: '待走访', toStatus: '已走访', changedBy: '李管家', changedAt: '2026-11-22T09:00:00.000Z', reason: '首次上门' },
      { fromStatus: '已走访', toStatus: '推进中', changedBy: '李管家', changedAt: '2026-11-22T10:00:00.000Z', reason: '银行已对接' },
    ]);
    expect(db.prepare('SELECT wl_status, last_visit_on FROM enterprises WHERE id = ?').get(entry.enterpriseId)).toEqual({
      wl_status: '推进中',
      last_visit_on: '2026-11-22',
    });
    expect(() => changeStatus(db, { entryId: entry.id, status: '推进中', reason: 'x' }, ctx)).toThrow(/状态已是/);
  });

  it('gives the officer overview consistent with the entries', () => {
    const o = officerOverview(db, TODAY, 30);
    const inFunnel = o.funnel.steps[0]!.count;
    expect(inFunnel).toBe(db.prepare('SELECT count(*) FROM enterprises WHERE wl_status IS NOT NULL').pluck().get());
    expect(o.funnel.steps.map((s) => s.count)).toEqual([
      inFunnel,
      ...['已走访、推进中、已放款', '推进中、已放款', '已放款'].map((ss) => all({ statuses: ss.split('、') as never }).total),
    ]);
    expect(o.byDistrict.reduce((s, d) => s + d.whitelisted, 0)).toBe(inFunnel);
    // Enterprises per district are enterprises, once each, whether whitelisted or not.
    expect(o.byDistrict.reduce((s, d) => s + d.enterprises, 0)).toBe(db.prepare('SELECT count(*) FROM enterprises').pluck().get());
    expect(o.bySteward.reduce((s, d) => s + d.enterprises, 0)).toBe(inFunnel);
    expect(o.notVisited.count).toBe(all({ notVisitedForDays: 30, statuses: ['待走访', '已走访', '推进中'] }).total);
  });

  it('deletes an enterprise with its IP and entries, recording each for sync', () => {
    const e = all({ statuses: ['已放款'] }).rows.find((x) => x.ipCount > 0)!;
    const count = (sql: string) => db.prepare(sql).pluck().get(e.id) as number;
    const lines = count(
      'SELECT count(*) FROM whitelist_status_history h JOIN whitelist_entries w ON w.id = h.entry_id WHERE w.enterprise_id = ?',
    );
    const runs = count('SELECT count(*) FROM valuations WHERE enterprise_id = ?');
    deleteEnterprise(db, e.id, ctx);
    expect(db.prepare('SELECT count(*) FROM ip_assets WHERE enterprise_id = ?').pluck().get(e.id)).toBe(0);
    // One mutation in the outbox, naming the enterprise, each of its items, its entry with its status lines, its valuation runs.
    const last = db.prepare('SELECT name, touched FROM outbox ORDER BY seq DESC LIMIT 1').get() as { name: string; touched: string };
    const touched = JSON.parse(last.touched) as { e: string; f: string[] }[];
    expect(last.name).toBe('enterprise.delete');
    expect(touched.map((t) => t.e).sort()).toEqual(
      [
        'enterprise',
        ...Array<string>(e.ipCount).fill('ip_asset'),
        'whitelist_entry',
        ...Array<string>(lines).fill('entry_status'),
        ...Array<string>(runs).fill('valuation'),
      ].sort(),
    );
    expect(touched.every((t) => t.f[0] === '*')).toBe(true);
  });
});
