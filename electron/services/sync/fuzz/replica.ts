/**
 * One desktop of the fuzz run: a real SQLite file opened as the app opens it, signed in to the
 * central service (through the fault proxy), edited through the app's own services, synced with
 * the engine. Every local mutation is noted with what this desktop knew of the record it
 * edits (the server's side of each field when it was made), so the checks can tell a
 * concurrent edit from one made after seeing the other.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { District } from '../../../../shared/domain/districts';
import { ENTRY_STATUSES } from '../../../../shared/domain/whitelist';
import { AppError } from '../../../../shared/errors';
import { ENTITIES, type Entity } from '../../../../shared/sync/entities';
import type { Fields } from '../../../../shared/sync/records';
import type { Role } from '../../../../shared/sync/roles';
import { openDatabase } from '../../db/connection';
import { cliStoreKey } from '../../../cli/db';
import type { Rng } from '../../demo/random';
import { deleteEnterprise, getEnterprise, saveEnterprise } from '../../enterprises/repository';
import { deleteIpAsset, saveIpAsset } from '../../ip/repository';
import { changeStatus, createBatch, saveEntry } from '../../whitelist/repository';
import { listConflicts } from '../conflicts';
import { pullAll, pushAll, syncOnce, type SyncReport } from '../engine';
import { localMutate } from '../local';
import { clientFor, fileVault, login, type TokenVault } from '../session';
import { deviceIdOf } from '../state';
import { getRecord } from '../store';

export interface Account {
  name: string;
  role: Role;
  districts: District[];
  password: string;
}

/** A mutation made on a desktop, and what that desktop knew of the record it edits. */
export interface MutationNote {
  id: string;
  replica: string;
  name: string;
  seq: number;
  /** The record the user edited (null for conflict.resolve, which is written as decided). */
  target: { entity: Entity; id: string } | null;
  /** The server's side of the target as this desktop had it; {} when it did not know the record. */
  parent: Fields;
}

export type SyncKind = 'once' | 'push' | 'pull';

export interface Pools {
  uscc: string[];
  ipNumbers: string[];
  batchNames: string[];
}

const NEW_REPORT = (): SyncReport => ({ pushed: 0, pulled: 0, applied: 0, rejected: 0, conflicts: 0 });
const now = () => new Date().toISOString();

/** The server's side of a local record: its shadow where a change of ours is unsent. */
function serverSide(db: Database, entity: Entity, id: string): Fields {
  const r = getRecord(db, entity, id);
  if (!r || !r.known) return {};
  if (r.shadow?.deleted === true || (r.deleted && r.shadow?.deleted === undefined)) return {};
  return { ...r.data, ...(r.shadow?.fields ?? {}) };
}

export class Replica {
  db: Database;
  readonly vault: TokenVault;
  deviceId = '';
  busy: Promise<void> | null = null;
  readonly notes: MutationNote[] = [];
  /** Errors of syncs that were not the network's (each one a finding). */
  readonly unexpected: string[] = [];
  readonly offline = { count: 0 };
  /** The report of the last sync that completed. */
  lastReport: SyncReport | null = null;

  constructor(
    readonly tag: string,
    readonly file: string,
    readonly account: Account,
    private readonly trace: (line: string) => void,
  ) {
    // Keyed as the CLI keys it (the folder's db.key), since the CLI syncs these same files.
    this.db = openDatabase({ file, key: cliStoreKey(file) }).db;
    this.vault = fileVault(`${file}.session`);
  }

  async signIn(server: string): Promise<void> {
    await login(this.db, this.vault, server, this.account.name, this.account.password);
    this.deviceId = deviceIdOf(this.db);
  }

  close(): void {
    this.db.close();
  }

  reopen(): void {
    this.db = openDatabase({ file: this.file, key: cliStoreKey(this.file) }).db;
  }

