/**
 * The state a push batch decides on: records loaded from the database (locked FOR UPDATE, so
 * no other process changes them until this batch commits), overlaid with what earlier
 * mutations of the batch wrote. decide() is synchronous and pure; when it asks for something
 * not loaded yet, the reader throws Missing, the batch loads it, and decide() runs again.
 */
import type { District } from '../../shared/domain/districts';
import type { Entity } from '../../shared/sync/entities';
import type { Fields, StateReader, SyncRecord } from '../../shared/sync/records';
import { lookupColumn } from '../../shared/sync/lookup';
import type { Queryable } from '../db/types';

export type Need =
  { kind: 'record'; entity: Entity; id: string } | { kind: 'children' | 'find'; entity: Entity; field: string; value: string };

export class Missing extends Error {
  constructor(readonly need: Need) {
    super('state not loaded');
  }
}

/** A record as the batch holds it: where it hangs and what this batch changed. */
export interface HeldRecord extends SyncRecord {
  rootId: string | null;
  /** Fields written by this batch (their versions are assigned when the batch is written). */
  touched?: Set<string>;
}

/** Written in this batch but not yet numbered; any real version is smaller. */
export const PENDING_VERSION = Number.MAX_SAFE_INTEGER;

const key = (entity: string, id: string) => `${entity}/${id}`;
const queryKey = (n: { entity: string; field: string; value: string }) => `${n.entity}|${n.field}|${n.value}`;

interface Row {
  entity: Entity;
  id: string;
  district: string | null;
  root_id: string | null;
  data: Fields;
  versions: Record<string, number>;
  origins: Record<string, string>;
  deleted: boolean;
}

const SELECT = 'SELECT entity, id, district, root_id, data, versions, origins, deleted FROM records';

export class BatchState implements StateReader {
  private readonly loaded = new Map<string, HeldRecord | null>();
  private readonly lists = new Map<string, string[]>();
  readonly pending = new Map<string, HeldRecord>();
  /** The live records the last decide() read: each must be in the user's scope. */
  readonly seen = new Map<string, SyncRecord>();

  constructor(private readonly tx: Queryable) {}

  get(entity: Entity, id: string): HeldRecord | null {
    const k = key(entity, id);
    const p = this.pending.get(k);
    if (p) return this.saw(p);
    if (!this.loaded.has(k)) throw new Missing({ kind: 'record', entity, id });
    return this.saw(this.loaded.get(k)!);
  }

  private saw<R extends SyncRecord | null>(r: R): R {
    if (r && !r.deleted) this.seen.set(key(r.entity, r.id), r);
    return r;
  }

  children(entity: Entity, field: string, value: string): SyncRecord[] {
    const q = queryKey({ entity, field, value });
    const ids = this.lists.get(q);
    if (!ids) throw new Missing({ kind: 'children', entity, field, value });
    const found = new Map<string, SyncRecord>();
    for (const id of ids) {
      const r = this.get(entity, id);
      if (r && !r.deleted && r.data[field] === value) found.set(id, r);
    }
    // Records this batch created or moved under the parent.
    for (const r of this.pending.values()) if (r.entity === entity && !r.deleted && r.data[field] === value) found.set(r.id, this.saw(r));
    return [...found.values()];
  }

  findBy(entity: Entity, field: string, value: string): SyncRecord | null {
    const q = queryKey({ entity, field, value });
    const ids = this.lists.get(`find:${q}`);
    if (!ids) throw new Missing({ kind: 'find', entity, field, value });
    for (const r of this.pending.values()) if (r.entity === entity && !r.deleted && r.data[field] === value) return this.saw(r);
    for (const id of ids) {
      const r = this.get(entity, id);
      if (r && !r.deleted && r.data[field] === value) return r;
    }
    return null;
  }

