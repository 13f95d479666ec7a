/**
 * Applies a demo case plan by the app's own path: each step is its shared mutation, run by
 * localMutate as the steward on the day the step is dated, so decide() checks every write
 * exactly as when a steward clicks. Steps dated after today are not applied. A refused step
 * (a bug in the plan) stops that case where it stands and is counted, never half-written.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { localMutate, type LocalResources } from '../sync/local';
import { getRecord } from '../sync/store';
import type { CasePlan, Read } from './case-plan';

export interface CaseTally {
  cases: number;
  visits: number;
  /** Pledges CNIPA registered (whatever happened to them after). */
  registered: number;
  payments: number;
  /** Subsidy applications submitted. */
  subsidies: number;
  /** Steps decide() refused (0 unless a plan is wrong); the first one's reason. */
  refused: number;
  firstRefusal?: string;
}

export const emptyTally = (): CaseTally => ({ cases: 0, visits: 0, registered: 0, payments: 0, subsidies: 0, refused: 0 });

/** The instant of the n-th step of a day: from 09:30 Beijing time, 11 minutes apart. */
export function instant(day: string, n: number): string {
  const minutes = 90 + Math.min(n, 60) * 11;
  return `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
}

export function runCasePlan(db: Database, plan: CasePlan, actor: string, today: string, resources: LocalResources, tally: CaseTally): void {
  const read: Read = (entity, id) => {
    const r = getRecord(db, entity, id);
    return r && !r.deleted ? r.data : null;
  };
  let day = '';
  let n = 0;
  for (const step of plan.steps) {
    if (step.on > today) break;
    n = step.on === day ? n + 1 : 0;
    day = step.on;
    const args = typeof step.args === 'function' ? step.args(read) : step.args;
    try {
      localMutate(db, step.name, args, { actor, now: instant(step.on, n) }, resources);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      tally.refused++;
      tally.firstRefusal ??= `${step.name}（${step.on}）：${err.message}`;
      return;
    }
    if (step.name === 'case.create') tally.cases++;
    else if (step.name === 'visit.save') tally.visits++;
    else if (step.name === 'payment.save') tally.payments++;
    else if (step.name === 'pledge.status' && args.to === 'registered') tally.registered++;
    else if (step.name === 'subsidy.status' && args.to === 'submitted') tally.subsidies++;
  }
}
