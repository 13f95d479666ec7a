/**
 * One mutation against the batch state: the role and the arguments checked, decide() run on
 * the state here, every write checked for scope and merged field by field against the
 * versions the mutation was based on, and the result staged in the overlay. A refused
 * mutation stages nothing.
 */
import type { District } from '../../shared/domain/districts';
import { ENTITIES, type Entity } from '../../shared/sync/entities';
import { mergeWrite, type FieldConflict } from '../../shared/sync/merge';
import { MUTATIONS, type DecideContext } from '../../shared/sync/mutations';
import { derivedId } from '../../shared/sync/mutations/types';
import type { ConflictNote, MutationEnvelope, MutationResult } from '../../shared/sync/protocol';
import { recordKey, restamp, type Fields, type Write } from '../../shared/sync/records';
import type { SessionUser } from '../../shared/sync/roles';
import { inScope, outOfScope, roleProblem } from '../../shared/sync/scope';
import { PENDING_VERSION, type BatchState, type HeldRecord } from './state';

export interface AuditLine {
  entity: Entity;
  recordId: string;
  before: Fields | null;
  after: Fields | null;
}

export interface Applied {
  result: MutationResult;
  audit: AuditLine[];
  /** A root record (an enterprise) whose district changed: its descendants move with it. */
  moves: { rootId: string; from: string | null; to: string | null }[];
}

type Env = Omit<MutationEnvelope, 'base'> & { base: Record<string, Record<string, number>> };

/**
 * Where a record's district and root come from, given its new data. A parent written earlier
 * in the same mutation (an entry and its first status line, a case and its audit line) is
 * found in `planned`: it is not staged until every write of the mutation has been checked.
 */
function placeOf(
  state: BatchState,
  planned: readonly { next: HeldRecord }[],
  entity: Entity,
  id: string,
  data: Fields,
): { district: District | null; rootId: string | null } {
  const scope = ENTITIES[entity].scope as { field?: string; parent?: Entity | 'any'; via?: string; global?: boolean };
  if (scope.global) return { district: null, rootId: null };
  if (scope.field) return { district: (data[scope.field] as District | undefined) ?? null, rootId: id };
  const parentId = String(data[scope.via!] ?? '');
  const parentEntity = scope.parent === 'any' ? (data.entity as Entity) : scope.parent!;
  const parent =
    planned.findLast((p) => p.next.entity === parentEntity && p.next.id === parentId)?.next ?? state.get(parentEntity, parentId);
  return { district: parent?.district ?? null, rootId: (parent as HeldRecord | null)?.rootId ?? null };
}

const rejected = (env: Env, ...reasons: string[]): Applied => ({
  result: { seq: env.seq, id: env.id, status: 'rejected', reasons },
  audit: [],
  moves: [],
});

