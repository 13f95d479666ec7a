import { expect, it } from 'vitest';
import { DISTRICTS } from '../../shared/domain/districts';
import { usccFor, inventionNumber } from '../../test/support/sheets';
import { describeEachDb } from '../../test/support/postgres';
import { signIn, startCentral, TODAY, type TestClient } from '../../test/support/central';
import { VERSION_HEADERS } from '../../shared/sync/protocol';

const enterprise = (id: string, n: number, district: string, name = `深圳市同步测试${n}科技有限公司`) => ({
  id,
  name,
  uscc: usccFor(9000 + n),
  district,
});
const patent = (id: string, enterpriseId: string, n: number, owner: string) => ({
  id,
  enterpriseId,
  kind: 'invention',
  number: inventionNumber(2019, n),
  title: `一种同步方法${n}`,
  filingDate: '2019-03-01',
  grantDate: '2021-05-01',
  feePaidThrough: '2027-03-01',
  owners: [owner],
});
/** The versions of the fields an edit changes: what a client sends as the edit's base. */
const pick = (versions: Record<string, number>, ...fields: string[]) =>
  Object.fromEntries(fields.map((f) => [f, versions[f] ?? versions['*'] ?? 0]));
const ids = (changes: { e: string; id: string; op: string }[]) => changes.map((c) => `${c.op}:${c.e}/${c.id}`);

