import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { usePostgres } from '../../test/support/postgres';
import { startCentral } from '../../test/support/central';
import { usccFor } from '../../test/support/sheets';
import { openDb } from '../db/connect';
import { migrate } from '../db/migrate';

/**
 * The classic trap of a sequence cursor: a transaction takes its number, another commits a
 * higher one first, a pull moves the cursor past both, and the first one's row, committed
 * later, is never pulled. The snapshot horizon holds the pull back until it has committed.
 */
describe('pull below the snapshot horizon (PostgreSQL)', () => {
  const cluster = usePostgres();

  it('pulls both of two transactions that commit out of order', async () => {
    const url = await cluster.createDatabase();
    const db = await openDb({ databaseUrl: url, dataDir: null });
    try {
      await migrate(db);
      const c = await startCentral(db);
      const s = await c.user('光明管家', 'steward', ['光明']);
      const slow = new pg.Client({ connectionString: url });
      await slow.connect();
      try {
        // The slow writer starts first: its transaction id is the lower one.
        await slow.query('BEGIN');
        await slow.query(
          `INSERT INTO records (entity, id, district, root_id, data, wire, updated_at, updated_by)
           VALUES ('enterprise', 'slow', '光明', 'slow', $1::json, json_build_object('e', 'enterprise', 'id', 'slow', 'op', 'upsert', 'd', $1::json, 'v', '{}'::json)::text, now(), 'test')`,
          [JSON.stringify({ name: '深圳市慢事务科技有限公司', uscc: usccFor(7101), district: '光明' })],
        );
        const slowXid = (await slow.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0]!.x;
        // A push commits meanwhile with a higher transaction id.
        expect(
          (await s.run('enterprise.save', { id: 'fast', name: '深圳市快事务科技有限公司', uscc: usccFor(7102), district: '光明' })).status,
        ).toBe('applied');
        const fastXid = (await db.query<{ x: string }>("SELECT xid::text AS x FROM records WHERE id = 'fast'")).rows[0]!.x;
        expect(BigInt(fastXid)).toBeGreaterThan(BigInt(slowXid));
        // While the slow one runs, nothing at or above its id is handed out, the fast row included.
        expect(await s.pullAll()).toEqual([]);
        await slow.query('COMMIT');
      } finally {
        await slow.end();
      }
      expect((await s.pullAll()).map((x) => x.id)).toEqual(['slow', 'fast']);
      expect(await s.pullAll()).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
