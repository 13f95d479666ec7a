/**
 * How each synced entity's record (the fields of shared/sync/entities.ts) sits in the tables
 * the lists and pages read: one codec per entity, used in both directions — encode when a
 * record is written (a local mutation or a pulled change), decode once when migration 9 turned
 * the tables into records. Derived columns (search keys, expiry, counts) are computed here and
 * by the tables' triggers, never sent.
 */
import { legalExpiry } from '../../../shared/domain/ip';
import { qualificationMask, qualificationsOf } from '../../../shared/domain/enterprise';
import type { Entity } from '../../../shared/sync/entities';
import type { Fields } from '../../../shared/sync/records';
import type { IpAssetData } from '../../../shared/schemas/ip';
import type { EnterpriseData } from '../../../shared/schemas/enterprise';
import { nameInitials, nameSortKey } from '../enterprises/initials';

type Kind = 'text' | 'int' | 'real' | 'bool' | 'json' | 'mask';

/** A field and its column; `fallback` is what a NOT NULL column holds when the field is absent. */
interface Column {
  field: string;
  column: string;
  kind: Kind;
  fallback?: unknown;
}

export interface Codec {
  table: string;
  /** The column holding the record's id. */
  idColumn: string;
  columns: Column[];
  /** Who-and-when columns the table keeps: set on insert (created) and every write (updated). */
  stamps: { created: boolean; updated: boolean };
  /** Columns computed from the record's data, written with it. */
  derived?: (data: Fields) => Record<string, unknown>;
  /** A column that must equal the id (a pledge's case_id), not otherwise written. */
  idAlias?: string;
}

const col = (field: string, kind: Kind = 'text', fallback?: unknown): Column => ({
  field,
  column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  kind,
  fallback,
});
const text = (field: string) => col(field, 'text', '');
const optional = (field: string) => col(field, 'text');
const int = (field: string) => col(field, 'int');
const bool = (field: string) => col(field, 'bool', false);
const json = (field: string, fallback: unknown) => col(field, 'json', fallback);

const ALL_STAMPS = { created: true, updated: true };