export async function applyMutation(
  state: BatchState,
  env: Env,
  user: SessionUser,
  deviceId: string,
  ctx: Omit<DecideContext, 'mutationId' | 'today'> & { today: (deviceToday: string) => string },
): Promise<Applied> {
  const def = MUTATIONS.get(env.name);
  if (!def) return rejected(env, `未知的操作：${env.name}`);
  const role = roleProblem(user, def);
  if (role) return rejected(env, role);
  const parsed = def.args.safeParse(env.args);
  if (!parsed.success)
    return rejected(env, ...parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message)));
  const dctx: DecideContext = { ...ctx, mutationId: env.id, today: ctx.today(env.today) };
  let decision;
  try {
    decision = await state.settle(() => def.decide(parsed.data, state, dctx));
  } catch (err) {
    // An unknown policy and the like are the request's fault, said in Chinese.
    if (err instanceof Error && 'code' in err && (err as { code: string }).code === 'NOT_FOUND') return rejected(env, err.message);
    throw err;
  }
  // What decide() read must be the user's to see, even when it writes nothing (a refusal or a
  // no-op answer would otherwise tell them about a record of another district).
  for (const r of state.seen.values()) if (!inScope(user, r.district)) return rejected(env, outOfScope(r.district));
  if (!decision.ok) return { ...rejected(env, ...decision.reasons) };

  // Work every write out first; stage nothing unless all of them are in scope.
  const planned: {
    write: Write;
    current: HeldRecord | null;
    next: HeldRecord;
    conflicts: FieldConflict[];
    fields: Fields;
    deleted: boolean;
  }[] = [];
  for (const write of decision.writes) {
    const current = await state.settle(() => state.get(write.entity, write.id));
    const merged = mergeWrite(current, write, env.base[recordKey(write.entity, write.id)], deviceId);
    const data = { ...(current?.data ?? {}), ...merged.fields };
    const place = await state.settle(() => placeOf(state, planned, write.entity, write.id, data));
    if (current && !inScope(user, current.district)) return rejected(env, outOfScope(current.district));
    if (!inScope(user, place.district)) return rejected(env, outOfScope(place.district));
    const touched = new Set([
      ...(current?.touched ?? []),
      ...Object.keys(merged.fields).filter(
        (f) => !current || JSON.stringify(current.data[f] ?? null) !== JSON.stringify(merged.fields[f] ?? null),
      ),
    ]);
    const versions = restamp(current?.versions, [...touched], Object.keys(data), PENDING_VERSION);
    const origins = restamp(current?.origins, [...touched], Object.keys(data), deviceId);
    // A derived (unchecked) upsert brings a deleted record back: that is how a settled "edit against a delete" restores it.
    const deleted = merged.delete ? true : write.op === 'upsert' && !write.checked ? false : (current?.deleted ?? false);
    const next: HeldRecord = {
      entity: write.entity,
      id: write.id,
      data,
      versions,
      origins,
      district: place.district,
      rootId: place.rootId,
      deleted,
      touched,
    };
    planned.push({ write, current, next, conflicts: merged.conflicts, fields: merged.fields, deleted: merged.delete });
  }

  // A delete kept as a conflict (the record was edited meanwhile) takes nothing with it: what
  // the mutation would have deleted under it (an enterprise's IP items and entries) stays too.
  const kept = new Set(
    planned.filter((p) => p.write.op === 'delete' && p.write.checked && !p.deleted && p.conflicts.length).map((p) => p.write.id),
  );
  const underKept = (p: (typeof planned)[number]) =>
    p.write.op === 'delete' && !p.write.checked && p.current !== null && p.current.rootId !== null && kept.has(p.current.rootId);

  const audit: AuditLine[] = [];
  const moves: Applied['moves'] = [];
  const notes: ConflictNote[] = [];
  let n = 0;
  for (const p of planned) {
    if (underKept(p)) continue;
    const changed = Object.keys(p.fields).filter((f) => JSON.stringify(p.current?.data[f] ?? null) !== JSON.stringify(p.fields[f] ?? null));
    if (changed.length || p.deleted || p.next.deleted !== (p.current?.deleted ?? false) || (!p.current && p.write.op === 'upsert')) {
      state.stage(p.next);
      audit.push({
        entity: p.write.entity,
        recordId: p.write.id,
        before: p.current ? Object.fromEntries(changed.map((f) => [f, p.current!.data[f] ?? null])) : null,
        after: p.deleted ? null : Object.fromEntries(changed.map((f) => [f, p.fields[f]])),
      });
      if (p.current && p.next.rootId === p.next.id && p.current.district !== p.next.district)
        moves.push({ rootId: p.next.id, from: p.current.district, to: p.next.district });
    }
    for (const c of p.conflicts) {
      // Kept for a person to settle; it travels to everyone who sees the record.
      const conflictId = derivedId(env.id, 1000 + n++);
      const writer = await state.lastWriter(p.write.entity, p.write.id, c.field, c.serverOrigin);
      const data = {
        entity: p.write.entity,
        recordId: p.write.id,
        field: c.field,
        baseVersion: c.baseVersion,
        serverValue: c.serverValue,
        clientValue: c.clientValue,
        serverBy: writer.by,
        serverAt: writer.at,
        clientBy: user.name,
        clientAt: env.at,
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      };
      const place = { district: p.current?.district ?? p.next.district, rootId: p.current?.rootId ?? p.next.rootId };
      state.stage({
        entity: 'conflict',
        id: conflictId,
        data,
        versions: {},
        origins: {},
        ...place,
        deleted: false,
        touched: new Set(Object.keys(data)),
      });
      audit.push({ entity: 'conflict', recordId: conflictId, before: null, after: data });
      notes.push({ conflictId, entity: p.write.entity, recordId: p.write.id, field: c.field });
    }
  }
  return {
    result: notes.length
      ? { seq: env.seq, id: env.id, status: 'conflict', conflicts: notes }
      : { seq: env.seq, id: env.id, status: 'applied' },
    audit,
    moves,
  };
}
