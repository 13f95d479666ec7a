/**
 * A district's self-check: demo enterprises (some with a steward's facts) checked one by one on
 * their profile pages, in one pass, in rowid parts added up, and as the split job on worker
 * threads — all four must agree, enterprise by enterprise in total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../shared/domain/dates';
import { mergeTallies, type SelfCheckTally } from '../../../shared/domain/qualification/tally';
import type { ProfileView } from '../../../shared/profile-contract';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { caller, finishJob } from '../../../test/support/call';
import { usccFor } from '../../../test/support/sheets';
import { tempDir } from '../../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime, type Runtime } from '../runtime';
import { rowidParts, selfCheckAll } from './self-check-all';

const tmp = tempDir();
let rt: Runtime;
const call = caller(() => rt);
const today = todayIso();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  rt = createRuntime({ dataDir: tmp.dir, version: 't', shell: 'harness', worker: TSX_WORKER, resourcesDir: DEV_RESOURCES_DIR });
  const demo = await finishJob(call, await call<JobStatusView>('demoStart', { enterprises: 60, seed: 7 }));
  expect(demo.final.state).toBe('done');
  // Facts for every third enterprise, strong enough for some sets to pass and others to fail.
  const ids = rt.db!.prepare('SELECT id, employees FROM enterprises ORDER BY rowid').all() as { id: string; employees: number | null }[];
  for (const [n, e] of ids.entries()) {
    if (n % 3 !== 0) continue;
    const staff = e.employees ?? 50;
    const scale = 1 + (n % 7);
    await call<ProfileView>('profileSave', {
      enterpriseId: e.id,
      techStaff: Math.floor(staff * (n % 2 ? 0.3 : 0.05)),
      rdStaff: Math.floor(staff * 0.2),
      years: [0, 1, 2].map((i) => ({
        year: year - 3 + i,
        revenueFen: (8_000 + i * 3_000 * scale) * 1_000_000,
        rdFen: (600 + i * 100) * scale * 1_000_000,
        netAssetsFen: 9_000 * 1_000_000,
      })),
      ip: { inventionMainBusiness: n % 10 },
      kechuang: { softwareIndustry: false },
    });
  }
}, 120_000);
afterAll(async () => {
  await rt.close();
  tmp.cleanup();
});

const key = (t: SelfCheckTally) => t.bySet.map((s) => [s.id, s.pass, s.fail, s.unknown]);

describe('every enterprise’s self-check', () => {
  it('agrees with the profile pages, in one pass, in parts and as the split job', async () => {
    const ids = rt.db!.prepare('SELECT id FROM enterprises').pluck().all() as string[];
    expect(ids.length).toBeGreaterThanOrEqual(60);
    const whole = selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today);
    expect(whole.enterprises).toBe(ids.length);

    // The pages, one enterprise at a time (the full evaluation, with its texts).
    const byPage = new Map(whole.bySet.map((s) => [s.id, { pass: 0, fail: 0, unknown: 0 }]));
    for (const id of ids) {
      const v = await call<ProfileView>('profileGet', { enterpriseId: id });
      for (const c of v.checks) byPage.get(c.set.id)![c.result]++;
    }
    expect(whole.bySet.map((s) => [s.id, s.pass, s.fail, s.unknown])).toEqual(
      [...byPage].map(([id, t]) => [id, t.pass, t.fail, t.unknown]),
    );
    // The facts given make the tally more than one outcome per set somewhere.
    expect(whole.bySet.some((s) => s.pass > 0)).toBe(true);
    expect(whole.bySet.some((s) => s.fail > 0)).toBe(true);

    for (const parts of [2, 3, 7, 1000]) {
      const ranges = rowidParts(rt.db!, parts)!;
      expect(ranges.length).toBeLessThanOrEqual(Math.min(parts, ids.length));
      // Contiguous, each after the last, the last open-ended.
      ranges.slice(1).forEach(([from], i) => expect(from).toBe(ranges[i]![1]! + 1));
      expect(ranges.at(-1)![1]).toBeNull();
      const split = mergeTallies(ranges.map((rowids) => selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today, { rowids })));
      expect(split.enterprises, `${parts} parts`).toBe(ids.length);
      expect(key(split), `${parts} parts`).toEqual(key(whole));
    }

    const { final } = await finishJob(call, await call<JobStatusView>('selfCheckAllStart', {}));
    expect(final.state).toBe('done');
    expect(final.total).toBe(ids.length);
    const job = jobResult<SelfCheckTally>(final)!;
    expect(job.asOf).toBe(today);
    expect(job.enterprises).toBe(ids.length);
    expect(key(job)).toEqual(key(whole));
  });

  it('counts a row added or removed after the parts were cut once; honours a cancel; refuses input it does not take', async () => {
    const before = selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today).enterprises;
    const ranges = rowidParts(rt.db!, 2)!;
    // After the cut: one enterprise more (past the last range's start), one less from the first.
    await call('enterpriseSave', { name: '深圳市后来科技有限公司', uscc: usccFor(9901), district: '南山' });
    const first = rt
      .db!.prepare(
        'SELECT id FROM enterprises e WHERE rowid BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.enterprise_id = e.id) ORDER BY rowid',
      )
      .pluck()
      .get(...ranges[0]!) as string;
    await call('enterpriseDelete', { id: first });
    const split = mergeTallies(ranges.map((rowids) => selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today, { rowids })));
    expect(split.enterprises).toBe(before);
    expect(key(split)).toEqual(key(selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today)));
    // A range past the table counts nothing.
    const empty = selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today, { rowids: [1e12, null] });
    expect(empty.enterprises).toBe(0);
    expect(empty.bySet.every((s) => s.pass + s.fail + s.unknown === 0)).toBe(true);
    expect(() => selfCheckAll(rt.db!, DEV_RESOURCES_DIR, today, { isCancelled: () => true })).toThrow('自评已取消');
    const r = await rt.dispatch('selfCheckAllStart', { district: '南山' });
    expect(r.ok).toBe(false);
  });
});
