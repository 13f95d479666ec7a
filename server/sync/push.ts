/**
 * A push: a device's mutations, applied exactly once and in order, in one short transaction.
 * The device's row is locked first, so two deliveries of one batch (a retry on another server
 * process) take turns and the second gets the stored answers. A repeat is answered from the
 * stored result; a gap stops the batch (the device resends from the number given); a refused
 * mutation is recorded and the ones after it still run.
 */
import { daysBetween } from '../../shared/domain/dates';
import { bankCatalogSchema } from '../../shared/schemas/bank';
import { MUTATIONS } from '../../shared/sync/mutations';
import { pushRequest, type MutationResult, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import type { SessionUser } from '../../shared/sync/roles';
import { localDate } from '../../shared/time';
import type { BankProduct } from '../../shared/types/valuation';
import type { Db, Queryable } from '../db/types';
import { HttpError } from '../errors';
import { applyMutation, type Applied } from './apply';
import { flushBatch } from './flush';
import { loadResources } from './resources';
import { BatchState } from './state';

export interface PushDeps {
  db: Db;
  clock: () => Date;
  resourcesDir: string;
}

/** PostgreSQL's "try again" answers: a deadlock, a serialization failure, a race on a unique key. */
const RETRYABLE = new Set(['40P01', '40001', '23505']);

export async function push(deps: PushDeps, user: SessionUser, body: unknown): Promise<PushResponse> {
  const req = pushRequest.parse(body);
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction((tx) => pushOnce(deps, tx, user, req));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt < 4 && code && RETRYABLE.has(code)) continue;
      throw err;
    }
  }
}

async function pushOnce(
  deps: PushDeps,
  tx: Queryable,
  user: SessionUser,
  req: ReturnType<typeof pushRequest.parse>,
): Promise<PushResponse> {
  const now = deps.clock();
  const at = now.toISOString();
  await tx.query(
    'INSERT INTO devices (id, user_id, last_seq, created_at, last_seen_at) VALUES ($1, $2, 0, $3, $3) ON CONFLICT (id) DO NOTHING',
    [req.deviceId, user.userId, at],
  );
  const device = (
    await tx.query<{ user_id: string; last_seq: number }>('SELECT user_id, last_seq FROM devices WHERE id = $1 FOR UPDATE', [req.deviceId])
  ).rows[0]!;
  if (device.user_id !== user.userId)
    throw new HttpError(409, 'CONFLICT', '此设备编号属于另一个账号：请退出后重新登录（将使用新的设备编号）。本机未同步的修改均已保留。');
  let last = Number(device.last_seq);
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq);

  const stored = new Map<number, MutationResult>();
  const repeats = mutations.filter((m) => m.seq <= last).map((m) => m.seq);
  if (repeats.length) {
    const rows = (
      await tx.query<{ seq: number; result: MutationResult }>(
        'SELECT seq, result FROM mutation_results WHERE device_id = $1 AND seq = ANY($2::bigint[])',
        [req.deviceId, repeats],
      )
    ).rows;
    for (const r of rows) stored.set(Number(r.seq), r.result);
  }

  const state = new BatchState(tx);
  const fresh = mutations.filter((m) => m.seq > last);
  const parsedArgs = fresh.map((m) => ({ m, def: MUTATIONS.get(m.name), args: MUTATIONS.get(m.name)?.args.safeParse(m.args) }));
  await state.loadKeys([
    { entity: 'catalog', id: 'bank-products' },
    ...parsedArgs.flatMap((p) => (p.def?.keys && p.args?.success ? p.def.keys(p.args.data) : [])),
  ]);
  await state.loadFinds(parsedArgs.flatMap((p) => (p.def?.finds && p.args?.success ? p.def.finds(p.args.data) : [])));

  const resources = loadResources(deps.resourcesDir);
  const edited = state.get('catalog', 'bank-products');
  const products = edited && !edited.deleted ? (bankCatalogSchema.parse(edited.data.products) as BankProduct[]) : resources.products;
  const serverToday = localDate(at);
  // The user's calendar day comes from their device, within a day or two of the server's.
  const today = (deviceToday: string) => (Math.abs(daysBetween(serverToday, deviceToday)) <= 2 ? deviceToday : serverToday);

  const results: MutationResult[] = [];
  const applied: { env: (typeof mutations)[number]; out: Applied }[] = [];
  for (const m of mutations) {
    if (m.seq <= last) {
      const earlier = stored.get(m.seq) ?? applied.find((a) => a.env.seq === m.seq)?.out.result;
      // Only applied, conflict and rejected answers are stored (a gap is never recorded).
      const answer = earlier as Exclude<MutationResult, { status: 'gap' }> | undefined;
      results.push(
        answer
          ? { ...answer, duplicate: true }
          : { seq: m.seq, id: m.id, status: 'rejected', reasons: ['该操作的处理结果已不再保留'], duplicate: true },
      );
      // Another change under this number: the device's database is an older copy of itself. Nothing
      // after it is applied, so the device can send its changes again under a new identity, in order.
      if (answer && answer.id !== m.id) break;
      continue;
    }
    if (m.seq > last + 1) {
      results.push({ seq: m.seq, id: m.id, status: 'gap', expected: last + 1 });
      break;
    }
    const out = await applyMutation(state, { ...m, base: m.base }, user, req.deviceId, {
      user: { name: user.name, role: user.role },
      now: at,
      products,
      policy: resources.policy,
      pool: resources.pool,
      today,
    });
    results.push(out.result);
    applied.push({ env: m, out });
    last = m.seq;
  }

  await flushBatch(tx, state, {
    at,
    user,
    deviceId: req.deviceId,
    lastSeq: last,
    applied: applied.map(({ env, out }) => ({ seq: env.seq, id: env.id, name: env.name, out })),
  });
  return { results, lastSeq: last };
}

export type { PushRequest };