export const CODECS: Record<Exclude<Entity, 'conflict'>, Codec> = {
  enterprise: {
    table: 'enterprises',
    idColumn: 'id',
    columns: [
      text('name'),
      text('uscc'),
      text('district'),
      text('street'),
      text('address'),
      text('industry'),
      optional('foundedOn'),
      int('registeredCapitalFen'),
      int('employees'),
      int('revenueFen'),
      int('rdFen'),
      col('qualifications', 'mask', []),
      json('contacts', []),
      text('notes'),
    ],
    stamps: ALL_STAMPS,
    derived: (d) => ({ name_initials: nameInitials(String(d.name ?? '')), name_key: nameSortKey(String(d.name ?? '')) }),
  },
  ip_asset: {
    table: 'ip_assets',
    idColumn: 'id',
    columns: [
      text('enterpriseId'),
      text('kind'),
      text('number'),
      text('title'),
      optional('filingDate'),
      optional('grantDate'),
      optional('registrationDate'),
      optional('validUntil'),
      optional('publishedOn'),
      text('legalStatus'),
      optional('feePaidThrough'),
      json('owners', []),
      int('claimsCount'),
      text('ipcClass'),
      bool('pledged'),
      bool('suspended'),
      bool('underInvalidation'),
      bool('sameDayInvention'),
    ],
    stamps: ALL_STAMPS,
    derived: (d) => ({ expires_on: legalExpiry(d as unknown as IpAssetData) }),
  },
  whitelist_batch: {
    table: 'whitelist_batches',
    idColumn: 'id',
    columns: [text('name'), text('district'), text('surveyedOn'), text('source')],
    stamps: { created: true, updated: false },
  },
  whitelist_entry: {
    table: 'whitelist_entries',
    idColumn: 'id',
    columns: [
      text('batchId'),
      text('enterpriseId'),
      text('status'),
      text('steward'),
      int('needFen'),
      int('needTermMonths'),
      col('priority', 'int', 2),
      optional('lastVisitOn'),
      text('surveyedOn'),
      text('source'),
    ],
    stamps: ALL_STAMPS,
  },
  entry_status: {
    table: 'whitelist_status_history',
    idColumn: 'sync_id',
    columns: [text('entryId'), optional('fromStatus'), text('toStatus'), text('reason'), text('changedBy'), text('changedAt')],
    stamps: { created: false, updated: false },
  },
  case: {
    table: 'cases',
    idColumn: 'id',
    columns: [
      text('enterpriseId'),
      text('steward'),
      text('bankOfficer'),
      text('stage'),
      bool('paused'),
      text('pauseReason'),
      optional('outcome'),
      text('outcomeReason'),
      optional('closedAt'),
      int('needFen'),
      int('needTermMonths'),
      text('purpose'),
      text('productId'),
      json('confirmations', {}),
      json('documents', {}),
      optional('valuationId'),
      int('manualValueFen'),
      text('manualValueBasis'),
    ],
    stamps: ALL_STAMPS,
  },
  pledge: {
    table: 'pledges',
    idColumn: 'case_id',
    idAlias: 'caseId',
    columns: [
      text('bank'),
      text('pledgee'),
      text('loanContractNo'),
      int('loanFen'),
      col('ratePercent', 'real'),
      optional('loanStart'),
      optional('loanEnd'),
      text('pledgeContractNo'),
      int('securedFen'),
      optional('pledgeStart'),
      optional('pledgeEnd'),
      bool('appraised'),
      text('agent'),
      text('status'),
      text('regNo'),
      optional('regDate'),
      optional('submittedOn'),
      text('statusReason'),
    ],
    stamps: { created: false, updated: true },
  },
  payment: {
    table: 'payments',
    idColumn: 'id',
    columns: [text('caseId'), text('paidOn'), text('kind'), col('amountFen', 'int', 0), text('note')],
    stamps: { created: true, updated: false },
  },
  subsidy: {
    table: 'subsidy_applications',
    idColumn: 'case_id',
    idAlias: 'caseId',
    columns: [
      text('policyId'),
      text('policyVersion'),
      bool('repaid'),
      bool('otherSubsidy'),
      json('materials', {}),
      json('calc', {}),
      col('amountFen', 'int', 0),
      text('status'),
      text('statusNote'),
      optional('statusOn'),
      optional('submittedOn'),
      int('approvedFen'),
      optional('approvedOn'),
      int('paidFen'),
      optional('paidOn'),
    ],
    stamps: { created: false, updated: true },
  },
  loan: {
    table: 'loans',
    idColumn: 'case_id',
    idAlias: 'caseId',
    columns: [
      col('method', 'text', 'equal_instalment'),
      json('plan', []),
      json('extensions', []),
      json('defaultRecord', null),
      json('disposal', null),
      json('insurance', null),
      json('claim', null),
      text('poolName'),
    ],
    stamps: { created: false, updated: true },
  },
  repayment: {
    table: 'repayments',
    idColumn: 'id',
    columns: [text('caseId'), text('paidOn'), text('kind'), col('amountFen', 'int', 0), text('note')],
    stamps: { created: true, updated: false },
  },
  ip_event: {
    table: 'ip_events',
    idColumn: 'id',
    columns: [text('ipAssetId'), text('kind'), text('occurredOn'), optional('endedOn'), text('note'), col('source', 'text', 'steward')],
    stamps: ALL_STAMPS,
  },
  visit: {
    table: 'visits',
    idColumn: 'id',
    columns: [
      text('caseId'),
      text('visitedOn'),
      text('place'),
      json('attendees', []),
      text('notes'),
      text('nextSteps'),
      optional('followUpOn'),
    ],
    stamps: ALL_STAMPS,
  },
  case_event: {
    table: 'case_events',
    idColumn: 'sync_id',
    columns: [
      text('caseId'),
      text('at'),
      text('actor'),
      text('action'),
      text('summary'),
      json('before', null),
      json('after', null),
      text('reason'),
    ],
    stamps: { created: false, updated: false },
  },
  valuation: {
    table: 'valuations',
    idColumn: 'id',
    columns: [
      text('enterpriseId'),
      text('title'),
      text('engineVersion'),
      text('indicatorSet'),
      json('input', null),
      json('result', null),
      col('items', 'int', 0),
      col('totalFen', 'int', 0),
      int('p10Fen'),
      int('loanFen'),
      col('createdBy', 'text', ''),
      col('createdAt', 'text', ''),
    ],
    stamps: { created: false, updated: false },
  },
  district_target: {
    table: 'district_targets',
    idColumn: 'id',
    columns: [text('district'), col('year', 'int', 0), int('registrations'), int('amountFen')],
    stamps: ALL_STAMPS,
  },
  institution: {
    table: 'institutions',
    idColumn: 'id',
    columns: [text('kind'), text('name'), optional('headId'), json('aliases', []), json('greenChannel', []), col('active', 'bool', true)],
    stamps: ALL_STAMPS,
  },
  enterprise_profile: {
    table: 'enterprise_profiles',
    idColumn: 'enterprise_id',
    idAlias: 'enterpriseId',
    // Every fact optional: a NULL column is a fact not given (unknown to the self-check), never 0 or empty.
    columns: [
      col('techStaff', 'int'),
      col('rdStaff', 'int'),
      col('years', 'json'),
      col('ip', 'json'),
      col('techConversions', 'int'),
      col('equity', 'json'),
      col('awards', 'json'),
      col('standards', 'json'),
      col('rdInstitutions', 'json'),
      col('honours', 'json'),
      col('declarations', 'json'),
      col('market', 'json'),
      col('selfScores', 'json'),
      col('kechuang', 'json'),
    ],
    stamps: { created: false, updated: true },
  },
  tech_need: {
    table: 'tech_needs',
    idColumn: 'id',
    columns: [
      text('enterpriseId'),
      text('title'),
      text('description'),
      text('field'),
      json('ipcClasses', []),
      int('budgetFen'),
      optional('deadline'),
    ],
    stamps: ALL_STAMPS,
  },
  achievement: {
    table: 'achievements',
    idColumn: 'id',
    columns: [
      text('title'),
      text('abstract'),
      text('holder'),
      text('field'),
      json('ipcClasses', []),
      json('patents', []),
      optional('maturity'),
      json('transferModes', []),
    ],
    stamps: ALL_STAMPS,
  },
  tech_match: {
    table: 'tech_matches',
    idColumn: 'id',
    columns: [text('needId'), text('achievementId'), text('status'), text('note'), text('followedOn')],
    stamps: ALL_STAMPS,
  },
  workshop: {
    table: 'workshops',
    idColumn: 'id',
    columns: [
      text('date'),
      text('topic'),
      text('trainer'),
      text('venue'),
      optional('district'),
      json('attendees', []),
      json('materials', []),
      text('notes'),
    ],
    stamps: ALL_STAMPS,
  },
  catalog: {
    table: 'catalog_overrides',
    idColumn: 'name',
    columns: [{ field: 'products', column: 'json', kind: 'json', fallback: [] }],
    stamps: { created: false, updated: true },
  },
};