describeEachDb('sync push and pull', (fresh) => {
  it('applies a mutation once, however often it is delivered, and pulls it once', async () => {
    const c = await startCentral(await fresh());
    const steward = await c.user('光明管家', 'steward', ['光明']);
    const m = steward.mutation('enterprise.save', enterprise('e1', 1, '光明'));
    const first = await steward.push(m);
    expect(first).toEqual({ results: [{ seq: 1, id: m.id, status: 'applied' }], lastSeq: 1 });
    for (let i = 0; i < 4; i++) expect((await steward.push(m)).results).toEqual([{ seq: 1, id: m.id, status: 'applied', duplicate: true }]);
    const changes = await steward.pullAll();
    expect(changes).toMatchObject([
      { e: 'enterprise', id: 'e1', op: 'upsert', d: { name: '深圳市同步测试1科技有限公司', district: '光明' } },
    ]);
    expect(Object.values(changes[0]!.v!).every((v) => v === Object.values(changes[0]!.v!)[0])).toBe(true);
    expect(await steward.pullAll()).toEqual([]);
    expect((await c.db.query('SELECT count(*)::int AS n FROM audit')).rows[0]).toEqual({ n: 1 });
  });

  it('gives the same state whether batches arrive once, five times, or interleaved with another device’s', async () => {
    const schedules = [
      (a: () => Promise<unknown>, b: () => Promise<unknown>) => [a, b],
      (a: () => Promise<unknown>, b: () => Promise<unknown>) => [a, a, a, a, a, b, b, b, b, b],
      (a: () => Promise<unknown>, b: () => Promise<unknown>) => [b, a, b, a, a, b],
    ];
    const states: unknown[] = [];
    for (const schedule of schedules) {
      const c = await startCentral(await fresh());
      const x = await c.user('管家甲', 'steward', ['光明']);
      const y = await c.user('管家乙', 'steward', ['光明']);
      const batchX = [
        x.mutation('enterprise.save', enterprise('e1', 1, '光明')),
        x.mutation('ip.save', patent('p1', 'e1', 1, '深圳市同步测试1科技有限公司')),
        x.mutation('enterprise.save', { ...enterprise('e1', 1, '光明'), street: '光明街道' }),
      ];
      const batchY = [
        y.mutation('enterprise.save', enterprise('e2', 2, '光明')),
        y.mutation('enterprise.save', { ...enterprise('e2', 2, '光明'), notes: '乙的备注' }),
      ];
      for (const send of schedule(
        () => x.push(...batchX),
        () => y.push(...batchY),
      ))
        await send();
      states.push(
        (await c.db.query("SELECT entity, id, data, deleted FROM records WHERE entity <> 'case_event' ORDER BY entity, id")).rows,
      );
      expect((await c.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mutation_results')).rows[0]!.n).toBe(5);
    }
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
  });

  it('answers a gap with the number it expects, and a refused mutation does not hold back the next', async () => {
    const c = await startCentral(await fresh());
    const s = await c.user('光明管家', 'steward', ['光明']);
    const a = s.mutation('enterprise.save', enterprise('e1', 1, '光明'));
    const bad = s.mutation('ip.save', patent('p1', 'no-such-enterprise', 1, 'x'));
    const b = s.mutation('enterprise.save', enterprise('e2', 2, '光明'));
    const skipped = s.mutation('enterprise.save', enterprise('e3', 3, '光明'));
    const late = s.mutation('enterprise.save', enterprise('e4', 4, '光明'));
    // Reordered on the way: the server applies by number.
    const res = await s.push(b, bad, a);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(res.results[1]).toMatchObject({ reasons: ['所属企业不存在或已被删除'] });
    expect(await s.push(late)).toEqual({ results: [{ seq: 5, id: late.id, status: 'gap', expected: 4 }], lastSeq: 3 });
    expect((await s.push(skipped, late)).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(ids(await s.pullAll()).sort()).toEqual([
      'upsert:enterprise/e1',
      'upsert:enterprise/e2',
      'upsert:enterprise/e3',
      'upsert:enterprise/e4',
    ]);
  });

  it('keeps a concurrent edit of the same field as a conflict both sides receive, and merges different fields', async () => {
    const c = await startCentral(await fresh());
    const a = await c.user('管家甲', 'steward', ['南山']);
    const b = await c.user('管家乙', 'steward', ['南山']);
    await a.run('enterprise.save', enterprise('e1', 1, '南山'));
    const base = (await b.pullAll())[0]!.v!;
    await a.pullAll();
    // Both start from the same version: 甲 changes the street and the notes, 乙 the street and the industry.
    const e1 = enterprise('e1', 1, '南山');
    expect(
      (await a.run('enterprise.save', { ...e1, street: '粤海街道', notes: '甲的备注' }, { 'enterprise/e1': pick(base, 'street', 'notes') }))
        .status,
    ).toBe('applied');
    const r = await b.run(
      'enterprise.save',
      { ...e1, street: '西丽街道', industry: '软件' },
      { 'enterprise/e1': pick(base, 'street', 'industry') },
    );
    expect(r).toMatchObject({ status: 'conflict', conflicts: [{ entity: 'enterprise', recordId: 'e1', field: 'street' }] });
    for (const who of [a, b]) {
      const seen = await who.pullAll();
      const record = seen.filter((x) => x.e === 'enterprise').at(-1)!;
      expect(record.d).toMatchObject({ street: '粤海街道', notes: '甲的备注', industry: '软件' });
      expect(seen.find((x) => x.e === 'conflict')?.d).toMatchObject({
        entity: 'enterprise',
        recordId: 'e1',
        field: 'street',
        serverValue: '粤海街道',
        clientValue: '西丽街道',
        clientBy: '管家乙',
      });
    }
    // The same value from both is no conflict.
    const now = (await a.pullAll(), await b.pullAll());
    expect(now).toEqual([]);
  });

  it('settles a conflict with a chosen value that everyone receives', async () => {
    const c = await startCentral(await fresh());
    const a = await c.user('管家甲', 'steward', ['南山']);
    const b = await c.user('管家乙', 'steward', ['南山']);
    await a.run('enterprise.save', enterprise('e1', 1, '南山'));
    const base = (await b.pullAll())[0]!.v!;
    await a.run('enterprise.save', { ...enterprise('e1', 1, '南山'), street: '粤海街道' }, { 'enterprise/e1': pick(base, 'street') });
    const conflict = (await b.run(
      'enterprise.save',
      { ...enterprise('e1', 1, '南山'), street: '西丽街道' },
      { 'enterprise/e1': pick(base, 'street') },
    )) as { conflicts: { conflictId: string }[] };
    const id = conflict.conflicts[0]!.conflictId;
    expect((await b.run('conflict.resolve', { id, take: 'mine' })).status).toBe('applied');
    expect((await a.run('conflict.resolve', { id, take: 'theirs' })).reasons).toEqual(['该冲突已处理']);
    const seen = await a.pullAll();
    expect(seen.filter((x) => x.e === 'enterprise').at(-1)!.d!.street).toBe('西丽街道');
    expect(seen.filter((x) => x.e === 'conflict').at(-1)!.d).toMatchObject({
      resolvedBy: '管家乙',
      resolution: { take: 'mine', value: '西丽街道' },
    });
  });

  it('refuses an edit of a deleted record as a conflict, never resurrecting it silently', async () => {
    const c = await startCentral(await fresh());
    const a = await c.user('管家甲', 'steward', ['南山']);
    const b = await c.user('管家乙', 'steward', ['南山']);
    await a.run('enterprise.save', enterprise('e1', 1, '南山'));
    const base = (await b.pullAll())[0]!.v!;
    expect((await a.run('enterprise.delete', { id: 'e1' }, { 'enterprise/e1': base })).status).toBe('applied');
    const r = await b.run(
      'enterprise.save',
      { ...enterprise('e1', 1, '南山'), notes: '离线时的修改' },
      { 'enterprise/e1': pick(base, 'notes') },
    );
    expect(r).toMatchObject({ status: 'conflict', conflicts: [{ field: '*' }] });
    const seen = await b.pullAll();
    expect(seen.find((x) => x.e === 'enterprise')?.op).toBe('delete');
    expect(seen.find((x) => x.e === 'conflict')?.d).toMatchObject({ field: '*', clientValue: { notes: '离线时的修改' } });
    expect((await b.run('enterprise.save', { ...enterprise('e1', 1, '南山'), notes: '再改一次' })).status).toBe('conflict');
  });

  it('never lets a user read or write outside their districts, not even by moving a record', async () => {
    const c = await startCentral(await fresh());
    const guangming = await c.user('光明管家', 'steward', ['光明']);
    const nanshan = await c.user('南山管家', 'steward', ['南山']);
    expect((await nanshan.run('enterprise.save', enterprise('n1', 1, '南山'))).status).toBe('applied');
    expect((await guangming.run('enterprise.save', enterprise('g1', 2, '南山'))).reasons).toEqual(['无权修改南山区的记录']);
    expect((await guangming.run('enterprise.save', enterprise('g1', 2, '光明'))).status).toBe('applied');
    expect((await guangming.run('enterprise.save', enterprise('g1', 2, '南山'))).reasons).toEqual(['无权修改南山区的记录']);
    expect((await guangming.run('ip.save', patent('p1', 'n1', 1, '深圳市同步测试1科技有限公司'))).reasons).toEqual([
      '无权修改南山区的记录',
    ]);
    expect((await guangming.run('enterprise.delete', { id: 'n1' })).reasons).toEqual(['无权修改南山区的记录']);
    expect(ids(await guangming.pullAll())).toEqual(['upsert:enterprise/g1']);
    expect(ids(await nanshan.pullAll())).toEqual(['upsert:enterprise/n1']);
  });

  it('moves an enterprise with everything under it: the district it left is told to remove them', async () => {
    const c = await startCentral(await fresh());
    const admin = await c.user('管理员', 'admin', [...DISTRICTS]);
    const guangming = await c.user('光明管家', 'steward', ['光明']);
    const nanshan = await c.user('南山管家', 'steward', ['南山']);
    const e = enterprise('e1', 1, '光明', '深圳市搬迁测试有限公司');
    await admin.run('enterprise.save', e);
    await admin.run('ip.save', patent('p1', 'e1', 1, e.name));
    expect(ids(await guangming.pullAll()).sort()).toEqual(['upsert:enterprise/e1', 'upsert:ip_asset/p1']);
    expect(await nanshan.pullAll()).toEqual([]);
    await admin.run('enterprise.save', { ...e, district: '南山' });
    expect(ids(await guangming.pullAll()).sort()).toEqual(['remove:enterprise/e1', 'remove:ip_asset/p1']);
    expect(ids(await nanshan.pullAll()).sort()).toEqual(['upsert:enterprise/e1', 'upsert:ip_asset/p1']);
  });

  it('tells a user whose districts changed to drop the lost ones and pull again', async () => {
    const c = await startCentral(await fresh());
    const admin = await c.user('管理员', 'admin', [...DISTRICTS]);
    const s = await c.user('两区管家', 'steward', ['光明', '南山']);
    await admin.run('enterprise.save', enterprise('g1', 1, '光明'));
    await admin.run('enterprise.save', enterprise('n1', 2, '南山'));
    expect((await s.pullAll()).length).toBe(2);
    await c.db.query("UPDATE users SET districts = '{光明}' WHERE name = '两区管家'");
    // The page that says so already starts the pull again, in the new scope.
    const page = await s.pullPage();
    expect(page.resync).toEqual({ removeDistricts: ['南山'] });
    expect(ids(page.changes)).toEqual(['upsert:enterprise/g1']);
    expect(await s.pullAll()).toEqual([]);
  });

  it('refuses a client too old for the protocol, and a mutation the role may not make', async () => {
    const c = await startCentral(await fresh());
    const trainer = await c.user('培训师', 'trainer', []);
    const res = await c.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${trainer.token}`, 'x-ipf-protocol': '0', 'x-ipf-schema': '1' },
      payload: {},
    });
    expect(res.statusCode).toBe(426);
    expect(res.json().error).toMatchObject({ code: 'CLIENT_TOO_OLD' });
    expect(res.json().error.message).toContain('本机未同步的修改都已保留');
    // A desktop from before 贷后管理 (schema 1) would not know the loan records it pulls: told to update, changes kept.
    const schema1 = await c.app.inject({
      method: 'GET',
      url: '/sync/pull',
      headers: { authorization: `Bearer ${trainer.token}`, 'x-ipf-protocol': '1', 'x-ipf-schema': '1' },
    });
    expect([schema1.statusCode, schema1.json().error.code]).toEqual([426, 'CLIENT_TOO_OLD']);
    expect((await trainer.run('enterprise.save', enterprise('e1', 1, '光明'))).reasons).toEqual(['当前账号的角色（培训师）无权执行此操作']);
    const noAuth = await c.app.inject({ method: 'GET', url: '/sync/pull', headers: { ...VERSION_HEADERS } });
    expect(noAuth.statusCode).toBe(401);
  });

  it('decides a case move with the shared stage machine, on the server’s state', async () => {
    const c = await startCentral(await fresh());
    const s = await c.user('光明管家', 'steward', ['光明']);
    const e = enterprise('e1', 1, '光明', '深圳市案件测试有限公司');
    await s.run('enterprise.save', e);
    await s.run('ip.save', patent('p1', 'e1', 7, e.name));
    await s.run('case.create', { id: 'c1', enterpriseId: 'e1' });
    expect((await s.run('case.move', { id: 'c1', move: { type: 'advance' }, from: 'guidance' })).reasons).toEqual([
      '尚未填写融资需求金额',
      '尚未选择拟质押的知识产权',
    ]);
    await s.run('case.update', { id: 'c1', needFen: 500_000_000 });
    await s.run('case.items', { id: 'c1', ipAssetIds: ['p1'] });
    expect((await s.run('case.move', { id: 'c1', move: { type: 'advance' }, from: 'guidance' })).status).toBe('applied');
    // The same move again, made on a copy that had not seen the first.
    expect((await s.run('case.move', { id: 'c1', move: { type: 'advance' }, from: 'guidance' })).reasons).toEqual([
      '案件已处于“价值评估”阶段（可能已在别处变更），请刷新后再操作',
    ]);
    const seen = await s.pullAll();
    expect(seen.filter((x) => x.e === 'case').at(-1)!.d).toMatchObject({ stage: 'valuation', needFen: 500_000_000, items: ['p1'] });
    expect(seen.filter((x) => x.e === 'case_event').map((x) => x.d!.summary)).toEqual([
      '新建服务案件（深圳市案件测试有限公司），进入贷前指导',
      '修改融资需求',
      '拟质押知识产权调整为 1 项',
      '进入价值评估',
    ]);
    expect(TODAY).toBe('2026-11-20');
  });

  it('tells a client whose cursor predates purged tombstones to start again', async () => {
    const c = await startCentral(await fresh());
    const s = await c.user('光明管家', 'steward', ['光明']);
    await s.run('enterprise.save', enterprise('e1', 1, '光明'));
    await s.pullAll();
    const old = s.cursor;
    await s.run('enterprise.delete', { id: 'e1' });
    const { purgeTombstones } = await import('./tombstones');
    c.advance(200 * 86_400_000);
    expect(await purgeTombstones(c.db, c.now())).toBe(1);
    const later = await signIn(c.app, '光明管家', '光明管家-密码-2026');
    const query = new URLSearchParams({ cursor: old! });
    const res = await c.app.inject({
      method: 'GET',
      url: `/sync/pull?${query}`,
      headers: { authorization: `Bearer ${later.token}`, ...VERSION_HEADERS },
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('RESYNC_REQUIRED');
  });
});

export type { TestClient };
