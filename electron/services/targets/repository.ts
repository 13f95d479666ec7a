/** A district's yearly targets on this computer: listed by year, set through the target.save mutation. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { District } from '../../../shared/domain/districts';
import { targetId } from '../../../shared/domain/targets';
import { targetInput, type Target, type TargetInput } from '../../../shared/schemas/targets';
import { localMutate } from '../sync/local';
import type { WriteContext } from '../enterprises/repository';

export function listTargets(db: Database, year: number): Target[] {
  return db
    .prepare(`SELECT id, district, year, registrations, amount_fen AS amountFen FROM district_targets WHERE year = ? ORDER BY district`)
    .all(year) as Target[];
}

export function saveTarget(db: Database, input: TargetInput, ctx: WriteContext): Target {
  const t = targetInput.parse(input);
  return db
    .transaction(() => {
      localMutate(db, 'target.save', t, ctx);
      return listTargets(db, t.year).find((x) => x.id === targetId(t.district as District, t.year))!;
    })
    .immediate();
}
