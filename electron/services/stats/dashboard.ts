/**
 * The officer's dashboard on this computer's data: the facts read here (facts.ts), the figures
 * worked out by shared/domain/dashboard.ts (the same functions the central service uses).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { dashboardView, registrationRowsOf } from '../../../shared/domain/dashboard';
import type { RegistrationRow } from '../../../shared/domain/stats';
import type { StatsFilter } from '../../../shared/schemas/stats';
import type { DashboardView } from '../../../shared/types/stats';
import { dashboardFacts } from './facts';

/** The dashboard for a period; `now` is the as-of time. */
export function dashboard(db: Database, f: StatsFilter, now: string): DashboardView {
  return dashboardView(dashboardFacts(db), f, now);
}

/** The registrations of a period in the filter's scope. */
export function registrationRows(db: Database, f: StatsFilter, from: string, to: string): RegistrationRow[] {
  return registrationRowsOf(dashboardFacts(db), f, from, to);
}