  /** One sync of this desktop, never two at once (as the app runs them). */
  sync(kind: SyncKind, opts: { pageSize?: number; allowMassRemoval?: boolean } = {}): Promise<void> {
    const run = async () => {
      const client = clientFor(this.db, this.vault);
      const report = NEW_REPORT();
      this.lastReport = null;
      try {
        if (kind === 'once') Object.assign(report, await syncOnce(this.db, client, opts));
        else if (kind === 'push') await pushAll(this.db, client, report, opts);
        else await pullAll(this.db, client, report, opts);
        this.lastReport = report;
        this.trace(`${this.tag} sync ${kind} ${JSON.stringify(report)}`);
      } catch (err) {
        if (err instanceof AppError && err.code === 'OFFLINE') {
          this.offline.count++;
          this.trace(`${this.tag} sync ${kind} offline`);
          return;
        }
        const what =
          err instanceof AppError ? `${err.code}: ${err.message}` : err instanceof Error ? (err.stack ?? err.message) : String(err);
        this.unexpected.push(`${this.tag} sync ${kind}: ${what}`);
        this.trace(`${this.tag} sync ${kind} FAILED ${what}`);
      }
    };
    const previous = this.busy ?? Promise.resolve();
    const mine = previous.then(run);
    this.busy = mine;
    void mine.finally(() => {
      if (this.busy === mine) this.busy = null;
    });
    return mine;
  }

