import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { District } from '../../shared/domain/districts';
import type { PullChange } from '../../shared/sync/protocol';
import { usePglite } from '../../test/support/postgres';
import { resetCentral, startCentral, type TestClient } from '../../test/support/central';
import type { Db } from '../db/types';
import { inventionNumber, usccFor } from '../../test/support/sheets';

const POOL: District[] = ['光明', '南山', '宝安', '福田'];

type Op =
  | { kind: 'create'; user: number; district: District }
  | { kind: 'move'; user: number; target: number; district: District }
  | { kind: 'patent'; user: number; target: number }
  | { kind: 'delete'; user: number; target: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), user: fc.nat(3), district: fc.constantFrom(...POOL) }),
  fc.record({ kind: fc.constant('move' as const), user: fc.nat(3), target: fc.nat(40), district: fc.constantFrom(...POOL) }),
  fc.record({ kind: fc.constant('patent' as const), user: fc.nat(3), target: fc.nat(40) }),
  fc.record({ kind: fc.constant('delete' as const), user: fc.nat(3), target: fc.nat(40) }),
);

/** A replica as a desktop would keep it: applies pulled changes, drops removes and deletes. */
function applyTo(replica: Map<string, PullChange>, changes: PullChange[]) {
  for (const c of changes) {
    const k = `${c.e}/${c.id}`;
    if (c.op === 'upsert') replica.set(k, c);
    else replica.delete(k);
  }
}

describe('scope, for random users, districts and records (seeded)', () => {
  const { fresh } = usePglite();
  let db: Db | null = null;

  it('no pull returns a record outside the user’s districts, no push writes one, and every replica ends equal to its scope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.subarray(POOL, { minLength: 1 }), { minLength: 4, maxLength: 4 }),
        fc.array(op, { minLength: 10, maxLength: 40 }),
        async (scopes, ops) => {
          db ??= await fresh();
          await resetCentral(db);
          const c = await startCentral(db);
          const users: TestClient[] = [];
          for (const [n, districts] of scopes.entries()) users.push(await c.user(`管家${n}`, 'steward', districts));
          const made: { id: string; name: string; uscc: string }[] = [];
          let serial = 0;
          for (const o of ops) {
            const u = users[o.user]!;
            const mine = scopes[o.user]!;
            const target = made.length ? made[('target' in o ? o.target : 0) % made.length]! : null;
            const where = target
              ? ((
                  await c.db.query<{ district: string | null; deleted: boolean }>(
                    "SELECT district, deleted FROM records WHERE entity = 'enterprise' AND id = $1",
                    [target.id],
                  )
                ).rows[0] ?? null)
              : null;
            let result;
            if (o.kind === 'create') {
              const e = { id: `e${++serial}`, name: `深圳市随机${serial}科技有限公司`, uscc: usccFor(20_000 + serial) };
              result = await u.run('enterprise.save', { ...e, district: o.district });
              if (result.status === 'applied') made.push(e);
              expect(result.status === 'applied', `create in ${o.district} by ${mine}`).toBe(mine.includes(o.district));
            } else if (target && where && !where.deleted) {
              const inScope = mine.includes(where.district as District);
              if (o.kind === 'move') result = await u.run('enterprise.save', { ...target, district: o.district });
              else if (o.kind === 'patent')
                result = await u.run('ip.save', {
                  id: `p${++serial}`,
                  enterpriseId: target.id,
                  kind: 'invention',
                  number: inventionNumber(2020, serial),
                  title: `专利${serial}`,
                  filingDate: '2020-01-01',
                  grantDate: '2022-01-01',
                  owners: [target.name],
                });
              else result = await u.run('enterprise.delete', { id: target.id });
              const allowed = inScope && (o.kind !== 'move' || mine.includes(o.district));
              if (!allowed) {
                // Refused, or (a field another device wrote) kept as a conflict: never written.
                expect(result.status, `${o.kind} of a ${where.district} record by ${mine}`).not.toBe('applied');
                const after = (
                  await c.db.query<{ district: string | null; deleted: boolean }>(
                    "SELECT district, deleted FROM records WHERE entity = 'enterprise' AND id = $1",
                    [target.id],
                  )
                ).rows[0];
                expect(after).toEqual(where);
              }
            }
          }
          for (const [n, u] of users.entries()) {
            const replica = new Map<string, PullChange>();
            for (;;) {
              const page = await u.pullPage(7);
              for (const ch of page.changes.filter((x) => x.op === 'upsert')) {
                const district =
                  (
                    await c.db.query<{ district: string | null }>('SELECT district FROM records WHERE entity = $1 AND id = $2', [
                      ch.e,
                      ch.id,
                    ])
                  ).rows[0]?.district ?? null;
                if (district !== null) expect(scopes[n]).toContain(district);
              }
              applyTo(replica, page.changes);
              if (page.complete) break;
            }
            const expected = (
              await c.db.query<{ k: string }>(
                "SELECT entity || '/' || id AS k FROM records WHERE NOT deleted AND (district = ANY($1::text[]) OR district IS NULL) ORDER BY 1",
                [scopes[n]],
              )
            ).rows.map((r) => r.k);
            expect([...replica.keys()].sort()).toEqual(expected.sort());
          }
        },
      ),
      { numRuns: 25, seed: 20261201 },
    );
  }, 240_000);
});
