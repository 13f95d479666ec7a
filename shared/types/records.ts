import type { District } from '../domain/districts';
import type { Contact, Qualification } from '../domain/enterprise';
import type { IpKind, LegalStatus } from '../domain/ip';
import type { Pledgeability } from '../domain/pledgeability';
import type { EntryStatus } from '../domain/whitelist';

export interface Audit {
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface Enterprise extends Audit {
  id: string;
  name: string;
  uscc: string;
  district: District;
  street: string;
  address: string;
  industry: string;
  foundedOn: string | null;
  registeredCapitalFen: number | null;
  employees: number | null;
  revenueFen: number | null;
  rdFen: number | null;
  qualifications: Qualification[];
  contacts: Contact[];
  notes: string;
  ipCount: number;
  wlStatus: EntryStatus | null;
  wlSteward: string | null;
  wlNeedFen: number | null;
  lastVisitOn: string | null;
}

export interface IpAsset extends Audit {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseUscc: string;
  kind: IpKind;
  /** Stored form (digits and check character for patents). */
  number: string;
  /** Display form (with the dot before the check digit for patents). */
  displayNumber: string;
  title: string;
  filingDate: string | null;
  grantDate: string | null;
  registrationDate: string | null;
  validUntil: string | null;
  publishedOn: string | null;
  legalStatus: LegalStatus;
  feePaidThrough: string | null;
  owners: string[];
  claimsCount: number | null;
  ipcClass: string;
  pledged: boolean;
  suspended: boolean;
  underInvalidation: boolean;
  sameDayInvention: boolean;
  /** Computed from the record and today's date, never typed. */
  assessment: Pledgeability;
}

export interface WhitelistBatch {
  id: string;
  name: string;
  district: District;
  surveyedOn: string;
  source: string;
  entryCount: number;
}

export interface WhitelistEntry extends Audit {
  id: string;
  batchId: string;
  batchName: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  district: District;
  status: EntryStatus;
  steward: string;
  needFen: number | null;
  needTermMonths: number | null;
  priority: number;
  lastVisitOn: string | null;
  /** This entry's own survey date and source (its batch's unless given). */
  surveyedOn: string;
  source: string;
}

export interface StatusChange {
  fromStatus: EntryStatus | null;
  toStatus: EntryStatus;
  changedBy: string;
  changedAt: string;
  reason: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
}