  async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  private lastSeq(): number {
    return (this.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
  }

  /**
   * Runs one edit through the app's services and notes the mutation it queued, if any. A local
   * refusal (the services' own checks) is an ordinary outcome: nothing was queued.
   */
  private edit(what: string, target: { entity: Entity; id: string } | null, fn: () => void): void {
    const parent = target ? serverSide(this.db, target.entity, target.id) : {};
    const before = Math.max(this.lastSeq(), this.maxNotedSeq());
    try {
      fn();
    } catch (err) {
      if (err instanceof AppError) {
        this.trace(`${this.tag} ${what}: refused here (${err.code} ${err.message})`);
        return;
      }
      throw err;
    }
    const rows = this.db.prepare('SELECT seq, id, name FROM outbox WHERE seq > ? ORDER BY seq').all(before) as {
      seq: number;
      id: string;
      name: string;
    }[];
    for (const r of rows) this.notes.push({ id: r.id, replica: this.tag, name: r.name, seq: r.seq, target, parent });
    this.trace(`${this.tag} ${what}${rows.length ? ` → #${rows.map((r) => r.seq).join(',')}` : ' (no change)'}`);
  }

  private maxNotedSeq(): number {
    return this.notes.reduce((m, n) => Math.max(m, n.seq), 0);
  }

  private live(table: string, where = ''): string[] {
    return this.db.prepare(`SELECT id FROM ${table} ${where} ORDER BY id`).pluck().all() as string[];
  }

  /** One random edit, as a person at this desktop would make it. */
  randomEdit(rng: Rng, unique: () => string, pools: Pools): void {
    const enterprises = this.live('enterprises');
    const ips = this.live('ip_assets');
    const entries = this.live('whitelist_entries');
    const batches = this.live('whitelist_batches');
    const officer = this.account.role === 'officer';
    const op = rng.weighted([
      ['enterprise.create', enterprises.length < 4 ? 4 : 1.2],
      ['enterprise.edit', enterprises.length ? 6 : 0],
      ['enterprise.uscc', enterprises.length ? 0.6 : 0],
      ['enterprise.move', enterprises.length && this.account.districts.length > 1 ? 0.5 : 0],
      ['enterprise.delete', enterprises.length > 2 ? 0.5 : 0],
      ['ip.create', enterprises.length ? 1.5 : 0],
      ['ip.edit', ips.length ? 2 : 0],
      ['ip.delete', ips.length ? 0.4 : 0],
      ['batch.create', officer ? (batches.length ? 0.3 : 2) : 0],
      ['entry.create', officer && batches.length && enterprises.length ? 1.5 : 0],
      ['entry.status', entries.length ? 2 : 0],
      ['conflict.resolve', listConflicts(this.db).length ? 1.5 : 0],
    ] as const);
    const who = { actor: this.account.name, now: now() };
    const district = (): District =>
      // Now and then a district the user does not hold: the server refuses it, the desktop undoes it.
      rng.chance(0.06) ? (this.account.districts[0] === '南山' ? '光明' : '南山') : rng.pick(this.account.districts);
    switch (op) {
      case 'enterprise.create': {
        const uscc = rng.pick(pools.uscc);
        return this.edit(`enterprise.create ${uscc}`, null, () =>
          saveEnterprise(this.db, { name: `深圳市${unique()}科技有限公司`, uscc, district: district(), notes: unique() }, who),
        );
      }
      case 'enterprise.edit':
      case 'enterprise.uscc':
      case 'enterprise.move': {
        const id = rng.pick(enterprises);
        const patch: Record<string, unknown> = {};
        if (op === 'enterprise.uscc') patch.uscc = rng.pick(pools.uscc);
        else if (op === 'enterprise.move') patch.district = district();
        else
          for (const f of ['notes', 'street', 'address', 'industry', 'employees', 'name'] as const)
            if (rng.chance(f === 'notes' ? 0.6 : 0.3))
              patch[f] = f === 'employees' ? Number(unique().replace(/\D/g, '')) : f === 'name' ? `深圳市${unique()}有限公司` : unique();
        if (!Object.keys(patch).length) patch.notes = unique();
        return this.edit(`${op} ${id.slice(-6)} ${JSON.stringify(patch)}`, { entity: 'enterprise', id }, () => {
          const e = getEnterprise(this.db, id) as unknown as Record<string, unknown>;
          const input = { id, ...Object.fromEntries(ENTITIES.enterprise.fields.map((f) => [f, e[f]])), ...patch };
          saveEnterprise(this.db, input as Parameters<typeof saveEnterprise>[1], who);
        });
      }
      case 'enterprise.delete': {
        const id = rng.pick(enterprises);
        return this.edit(`enterprise.delete ${id.slice(-6)}`, { entity: 'enterprise', id }, () => deleteEnterprise(this.db, id, who));
      }
      case 'ip.create': {
        const enterpriseId = rng.pick(enterprises);
        const number = rng.pick(pools.ipNumbers);
        return this.edit(`ip.create ${number} on ${enterpriseId.slice(-6)}`, null, () =>
          saveIpAsset(
            this.db,
            { enterpriseId, kind: 'trademark', number, title: unique(), registrationDate: '2020-01-01', ipcClass: unique() },
            who,
            who.now.slice(0, 10),
          ),
        );
      }
      case 'ip.edit': {
        const id = rng.pick(ips);
        const patch: Record<string, unknown> = rng.chance(0.15)
          ? { number: rng.pick(pools.ipNumbers) }
          : rng.chance(0.5)
            ? { title: unique() }
            : { ipcClass: unique(), ...(rng.chance(0.4) ? { title: unique() } : {}) };
        return this.edit(`ip.edit ${id.slice(-6)} ${JSON.stringify(patch)}`, { entity: 'ip_asset', id }, () => {
          const r = getRecord(this.db, 'ip_asset', id);
          if (!r || r.deleted) throw new AppError('NOT_FOUND', 'gone');
          saveIpAsset(this.db, { id, ...(r.data as object), ...patch } as Parameters<typeof saveIpAsset>[1], who, who.now.slice(0, 10));
        });
      }
      case 'ip.delete': {
        const id = rng.pick(ips);
        return this.edit(`ip.delete ${id.slice(-6)}`, { entity: 'ip_asset', id }, () => deleteIpAsset(this.db, id, who));
      }
      case 'batch.create': {
        const name = rng.pick(pools.batchNames);
        return this.edit(`batch.create ${name}`, null, () =>
          createBatch(this.db, { name, district: rng.pick(this.account.districts), surveyedOn: '2026-01-05', source: unique() }, who),
        );
      }
      case 'entry.create': {
        const batchId = rng.pick(batches);
        const enterpriseId = rng.pick(enterprises);
        return this.edit(`entry.create ${batchId.slice(-6)}/${enterpriseId.slice(-6)}`, null, () =>
          saveEntry(this.db, { batchId, enterpriseId, steward: unique(), priority: rng.int(1, 3) }, who),
        );
      }
      case 'entry.status': {
        const entryId = rng.pick(entries);
        const status = rng.pick(ENTRY_STATUSES);
        return this.edit(`entry.status ${entryId.slice(-6)} → ${status}`, { entity: 'whitelist_entry', id: entryId }, () =>
          changeStatus(this.db, { entryId, status, reason: unique() }, who),
        );
      }
      case 'conflict.resolve': {
        const c = rng.pick(listConflicts(this.db));
        const free = ['notes', 'street', 'address', 'industry', 'title', 'ipcClass'].includes(c.field);
        const take = rng.pick(free ? (['mine', 'theirs', 'value'] as const) : (['mine', 'theirs'] as const));
        const args = take === 'value' ? { id: c.id, take, value: unique() } : { id: c.id, take };
        return this.edit(`conflict.resolve ${c.field} ${take}`, null, () => localMutate(this.db, 'conflict.resolve', args, who));
      }
    }
  }
}
