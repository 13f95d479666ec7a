/**
 * 统计看板's facts from synced records (shared/sync/entities.ts), as the central service holds
 * them: the same facts the desktop reads from its tables (electron/services/stats/facts.ts), so
 * one set of rules (shared/domain/dashboard.ts) gives the same figures from either source. The
 * SQL the desktop reads by says the same things in electron/services/stats/sql.ts (tested equal:
 * electron/services/stats/central.test.ts compares both sources on one synced store).
 */
import { PLEDGE_WAS_REGISTERED, type PledgeStatus } from './case-statuses';
import { caseFact, type CaseFact, type DashboardFacts } from './dashboard';
import type { District } from './districts';
import { Directory, mergeInstitutions, type Institution } from './institutions';
import type { IpKind } from './ip';

export interface SyncedRecord {
  entity: string;
  id: string;
  /** The district the record is in (its enterprise's). */
  district: string | null;
  data: Record<string, unknown>;
}

/** The entities the dashboard reads. */
export const DASHBOARD_ENTITIES = [
  'ip_asset',
  'case',
  'case_event',
  'pledge',
  'visit',
  'subsidy',
  'whitelist_batch',
  'whitelist_entry',
  'district_target',
  'institution',
] as const;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** CNIPA recorded the pledge (registered, changed or cancelled since): WAS_REGISTERED in sql.ts. */
export const pledgeWasRegistered = (p: Record<string, unknown>): boolean =>
  str(p.regNo) !== '' && strOrNull(p.regDate) !== null && PLEDGE_WAS_REGISTERED.includes(p.status as PledgeStatus);

/** The kind of every pledged item, 'mixed' when they differ, 'none' without (CASE_ITEMS_KIND in SQL). */
function itemsKind(items: unknown, kinds: ReadonlyMap<string, string>): CaseFact['kind'] {
  let kind: string | null = null;
  for (const id of Array.isArray(items) ? items : []) {
    const k = kinds.get(String(id));
    if (k === undefined) continue;
    if (kind !== null && kind !== k) return 'mixed';
    kind = k;
  }
  return (kind ?? 'none') as IpKind | 'none';
}

export function factsFromRecords(records: Iterable<SyncedRecord>): DashboardFacts {
  const by = new Map<string, SyncedRecord[]>();
  for (const r of records) {
    const list = by.get(r.entity);
    if (list) list.push(r);
    else by.set(r.entity, [r]);
  }
  const of = (entity: string) => by.get(entity) ?? [];
  // The shipped directory with the synced edits over it, as on the desktop.
  const directory = new Directory(mergeInstitutions(of('institution').map((i) => ({ ...(i.data as Omit<Institution, 'id'>), id: i.id }))));
  const kinds = new Map(of('ip_asset').map((a) => [a.id, str(a.data.kind)]));
  const pledges = new Map(of('pledge').map((p) => [str(p.data.caseId) || p.id, p.data]));
  // A case was opened when its 'create' event says (the event travels; the desktop's row stamp is of the pull).
  const opened = new Map<string, string>();
  for (const e of of('case_event')) {
    if (e.data.action !== 'create') continue;
    const caseId = str(e.data.caseId);
    const at = str(e.data.at);
    const seen = opened.get(caseId);
    if (at && (seen === undefined || at < seen)) opened.set(caseId, at);
  }
  const firstVisit = new Map<string, string>();
  for (const v of of('visit')) {
    const caseId = str(v.data.caseId);
    const on = str(v.data.visitedOn);
    const seen = firstVisit.get(caseId);
    if (on && (seen === undefined || on < seen)) firstVisit.set(caseId, on);
  }

  const at = new Map<string, number>();
  const cases: CaseFact[] = [];
  for (const c of of('case')) {
    if (!c.district) continue;
    // A case without its create event has no opening day to count (its registrations still count).
    const openedAt = opened.get(c.id) ?? '';
    const p = pledges.get(c.id);
    const registered = p ? pledgeWasRegistered(p) : false;
    at.set(c.id, cases.length);
    cases.push(
      caseFact(
        {
          caseId: c.id,
          district: c.district as District,
          steward: str(c.data.steward),
          stage: str(c.data.stage),
          outcome: strOrNull(c.data.outcome),
          openedOn: openedAt.slice(0, 10),
          bankText: p ? str(p.bank) : null,
          kind: itemsKind(c.data.items, kinds),
          registered,
          regDate: p ? strOrNull(p.regDate) : null,
          amountFen: p ? (num(p.securedFen) ?? num(p.loanFen) ?? 0) : 0,
          loanStart: p ? strOrNull(p.loanStart) : null,
          firstVisit: firstVisit.get(c.id) ?? null,
        },
        directory,
      ),
    );
  }
  const visits: DashboardFacts['visits'] = [];
  for (const v of of('visit')) {
    const i = at.get(str(v.data.caseId));
    if (i !== undefined && str(v.data.visitedOn)) visits.push({ caseAt: i, on: str(v.data.visitedOn) });
  }
  const subsidies: DashboardFacts['subsidies'] = [];
  for (const s of of('subsidy')) {
    const i = at.get(str(s.data.caseId) || s.id);
    if (i === undefined) continue;
    subsidies.push({
      caseAt: i,
      status: str(s.data.status),
      submittedOn: strOrNull(s.data.submittedOn),
      amountFen: num(s.data.amountFen) ?? 0,
      approvedFen: num(s.data.approvedFen) ?? 0,
      paidFen: num(s.data.paidFen) ?? 0,
    });
  }
  return {
    cases,
    visits,
    subsidies,
    whitelist: whitelistOf(of('whitelist_batch'), of('whitelist_entry')),
    targets: targetsOf(of('district_target')),
  };
}

/** Entries counted by batch, status and steward, the latest batches first (as the desktop's GROUP BY). */
function whitelistOf(batches: readonly SyncedRecord[], entries: readonly SyncedRecord[]): DashboardFacts['whitelist'] {
  const batch = new Map(batches.map((b) => [b.id, b]));
  const counts = new Map<string, DashboardFacts['whitelist'][number] & { surveyedOn: string }>();
  for (const e of entries) {
    const b = batch.get(str(e.data.batchId));
    if (!b) continue;
    const status = str(e.data.status);
    const steward = str(e.data.steward);
    const k = `${b.id}\u0000${status}\u0000${steward}`;
    const row = counts.get(k) ?? {
      batch: str(b.data.name),
      district: str(b.data.district),
      status,
      steward,
      n: 0,
      surveyedOn: str(b.data.surveyedOn),
    };
    row.n++;
    counts.set(k, row);
  }
  return [...counts.values()]
    .sort((a, b) =>
      a.surveyedOn === b.surveyedOn ? (a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0) : a.surveyedOn < b.surveyedOn ? 1 : -1,
    )
    .map(({ surveyedOn: _, ...row }) => row);
}

function targetsOf(targets: readonly SyncedRecord[]): DashboardFacts['targets'] {
  return targets
    .map((t) => ({
      year: num(t.data.year) ?? 0,
      district: str(t.data.district) as District,
      registrations: num(t.data.registrations),
      amountFen: num(t.data.amountFen),
    }))
    .sort((a, b) => a.year - b.year || (a.district < b.district ? -1 : a.district > b.district ? 1 : 0));
}
