import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MUTATIONS } from '../../../../shared/sync/mutations';
import { usccFor } from '../../../../test/support/sheets';
import { tempDir } from '../../../../test/support/temp';
import { getRecord } from '../../sync/store';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const AT = '2026-05-01T00:00:00.000Z';

describe('migration 9: the sync replica and the outbox replace change_log', () => {
  it('turns every row into a record with one upload each, parents first, and changes no row', () => {
    const db = new BetterSqlite3(path.join(tmp.dir, 'm9.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 8), () => null);
    // Raw rows as a version-8 app wrote them.
    db.prepare(
      `INSERT INTO enterprises (id, name, uscc, district, qualifications, contacts, created_by, created_at, updated_by, updated_at)
       VALUES ('e1', '深圳市迁移九科技有限公司', ?, '光明', 1, '[{"name":"王","phone":"13800000000"}]', 't', ?, 't', ?)`,
    ).run(usccFor(901), AT, AT);
    db.prepare(
      `INSERT INTO ip_assets (id, enterprise_id, kind, number, title, legal_status, pledged, created_by, created_at, updated_by, updated_at)
       VALUES ('a1', 'e1', 'invention', 'ZL201710000001.5', '一种方法', 'granted', 1, 't', ?, 't', ?)`,
    ).run(AT, AT);
    db.prepare(
      "INSERT INTO whitelist_batches (id, name, district, surveyed_on, created_by, created_at) VALUES ('b1', '光明 2026', '光明', '2026-03-01', 't', ?)",
    ).run(AT);
    db.prepare(
      "INSERT INTO whitelist_entries (id, batch_id, enterprise_id, status, created_by, created_at, updated_by, updated_at) VALUES ('w1', 'b1', 'e1', '待走访', 't', ?, 't', ?)",
    ).run(AT, AT);
    db.prepare("INSERT INTO whitelist_status_history (entry_id, to_status, changed_by, changed_at) VALUES ('w1', '待走访', 't', ?)").run(
      AT,
    );
    db.prepare(
      "INSERT INTO cases (id, enterprise_id, stage, confirmations, created_by, created_at, updated_by, updated_at) VALUES ('c1', 'e1', 'registration', '{\"a\":true}', 't', ?, 't', ?)",
    ).run(AT, AT);
    db.prepare("INSERT INTO case_items (case_id, ip_asset_id) VALUES ('c1', 'a1')").run();
    db.prepare("INSERT INTO case_events (case_id, at, actor, action, summary) VALUES ('c1', ?, 't', 'create', '新建')").run(AT);
    db.prepare("INSERT INTO change_log (entity, entity_id, op, at) VALUES ('enterprise', 'e1', 'upsert', ?)").run(AT);
    const tables = [
      'enterprises',
      'ip_assets',
      'whitelist_batches',
      'whitelist_entries',
      'whitelist_status_history',
      'cases',
      'case_items',
      'case_events',
    ];
    const before = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all()]));

    migrate(db, MIGRATIONS.slice(0, 9), () => null);
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]).map(({ sync_id: _s, ...r }) => r);
      expect(rows, t).toEqual(before[t]);
    }
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'change_log'").get()).toBeUndefined();

    const deviceId = db.prepare("SELECT value FROM sync_state WHERE key = 'deviceId'").pluck().get() as string;
    expect(db.prepare('SELECT sync_id FROM case_events').pluck().get()).toBe(`${deviceId}.e1`);
    expect(getRecord(db, 'enterprise', 'e1')).toMatchObject({
      district: '光明',
      known: false,
      deleted: false,
      data: { name: '深圳市迁移九科技有限公司', qualifications: ['高新技术企业'], contacts: [{ name: '王', phone: '13800000000' }] },
    });
    expect(getRecord(db, 'ip_asset', 'a1')).toMatchObject({ district: '光明', data: { enterpriseId: 'e1', pledged: true, owners: [] } });
    expect(getRecord(db, 'case', 'c1')?.data).toMatchObject({ items: ['a1'], confirmations: { a: true }, stage: 'registration' });

    // One upload per record, in an order where each parent comes before what hangs off it.
    const outbox = db.prepare('SELECT name, args FROM outbox ORDER BY seq').all() as { name: string; args: string }[];
    const sent = outbox.map((o) => JSON.parse(o.args) as { entity: string; id: string; fields: object });
    expect(outbox.every((o) => o.name === 'record.upload')).toBe(true);
    expect(sent.map((s) => s.entity)).toEqual([
      'enterprise',
      'ip_asset',
      'whitelist_batch',
      'whitelist_entry',
      'entry_status',
      'case',
      'case_event',
    ]);
    // Each would pass the server's own argument check.
    for (const s of sent) expect(MUTATIONS.get('record.upload')!.args.safeParse(s).success, s.entity).toBe(true);
  });
});
