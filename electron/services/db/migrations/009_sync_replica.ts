import { ENTITIES } from '../../../../shared/sync/entities';
import { lookupValues } from '../../../../shared/sync/lookup';
import type { Fields } from '../../../../shared/sync/records';
import { newId } from '../../ids';
import { CODECS, decode } from '../../sync/codecs';
import { UPLOAD_ORDER } from '../../sync/upload-order';
import type { Migration } from './types';

/**
 * The sync replica and the outbox, replacing change_log (which kept only ids). Every row of
 * the tables becomes a record of sync_records, and — since none of it has reached a server —
 * one `record.upload` entry of the outbox each, parents first, so the first sync sends all of
 * it. Audit lines and whitelist status lines get a text id (sync_id) that is the same on every
 * device. No row of any table is changed or dropped.
 */
export const m009SyncReplica: Migration = {
  version: 9,
  name: 'sync replica, outbox',
  up(db) {
    db.exec(`
      ALTER TABLE whitelist_status_history ADD COLUMN sync_id TEXT;
      ALTER TABLE case_events ADD COLUMN sync_id TEXT;

      CREATE TABLE sync_records (
        entity     TEXT NOT NULL,
        id         TEXT NOT NULL,
        data       TEXT NOT NULL,
        versions   TEXT NOT NULL DEFAULT '{}',
        shadow     TEXT,
        known      INTEGER NOT NULL DEFAULT 0,
        deleted    INTEGER NOT NULL DEFAULT 0,
        district   TEXT,
        parent_id  TEXT,
        lookup_key TEXT,
        PRIMARY KEY (entity, id)
      ) STRICT;
      CREATE INDEX sync_records_parent ON sync_records (entity, parent_id) WHERE parent_id IS NOT NULL;
      CREATE INDEX sync_records_key ON sync_records (entity, lookup_key) WHERE lookup_key IS NOT NULL;
      CREATE INDEX sync_records_district ON sync_records (district);

      -- seq is the device's mutation number: AUTOINCREMENT never reuses one after a delete.
      CREATE TABLE outbox (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        id      TEXT NOT NULL UNIQUE,
        name    TEXT NOT NULL,
        args    TEXT NOT NULL,
        base    TEXT NOT NULL DEFAULT '{}',
        at      TEXT NOT NULL,
        today   TEXT NOT NULL,
        actor   TEXT NOT NULL,
        touched TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE TABLE outbox_touch (
        seq    INTEGER NOT NULL REFERENCES outbox (seq) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        id     TEXT NOT NULL,
        PRIMARY KEY (entity, id, seq)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX outbox_touch_seq ON outbox_touch (seq);

      CREATE TABLE sync_rejections (
        id       TEXT PRIMARY KEY NOT NULL,
        seq      INTEGER NOT NULL,
        name     TEXT NOT NULL,
        args     TEXT NOT NULL,
        reasons  TEXT NOT NULL,
        made_at  TEXT NOT NULL,
        actor    TEXT NOT NULL,
        at       TEXT NOT NULL,
        dismissed INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE sync_state (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
    const deviceId = newId();
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('deviceId', ?)").run(deviceId);
    db.prepare("UPDATE whitelist_status_history SET sync_id = ? || '.s' || id").run(deviceId);
    db.prepare("UPDATE case_events SET sync_id = ? || '.e' || seq").run(deviceId);
    db.exec(`
      CREATE UNIQUE INDEX whitelist_status_history_sync ON whitelist_status_history (sync_id);
      CREATE UNIQUE INDEX case_events_sync ON case_events (sync_id);
    `);

    const put = db.prepare('INSERT INTO sync_records (entity, id, data, district, parent_id, lookup_key) VALUES (?, ?, ?, ?, ?, ?)');
    const enqueue = db.prepare("INSERT INTO outbox (id, name, args, at, today, actor, touched) VALUES (?, 'record.upload', ?, ?, ?, ?, ?)");
    const touch = db.prepare('INSERT INTO outbox_touch (seq, entity, id) VALUES (?, ?, ?)');
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const steward = db.prepare("SELECT value FROM settings WHERE key = 'stewardName'").pluck().get() as string | undefined;
    const actor = (steward && (JSON.parse(steward) as string)) || '本机用户';
    const caseItems = db.prepare('SELECT ip_asset_id FROM case_items WHERE case_id = ?').pluck();
    const districts = new Map<string, string | null>();
    for (const entity of UPLOAD_ORDER) {
      const codec = CODECS[entity];
      const scope = ENTITIES[entity].scope as { field?: string; via?: string };
      for (const row of db.prepare(`SELECT * FROM ${codec.table}`).all() as Record<string, unknown>[]) {
        const id = String(row[codec.idColumn]);
        const data: Fields = decode(codec, row);
        if (entity === 'case') data.items = caseItems.all(id);
        if (entity === 'valuation') Object.assign(data, valuationExtras(data));
        if (entity === 'catalog') data.products = data.products ?? [];
        const district = scope.field ? (data[scope.field] as string) : (districts.get(String(data[scope.via ?? ''])) ?? null);
        districts.set(id, district);
        const l = lookupValues(entity, data);
        put.run(entity, id, JSON.stringify(data), district, l.parent_id, l.lookup_key);
        const mutationId = newId();
        const { lastInsertRowid } = enqueue.run(
          mutationId,
          JSON.stringify({ entity, id, fields: data }),
          now,
          today,
          actor,
          JSON.stringify([{ e: entity, id, f: Object.keys(data), created: true }]),
        );
        touch.run(lastInsertRowid, entity, id);
      }
    }
    db.exec('DROP TABLE change_log');
  },
};

/** What a stored run's record carries beside its columns: each item's value and the product it was valued for. */
function valuationExtras(data: Fields): Fields {
  const input = (data.input ?? {}) as { request?: { items?: { ipAssetId: string }[]; productId?: string } };
  const result = (data.result ?? {}) as { shares?: number[]; totalFen?: number };
  const items = input.request?.items ?? [];
  const totalFen = Number(result.totalFen ?? data.totalFen ?? 0);
  const shares = result.shares ?? [];
  return {
    productId: input.request?.productId ?? null,
    itemValues: Object.fromEntries(items.map((it, n) => [it.ipAssetId, Math.round((shares[n] ?? 0) * totalFen)])),
  };
}
