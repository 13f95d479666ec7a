/**
 * Server-side faults found by the desktop's seeded fault-injection run
 * (electron/services/sync/fuzz/), each as a small case against the real routes.
 */
import { expect, it } from 'vitest';
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
});
