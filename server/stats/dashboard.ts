/**
 * 统计看板 from the central service: the facts of the user's districts built from the synced
 * records (shared/domain/dashboard-records.ts) and the view worked out by the rules the desktop
 * uses (shared/domain/dashboard.ts). The facts are kept per process while nothing is written
 * (neither the change sequence nor the set of running transactions has moved), so a filter change answers without reading again; any
 * process can answer any request, as each keeps its own.
 */
import type { District } from '../../shared/domain/districts';
import { dashboardView, type DashboardFacts } from '../../shared/domain/dashboard';
import { DASHBOARD_ENTITIES, factsFromRecords, type SyncedRecord } from '../../shared/domain/dashboard-records';
import { statsFilter } from '../../shared/schemas/stats';
import { STATS_ROLES, type SessionUser } from '../../shared/sync/roles';
import type { DashboardView } from '../../shared/types/stats';
import type { Db } from '../db/types';
import { forbidden, invalid } from '../errors';

const KEPT = 4;
const kept = new Map<string, { seq: string; facts: DashboardFacts }>();

async function factsOf(db: Db, districts: readonly District[]): Promise<DashboardFacts> {
  const key = [...districts].sort().join(',');
  // The sequence moves with every write, but a number is taken before its transaction commits:
  // the snapshot (which transactions are still running) moves when it does.
  const { rows } = await db.query<{ seq: string }>("SELECT last_value::text || '/' || pg_current_snapshot()::text AS seq FROM change_seq");
  const seq = rows[0]!.seq;
  const hit = kept.get(key);
  if (hit?.seq === seq) return hit.facts;
  const records = await db.query<SyncedRecord>(
    // The directory's records have no district: everyone's figures resolve banks by them.
    `SELECT entity, id, district, data FROM records
      WHERE NOT deleted AND entity = ANY($1::text[]) AND (district = ANY($2::text[]) OR entity = 'institution')`,
    [DASHBOARD_ENTITIES, districts],
  );
  const facts = factsFromRecords(records.rows);
  kept.delete(key);
  kept.set(key, { seq, facts });
  // A few district sets at most (an officer's, the city's); the oldest goes first.
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return facts;
}

export async function centralDashboard(db: Db, user: SessionUser, body: unknown, now: string): Promise<DashboardView> {
  if (!STATS_ROLES.includes(user.role)) throw forbidden('培训账号不能查看真实数据的统计看板');
  const parsed = statsFilter.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid(`统计条件有误：${issues.map((i) => i.message).join('；')}`, issues);
  }
  const f = parsed.data;
  const outside = f.districts.filter((d) => !user.districts.includes(d));
  if (outside.length) throw forbidden(`无权查看${outside.join('、')}的统计（你的范围：${user.districts.join('、') || '无'}）`);
  // The facts of all the user's districts, as their desktop holds them (the filter narrows the
  // view, not the source, so 同比's base is judged on the same data); never more.
  const districts = f.districts.length ? f.districts : [...user.districts];
  return dashboardView(await factsOf(db, user.districts), { ...f, districts }, now);
}
