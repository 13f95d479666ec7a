/** The SQL grouping of banks gives what shared/domain/banks.ts headBank says, for any text. */
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANK_PREFIXES, headBank } from '../../../shared/domain/banks';
import { BANK } from './sql';

describe('the bank grouping in SQL', () => {
  it('equals headBank for texts made of bank names, branches and odd characters', () => {
    const db = new BetterSqlite3(':memory:');
    const head = db.prepare(`SELECT ${BANK} FROM (SELECT ? AS bank) p`).pluck();
    const parts = [...BANK_PREFIXES.map((p) => p.prefix), '深圳', '南山支行', '分行', '%', '_', "'", '\\', 'A', '某某', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 4 }), (xs) => {
        const text = xs.join('');
        expect(head.get(text)).toBe(headBank(text));
      }),
      { numRuns: 2000, seed: 20261201 },
    );
    db.close();
  });
});
