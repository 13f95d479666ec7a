/**
 * Server-side faults found by the desktop's seeded fault-injection run
 * (electron/services/sync/fuzz/), each as a small case against the real routes.
 */
import { expect, it } from 'vitest';
import { setDistricts } from '../accounts';
import { startCentral } from '../../test/support/central';
import { describeEachDb } from '../../test/support/postgres';
import { usccFor } from '../../test/support/sheets';

const enterprise = (id: string, n: number, district: string) => ({
  id,
  name: `深圳市故障测试${n}科技有限公司`,
  uscc: usccFor(9500 + n),
  district,
});

describeEachDb('sync faults found by the fuzz run', (fresh) => {
  it('places a record in the district of a parent written by the same mutation (an entry and its first status line)', async () => {
    const c = await startCentral(await fresh());
    const officer = await c.user('光明专员', 'officer', ['光明']);
    const south = await c.user('南山管家', 'steward', ['南山']);
    await officer.run('enterprise.save', enterprise('e1', 1, '光明'));
    await officer.run('batch.save', { id: 'b1', name: '光明第一批', district: '光明', surveyedOn: '2026-01-05' });
    expect((await officer.run('entry.save', { id: 'w1', batchId: 'b1', enterpriseId: 'e1' })).status).toBe('applied');
    const placed = await c.db.query<{ entity: string; district: string | null; root_id: string | null }>(
      "SELECT entity, district, root_id FROM records WHERE entity IN ('whitelist_entry', 'entry_status') ORDER BY entity",
    );
    expect(placed.rows).toEqual([
      { entity: 'entry_status', district: '光明', root_id: 'e1' },
      { entity: 'whitelist_entry', district: '光明', root_id: 'e1' },
    ]);
    // A record with no district goes to everyone: the status line must not reach 南山.
    expect(await south.pullAll()).toEqual([]);
    expect((await officer.pullAll()).map((ch) => ch.e)).toContain('entry_status');
  });

  it('sends the deletions and moves of the districts kept when a change of districts starts the pull again', async () => {
    const c = await startCentral(await fresh());
    const both = await c.user('两区管家', 'steward', ['光明', '南山']);
    const other = await c.user('光明管家', 'steward', ['光明', '福田']);
    for (const [id, n] of [
      ['gone', 1],
      ['moved', 2],
      ['kept', 3],
    ] as const)
      await other.run('enterprise.save', enterprise(id, n, '光明'));
    await both.run('enterprise.save', enterprise('south', 4, '南山'));
    expect((await both.pullAll()).map((ch) => ch.id).sort()).toEqual(['gone', 'kept', 'moved', 'south']);
    // While the first steward is away: one is deleted, one moves to a district they do not hold,
    // and they lose 南山.
    await other.run('enterprise.delete', { id: 'gone' });
    await other.run('enterprise.save', { ...enterprise('moved', 2, '福田') });
    await setDistricts(c.db, '两区管家', ['光明'], c.now());
    const page = await both.pullPage();
    expect(page.resync).toEqual({ removeDistricts: ['南山'] });
    const seen = [...page.changes, ...(page.complete ? [] : await both.pullAll())];
    const last = (id: string) => seen.filter((ch) => ch.id === id).at(-1)?.op;
    expect([last('gone'), last('moved'), last('kept')]).toEqual(['delete', 'remove', 'upsert']);
  });

  it('says with each pulled change which district the record is in now, moved with its enterprise or not', async () => {
    const c = await startCentral(await fresh());
    const both = await c.user('两区管家', 'steward', ['光明', '南山']);
    const south = await c.user('南山管家', 'steward', ['南山']);
    await both.run('enterprise.save', enterprise('e1', 1, '光明'));
    await both.run('ip.save', {
      id: 'p1',
      enterpriseId: 'e1',
      kind: 'trademark',
      number: 'TM95001',
      title: '商标',
      registrationDate: '2020-01-01',
    });
    expect((await both.pullAll()).map((ch) => [ch.id, ch.s])).toEqual([
      ['e1', '光明'],
      ['p1', '光明'],
    ]);
    await both.run('enterprise.save', enterprise('e1', 1, '南山'));
    expect((await south.pullAll()).map((ch) => [ch.id, ch.s])).toEqual([
      ['e1', '南山'],
      ['p1', '南山'],
    ]);
  });

  it('deletes the status lines of the entries an enterprise is deleted with, leaving nothing that points at a deleted record', async () => {
    const c = await startCentral(await fresh());
    const officer = await c.user('光明专员', 'officer', ['光明']);
    await officer.run('enterprise.save', enterprise('e1', 1, '光明'));
    await officer.run('batch.save', { id: 'b1', name: '光明第一批', district: '光明', surveyedOn: '2026-01-05' });
    await officer.run('entry.save', { id: 'w1', batchId: 'b1', enterpriseId: 'e1' });
    await officer.run('entry.status', { entryId: 'w1', status: '已走访', reason: '走访了' });
    expect((await officer.run('enterprise.delete', { id: 'e1' })).status).toBe('applied');
    const live = await c.db.query<{ entity: string }>('SELECT entity FROM records WHERE NOT deleted ORDER BY entity');
    expect(live.rows).toEqual([{ entity: 'whitelist_batch' }]);
  });

  it('keeps what hangs off an enterprise whose delete became a conflict', async () => {
    const c = await startCentral(await fresh());
    const a = await c.user('管家甲', 'steward', ['光明']);
    const b = await c.user('管家乙', 'steward', ['光明']);
    await a.run('enterprise.save', enterprise('e1', 1, '光明'));
    await a.run('ip.save', {
      id: 'p1',
      enterpriseId: 'e1',
      kind: 'trademark',
      number: 'TM95101',
      title: '商标',
      registrationDate: '2020-01-01',
    });
    const seen = (await a.pullAll()).find((ch) => ch.id === 'e1')!.v!;
    await b.pullAll();
    await b.run('enterprise.save', { ...enterprise('e1', 1, '光明'), notes: '乙改了' }, { 'enterprise/e1': { notes: seen['*']! } });
    // A deletes what it saw, not having seen B's edit: a conflict, and nothing is deleted.
    const base = Object.fromEntries(Object.keys(enterprise('e1', 1, '光明')).map((f) => [f, seen['*']!]));
    const r = await a.run('enterprise.delete', { id: 'e1' }, { 'enterprise/e1': base });
    expect(r).toMatchObject({ status: 'conflict', conflicts: [{ entity: 'enterprise', recordId: 'e1', field: '*' }] });
    const live = await c.db.query<{ id: string }>(
      "SELECT id FROM records WHERE entity IN ('enterprise', 'ip_asset') AND NOT deleted ORDER BY id",
    );
    expect(live.rows).toEqual([{ id: 'e1' }, { id: 'p1' }]);
  });

  it('settles a delete that met edits as "mine" the way the delete goes, with what hangs off the record', async () => {
    const c = await startCentral(await fresh());
    const a = await c.user('管家甲', 'steward', ['光明']);
    const b = await c.user('管家乙', 'steward', ['光明']);
    await a.run('enterprise.save', enterprise('e1', 1, '光明'));
    const seen = (await a.pullAll()).find((ch) => ch.id === 'e1')!.v!;
    await b.pullAll();
    await b.run('enterprise.save', { ...enterprise('e1', 1, '光明'), notes: '乙改了' }, { 'enterprise/e1': { notes: seen['*']! } });
    const base = Object.fromEntries(Object.keys(enterprise('e1', 1, '光明')).map((f) => [f, seen['*']!]));
    const r = await a.run('enterprise.delete', { id: 'e1' }, { 'enterprise/e1': base });
    expect(r.status).toBe('conflict');
    // An item added meanwhile, then the delete taken after all.
    await b.run('ip.save', {
      id: 'p1',
      enterpriseId: 'e1',
      kind: 'trademark',
      number: 'TM95201',
      title: '商标',
      registrationDate: '2020-01-01',
    });
    const conflictId = r.conflicts![0]!.conflictId;
    await a.pullAll();
    expect((await a.run('conflict.resolve', { id: conflictId, take: 'mine' })).status).toBe('applied');
    const live = await c.db.query<{ entity: string }>("SELECT entity FROM records WHERE NOT deleted AND entity <> 'conflict'");
    expect(live.rows).toEqual([]);
  });
});
