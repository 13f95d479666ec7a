/**
 * A write made on this desktop: the shared mutation decides it on the local replica (the same
 * decide() the server runs again on its state), its writes go into the replica and the tables,
 * and the mutation goes into the outbox with the version each changed field was based on — all
 * in one transaction, so a crash leaves either all of it or none.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { CompensationPool } from '../../../shared/schemas/loan';
import type { Policy } from '../../../shared/schemas/policy';
import { MUTATIONS, type DecideContext } from '../../../shared/sync/mutations';
import { fieldStamp, recordKey, type Fields, type Write } from '../../../shared/sync/records';
import type { Role } from '../../../shared/sync/roles';
import { roleProblem } from '../../../shared/sync/scope';
import type { BankProduct } from '../../../shared/types/valuation';
import { newId } from '../ids';
import { cachedStatement } from '../sql';
import { projectDelete, projectUpsert, projectWaiting, rowStamp } from './project';
import { districtOf, getRecord, localState, placeDescendants, putRecord, type LocalRecord, type Shadow } from './store';

export interface MutateContext {
  /** The signed-in user (role null before anyone signed in on this database). */
  user: { name: string; role: Role | null };
  now: string;
  today: string;
  products: readonly BankProduct[];
  policy(id: string): Policy;
  pool(id: string): CompensationPool;
}

/** What one outbox entry changed: fields per record ('*' for a delete), and whether it created the record. */
export interface Touch {
  e: Write['entity'];
  id: string;
  f: string[];
  created: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function refusal(reasons: string[], issues?: { path: string; message: string }[]): AppError {
  const message = reasons.join('；');
  if (issues?.length) return new AppError('INVALID_INPUT', message, issues);
  return new AppError(/不存在|已被删除/.test(message) ? 'NOT_FOUND' : 'CONFLICT', message);
}

/** Applies one write to the replica and the tables; returns what it touched and the base versions. */
function applyLocal(
  db: Database,
  w: Write,
  stamp: { actor: string; now: string },
): { touch: Touch | null; base: Record<string, number> | null } {
  const cur = getRecord(db, w.entity, w.id);
  const shadow: Shadow = { fields: { ...(cur?.shadow?.fields ?? {}) }, deleted: cur?.shadow?.deleted, at: cur?.shadow?.at };
  const versionsOf = (fields: string[]) =>
    cur?.known && w.checked ? Object.fromEntries(fields.map((f) => [f, fieldStamp(cur.versions, f) ?? 0])) : null;
  if (w.op === 'delete') {
    if (!cur || cur.deleted) return { touch: null, base: null };
    if (cur.known && shadow.deleted === undefined) shadow.deleted = false;
    if (cur.known) shadow.at ??= rowStamp(db, w.entity, w.id) ?? undefined;
    putRecord(db, { ...cur, deleted: true, shadow });
    projectDelete(db, w.entity, w.id);
    return { touch: { e: w.entity, id: w.id, f: ['*'], created: false }, base: versionsOf(Object.keys(cur.data)) };
  }
  const before: Fields = cur?.data ?? {};
  const changed = Object.keys(w.fields).filter((f) => !cur || cur.deleted || !same(before[f], w.fields[f]));
  if (cur && !cur.deleted && changed.length === 0) return { touch: null, base: null };
  if (cur?.known) {
    shadow.at ??= cur.shadow?.at ?? rowStamp(db, w.entity, w.id) ?? undefined;
    for (const f of changed) if (!(f in shadow.fields)) shadow.fields[f] = before[f] ?? null;
    // Typed after the pull that brought the server's value: this change is the newer one.
    const newer = cur.shadow?.newer?.filter((f) => !changed.includes(f));
    if (newer?.length) shadow.newer = newer;
    if (cur.deleted && shadow.deleted === undefined) shadow.deleted = true;
  }
  const data = { ...before, ...w.fields };
  const next: LocalRecord = {
    entity: w.entity,
    id: w.id,
    data,
    versions: cur?.versions ?? {},
    district: districtOf(db, w.entity, data),
    deleted: false,
    known: cur?.known ?? false,
    shadow,
  };
  putRecord(db, next);
  if (cur && cur.district !== next.district) placeDescendants(db, w.entity, w.id, next.district);
  projectUpsert(db, w.entity, w.id, data, stamp);
  return { touch: { e: w.entity, id: w.id, f: changed, created: !cur }, base: versionsOf(Object.keys(w.fields)) };
}

/**
 * Runs the named mutation locally. Refused (by the role, the arguments or decide()) → an
 * AppError with the reasons in Chinese, and nothing written. Returns the mutation's id.
 */
export function mutate(db: Database, name: string, args: unknown, ctx: MutateContext): { mutationId: string; writes: Write[] } {
  const def = MUTATIONS.get(name);
  if (!def) throw new AppError('UNKNOWN_METHOD', `未知的操作：${name}`);
  if (ctx.user.role) {
    const problem = roleProblem({ role: ctx.user.role }, def);
    if (problem) throw new AppError('FORBIDDEN', problem);
  }
  const parsed = def.args.safeParse(args);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      parsed.error.issues.map((i) => i.message).join('；'),
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const mutationId = newId();
  const dctx: DecideContext = {
    user: { name: ctx.user.name, role: ctx.user.role ?? 'steward' },
    mutationId,
    today: ctx.today,
    now: ctx.now,
    products: ctx.products,
    policy: ctx.policy,
    pool: ctx.pool,
  };
  return db
    .transaction(() => {
      const decision = def.decide(parsed.data, localState(db), dctx);
      if (!decision.ok) throw refusal(decision.reasons, decision.issues);
      const touched: Touch[] = [];
      const base: Record<string, Record<string, number>> = {};
      const stamp = { actor: ctx.user.name, now: ctx.now };
      for (const w of decision.writes) {
        const { touch, base: b } = applyLocal(db, w, stamp);
        if (touch) touched.push(touch);
        if (b) base[recordKey(w.entity, w.id)] = { ...base[recordKey(w.entity, w.id)], ...b };
      }
      if (touched.length)
        enqueue(db, { id: mutationId, name, args: parsed.data, base, at: ctx.now, today: ctx.today, actor: ctx.user.name, touched });
      // An edit that gave up a key (a credit code changed) frees it for a pulled record waiting for it.
      projectWaiting(db);
      return { mutationId, writes: decision.writes };
    })
    .immediate();
}

function enqueue(
  db: Database,
  m: { id: string; name: string; args: unknown; base: object; at: string; today: string; actor: string; touched: Touch[] },
): void {
  const { lastInsertRowid } = cachedStatement(
    db,
    'INSERT INTO outbox (id, name, args, base, at, today, actor, touched) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(m.id, m.name, JSON.stringify(m.args ?? {}), JSON.stringify(m.base), m.at, m.today, m.actor, JSON.stringify(m.touched));
  const touch = cachedStatement(db, 'INSERT OR IGNORE INTO outbox_touch (seq, entity, id) VALUES (?, ?, ?)');
  for (const t of m.touched) touch.run(lastInsertRowid, t.e, t.id);
}
