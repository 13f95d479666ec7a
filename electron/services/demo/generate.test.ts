import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { openDatabase } from '../db/connection';
import { generateDemo } from './generate';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const TODAY = '2026-11-20';
const ctx = { actor: '演示', now: '2026-11-20T02:00:00.000Z' };

describe('demo data', () => {
  it('loaded a second time leaves every row the user changed exactly as it was', () => {
    const { db } = openDatabase({ file: path.join(tmp.dir, 'demo.sqlite') });
    const first = generateDemo(db, { enterprises: 40, seed: 3, today: TODAY, ctx });
    expect(first.kept).toBe(0);
    // The user moves an entry on, records a visit date, and renames an enterprise and a patent.
    const entry = db.prepare("SELECT id, enterprise_id AS enterpriseId FROM whitelist_entries WHERE status = '待走访' LIMIT 1").get() as {
      id: string;
      enterpriseId: string;
    };
    db.prepare("UPDATE whitelist_entries SET status = '推进中', last_visit_on = '2026-11-19', updated_by = '李管家' WHERE id = ?").run(
      entry.id,
    );
    db.prepare("UPDATE enterprises SET notes = '用户备注', street = '自填街道' WHERE id = ?").run(entry.enterpriseId);
    const asset = db.prepare('SELECT id FROM ip_assets LIMIT 1').pluck().get() as string;
    db.prepare("UPDATE ip_assets SET title = '用户改过的名称', fee_paid_through = '2027-01-01' WHERE id = ?").run(asset);
    const snapshot = () => ({
      enterprises: db.prepare('SELECT * FROM enterprises ORDER BY id').all(),
      ip: db.prepare('SELECT * FROM ip_assets ORDER BY id').all(),
      entries: db.prepare('SELECT * FROM whitelist_entries ORDER BY id').all(),
    });
    const before = snapshot();

    const again = generateDemo(db, { enterprises: 40, seed: 3, today: TODAY, ctx: { actor: '演示', now: '2026-11-21T02:00:00.000Z' } });
    expect(again).toMatchObject({ enterprises: 0, ipAssets: 0, entries: 0 });
    expect(again.kept).toBe(first.enterprises + first.ipAssets + first.entries);
    expect(snapshot()).toEqual(before);
    expect(db.prepare('SELECT status, last_visit_on FROM whitelist_entries WHERE id = ?').get(entry.id)).toEqual({
      status: '推进中',
      last_visit_on: '2026-11-19',
    });

    // More demo data (another seed) only adds rows.
    const more = generateDemo(db, { enterprises: 10, seed: 99, today: TODAY, ctx });
    expect(more.enterprises).toBeGreaterThan(0);
    expect(db.prepare('SELECT title FROM ip_assets WHERE id = ?').pluck().get(asset)).toBe('用户改过的名称');
    db.close();
  });
});