export const hasTable = (entity: Entity): entity is Exclude<Entity, 'conflict'> => entity !== 'conflict';

function encodeValue(c: Column, value: unknown): unknown {
  const v = value === undefined ? (c.fallback ?? null) : value;
  if (v === null) return c.kind === 'json' && c.fallback !== null && c.fallback !== undefined ? JSON.stringify(c.fallback) : null;
  switch (c.kind) {
    case 'bool':
      return v ? 1 : 0;
    case 'json':
      return JSON.stringify(v);
    case 'mask':
      return qualificationMask(v as EnterpriseData['qualifications']);
    case 'int':
      return typeof v === 'number' ? Math.trunc(v) : v;
    default:
      return v;
  }
}

function decodeValue(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case 'bool':
      return v === 1 || v === 1n;
    case 'json':
      return JSON.parse(String(v));
    case 'mask':
      return qualificationsOf(Number(v));
    default:
      return v;
  }
}

/** The columns (id first) and their values for a record's data. */
export function encode(codec: Codec, id: string, data: Fields): { columns: string[]; values: unknown[] } {
  const columns = [codec.idColumn];
  const values: unknown[] = [id];
  for (const c of codec.columns) {
    columns.push(c.column);
    values.push(encodeValue(c, data[c.field]));
  }
  for (const [k, v] of Object.entries(codec.derived?.(data) ?? {})) {
    columns.push(k);
    values.push(v);
  }
  return { columns, values };
}

/** A table row as a record's fields. */
export function decode(codec: Codec, row: Record<string, unknown>): Fields {
  const data: Fields = {};
  for (const c of codec.columns) data[c.field] = decodeValue(c, row[c.column]);
  if (codec.idAlias) data[codec.idAlias] = row[codec.idColumn];
  return data;
}