  /**
   * Who last wrote `field` of a record, and when, for a conflict a person reads: the device's
   * user (the version stamp keeps only the device) and the last audit line naming the field.
   */
  async lastWriter(entity: Entity, id: string, field: string, deviceId: string | null): Promise<{ by: string | null; at: string | null }> {
    const line = (
      await this.tx.query<{ user_name: string; at: Date | string }>(
        `SELECT user_name, at FROM audit WHERE entity = $1 AND record_id = $2 AND (after IS NULL OR $3 = '*' OR jsonb_exists(after::jsonb, $3))
          ORDER BY id DESC LIMIT 1`,
        [entity, id, field],
      )
    ).rows[0];
    const owner = deviceId
      ? (await this.tx.query<{ name: string }>('SELECT u.name FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $1', [deviceId]))
          .rows[0]
      : undefined;
    const at = line ? new Date(line.at).toISOString() : null;
    return { by: owner?.name ?? line?.user_name ?? null, at };
  }

  /** Loads what decide() asked for (and locks the rows). */
  async load(need: Need): Promise<void> {
    if (need.kind === 'record') return this.loadKeys([{ entity: need.entity, id: need.id }]);
    const column = lookupColumn(need.entity, need.field);
    const rows = (
      await this.tx.query<Row>(`${SELECT} WHERE entity = $1 AND ${column} = $2 AND NOT deleted ORDER BY id FOR UPDATE`, [
        need.entity,
        need.value,
      ])
    ).rows;
    for (const r of rows) this.hold(r);
    this.lists.set(
      `${need.kind === 'find' ? 'find:' : ''}${queryKey(need)}`,
      rows.map((r) => r.id),
    );
  }

  /** Unique-key lookups of many mutations at once: one query per entity and field. */
  async loadFinds(finds: readonly { entity: Entity; field: string; value: string }[]): Promise<void> {
    const groups = new Map<string, { entity: Entity; field: string; values: Set<string> }>();
    for (const f of finds) {
      if (this.lists.has(`find:${queryKey(f)}`)) continue;
      const g = groups.get(`${f.entity}|${f.field}`) ?? { entity: f.entity, field: f.field, values: new Set<string>() };
      g.values.add(f.value);
      groups.set(`${f.entity}|${f.field}`, g);
    }
    for (const g of groups.values()) {
      const values = [...g.values];
      const column = lookupColumn(g.entity, g.field);
      const rows = (
        await this.tx.query<Row>(`${SELECT} WHERE entity = $1 AND ${column} = ANY($2::text[]) AND NOT deleted ORDER BY id FOR UPDATE`, [
          g.entity,
          values,
        ])
      ).rows;
      for (const r of rows) this.hold(r);
      for (const v of values)
        this.lists.set(
          `find:${queryKey({ entity: g.entity, field: g.field, value: v })}`,
          rows.filter((r) => r.data[g.field] === v).map((r) => r.id),
        );
    }
  }

  /** Loads (and locks) these records in one query; those that do not exist are remembered as absent. */
  async loadKeys(keys: readonly { entity: Entity; id: string }[]): Promise<void> {
    const wanted = [...new Map(keys.map((k) => [key(k.entity, k.id), k])).values()].filter(
      (k) => !this.loaded.has(key(k.entity, k.id)) && !this.pending.has(key(k.entity, k.id)),
    );
    if (wanted.length === 0) return;
    const rows = (
      await this.tx.query<Row>(
        `${SELECT} WHERE (entity, id) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY entity, id FOR UPDATE`,
        [wanted.map((k) => k.entity), wanted.map((k) => k.id)],
      )
    ).rows;
    for (const k of wanted) this.loaded.set(key(k.entity, k.id), null);
    for (const r of rows) this.hold(r);
  }

  private hold(r: Row): void {
    const k = key(r.entity, r.id);
    if (this.pending.has(k)) return;
    this.loaded.set(k, {
      entity: r.entity,
      id: r.id,
      data: r.data,
      versions: r.versions,
      origins: r.origins,
      district: r.district as District | null,
      deleted: r.deleted,
      rootId: r.root_id,
    });
  }

  /** Puts a record's new state in the overlay. */
  stage(record: HeldRecord): void {
    this.pending.set(key(record.entity, record.id), record);
  }

  /** Runs a synchronous reader until it has everything it needs (what it read is in `seen`). */
  async settle<T>(read: () => T): Promise<T> {
    for (let round = 0; ; round++) {
      this.seen.clear();
      try {
        return read();
      } catch (err) {
        if (!(err instanceof Missing) || round > 50) throw err;
        await this.load(err.need);
      }
    }
  }
}
