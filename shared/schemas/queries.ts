import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { QUALIFICATIONS } from '../domain/enterprise';
import { IP_KINDS } from '../domain/ip';
import { ENTRY_STATUSES } from '../domain/whitelist';
import { fen } from './common';

const order = z.enum(['asc', 'desc']).default('asc');
const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

/** Whitelist filters that both the enterprise list and the whitelist list offer. */
const whitelistFields = {
  districts: z.array(z.enum(DISTRICTS)).default([]),
  statuses: z.array(z.enum(ENTRY_STATUSES)).default([]),
  stewards: z.array(z.string().max(40)).default([]),
  needMinFen: fen.nullable().default(null),
  needMaxFen: fen.nullable().default(null),
  notVisitedForDays: z.number().int().min(1).max(3650).nullable().default(null),
};

/** Filters shared by the enterprise list and its export. */
export const enterpriseFilter = z
  .object({
    search: z.string().trim().max(100).default(''),
    ...whitelistFields,
    qualifications: z.array(z.enum(QUALIFICATIONS)).default([]),
    /** Has an IP item whose term ends within this many days from today. */
    expiringWithinDays: z.number().int().min(1).max(36500).nullable().default(null),
  })
  .strict();

export const ENTERPRISE_SORTS = ['name', 'district', 'updatedAt', 'foundedOn', 'revenueFen', 'ipCount', 'wlNeedFen', 'wlStatus'] as const;
export const enterpriseQuery = z
  .object({
    filter: enterpriseFilter.default(enterpriseFilter.parse({})),
    sort: z.enum(ENTERPRISE_SORTS).default('name'),
    order,
    ...paging,
  })
  .strict();
export type EnterpriseFilter = z.input<typeof enterpriseFilter>;
export type EnterpriseQuery = z.input<typeof enterpriseQuery>;

export const ipFilter = z
  .object({
    search: z.string().trim().max(100).default(''),
    enterpriseId: z.string().max(64).nullable().default(null),
    kinds: z.array(z.enum(IP_KINDS)).default([]),
    districts: z.array(z.enum(DISTRICTS)).default([]),
    expiringWithinDays: z.number().int().min(1).max(36500).nullable().default(null),
    pledged: z.boolean().nullable().default(null),
  })
  .strict();
export const IP_SORTS = ['number', 'title', 'filingDate', 'expiresOn', 'enterpriseName'] as const;
export const ipQuery = z
  .object({ filter: ipFilter.default(ipFilter.parse({})), sort: z.enum(IP_SORTS).default('expiresOn'), order, ...paging })
  .strict();
export type IpFilter = z.input<typeof ipFilter>;
export type IpQuery = z.input<typeof ipQuery>;

export const entryFilter = z
  .object({
    search: z.string().trim().max(100).default(''),
    batchId: z.string().max(64).nullable().default(null),
    enterpriseId: z.string().max(64).nullable().default(null),
    ...whitelistFields,
  })
  .strict();
export const ENTRY_SORTS = ['enterpriseName', 'status', 'steward', 'needFen', 'priority', 'lastVisitOn', 'updatedAt'] as const;
export const entryQuery = z
  .object({ filter: entryFilter.default(entryFilter.parse({})), sort: z.enum(ENTRY_SORTS).default('priority'), order, ...paging })
  .strict();
export type EntryFilter = z.input<typeof entryFilter>;
export type EntryQuery = z.input<typeof entryQuery>;
