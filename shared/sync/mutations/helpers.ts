/** Small pieces several mutations use: reading live records, audit lines, the case aggregate. */
import { caseView, type CaseAsset, type CasePledge, type CaseView } from '../../domain/case-view';
import { loanFacts, loanSummary } from '../../domain/loan/of-state';
import type { SubsidyStatus } from '../../domain/case-statuses';
import type { Qualification } from '../../domain/enterprise';
import type { CaseRecord } from '../../types/case';
import type { ValuationRunSummary } from '../../types/valuation';
import type { Entity } from '../entities';
import type { Fields, StateReader, SyncRecord, Write } from '../records';
import { derivedId, upsert, type DecideContext } from './types';

/** The record if it exists and is not deleted. */
export function live(state: StateReader, entity: Entity, id: string): SyncRecord | null {
  const r = state.get(entity, id);
  return r && !r.deleted ? r : null;
}

/** An audit line of a case, with an id derived from the mutation so both sides write the same one. */
export function caseEvent(
  ctx: DecideContext,
  caseId: string,
  n: number,
  e: { action: string; summary: string; before?: unknown; after?: unknown; reason?: string },
): Write {
  return upsert(
    'case_event',
    derivedId(ctx.mutationId, n),
    {
      caseId,
      at: ctx.now,
      actor: ctx.user.name,
      action: e.action,
      summary: e.summary,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? '',
    },
    false,
  );
}

/** The case's own fields as the case view and the stage machine read them. */
export function caseRecordOf(r: SyncRecord): CaseRecord {
  const d = r.data as Fields & Partial<CaseRecord>;
  return {
    ...(d as unknown as CaseRecord),
    id: r.id,
    confirmations: (d.confirmations as Record<string, boolean>) ?? {},
    documents: (d.documents as Record<string, boolean>) ?? {},
  };
}

/** Everything decide() needs to know about a case, gathered from the state. */
export interface CaseState {
  record: SyncRecord;
  data: CaseRecord;
  enterprise: SyncRecord;
  items: string[];
  pledge: SyncRecord | null;
  subsidy: SyncRecord | null;
  view: CaseView;
}

export function caseState(state: StateReader, caseId: string, ctx: DecideContext): CaseState | null {
  const record = live(state, 'case', caseId);
  if (!record) return null;
  const data = caseRecordOf(record);
  const enterprise = live(state, 'enterprise', String(record.data.enterpriseId));
  if (!enterprise) return null;
  const items = (record.data.items as string[] | undefined) ?? [];
  const assets = items
    .map((id) => live(state, 'ip_asset', id))
    .filter((a): a is SyncRecord => a !== null)
    .map((a) => ({ ...(a.data as unknown as CaseAsset), id: a.id }));
  const pledge = live(state, 'pledge', caseId);
  const subsidy = live(state, 'subsidy', caseId);
  const valuation = data.valuationId ? live(state, 'valuation', data.valuationId) : null;
  const run = valuation
    ? {
        summary: { ...(valuation.data as unknown as ValuationRunSummary), id: valuation.id },
        byAsset: new Map(Object.entries((valuation.data.itemValues as Record<string, number>) ?? {})),
        productId: (valuation.data.productId as string | null) ?? null,
      }
    : null;
  const e = enterprise.data as { name: string; foundedOn: string | null; qualifications: Qualification[] };
  const view = caseView(
    {
      record: data,
      enterprise: { name: e.name, foundedOn: e.foundedOn ?? null, qualifications: e.qualifications ?? [] },
      assets,
      pledge: pledge ? (pledge.data as unknown as CasePledge) : null,
      subsidyStatus: (subsidy?.data.status as SubsidyStatus | undefined) ?? null,
      loan: loanSummary(loanFacts(state, caseId, ctx.today)),
      run,
    },
    ctx.products,
    ctx.today,
  );
  return { record, data, enterprise, items, pledge, subsidy, view };
}
