import type { Entity } from '../../../shared/sync/entities';

/** Parents before the records hanging off them, so each finds its district on arrival. */
export const UPLOAD_ORDER = [
  'enterprise',
  'ip_asset',
  'whitelist_batch',
  'whitelist_entry',
  'entry_status',
  'valuation',
  'case',
  'pledge',
  'payment',
  'subsidy',
  'visit',
  'case_event',
  'catalog',
] as const satisfies readonly Exclude<Entity, 'conflict'>[];
