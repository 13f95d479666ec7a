/**
 * The wire protocol between the desktop and the central service: push (batches of mutations,
 * answered one by one) and pull (pages of changes after a cursor). Every request carries the
 * protocol and schema versions in headers; a client too old is told so and keeps its changes.
 */
import { z } from 'zod';
import { isoDate } from '../schemas/common';
import type { Entity } from './entities';
import type { Fields } from './records';

/** Bumped when the shape of push or pull changes. */
export const PROTOCOL_VERSION = 1;
/** Bumped when what a record holds changes (entities.ts), so an old client cannot write half a record. */
export const SCHEMA_VERSION = 4;
export const MIN_PROTOCOL_VERSION = 1;
/**
 * 2: 贷后管理 (loan, repayment, ip_event records and the closing rule that reads them).
 * 3: 培训记录 (workshop records, which a client without their table could not store).
 * 4: 企业画像 and 技术对接 (enterprise profiles, technology needs, achievements, pairings).
 */
export const MIN_SCHEMA_VERSION = 4;
export const PROTOCOL_HEADER = 'x-ipf-protocol';
export const SCHEMA_HEADER = 'x-ipf-schema';
/** The version headers every push and pull request carries. */
export const VERSION_HEADERS: Readonly<Record<string, string>> = {
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  [SCHEMA_HEADER]: String(SCHEMA_VERSION),
};
/**
 * A pull page's cursor and completeness, also in headers (the same as in the body): a client
 * can ask for the next page as soon as this one's headers arrive, and store this one meanwhile.
 */
export const CURSOR_HEADER = 'x-ipf-cursor';
export const COMPLETE_HEADER = 'x-ipf-complete';
/** On the first page of a pull from the start: how many records the whole pull holds. */
export const TOTAL_HEADER = 'x-ipf-total';

/** Mutations per push; a bigger outbox goes in several pushes. */
export const MAX_PUSH_BATCH = 1000;
export const MAX_PULL_PAGE = 10_000;
export const DEFAULT_PULL_PAGE = 2000;

export const mutationEnvelope = z
  .object({
    /** 1, 2, 3… per device, without gaps: the server applies each once, in order. */
    seq: z.number().int().min(1),
    /** The mutation's own id (UUIDv7); records it creates as side effects derive their ids from it. */
    id: z.string().min(8).max(64),
    name: z.string().min(1).max(40),
    args: z.unknown(),
    /** For each record it changes ("entity/id"), the version of each field the edit was based on. */
    base: z.record(z.string().max(140), z.record(z.string().max(60), z.number().int().min(0))).default({}),
    /** When it was made on the device (metadata only: never used to order anything). */
    at: z.string().max(40),
    /** The user's calendar day on the device when it was made. */
    today: isoDate,
  })
  .strict();
export type MutationEnvelope = z.input<typeof mutationEnvelope>;

export const pushRequest = z
  .object({
    deviceId: z.string().min(8).max(64),
    mutations: z.array(mutationEnvelope).min(1).max(MAX_PUSH_BATCH),
  })
  .strict();
export type PushRequest = z.input<typeof pushRequest>;

export interface ConflictNote {
  conflictId: string;
  entity: Entity;
  recordId: string;
  field: string;
}

export type MutationResult =
  | {
      seq: number;
      id: string;
      /** applied: every change written; conflict: some fields kept the other value (see conflicts); rejected: nothing written. */
      status: 'applied' | 'conflict' | 'rejected';
      /** Why it was refused, in Chinese. */
      reasons?: string[];
      conflicts?: ConflictNote[];
      /** True when this is the stored answer to an earlier delivery of the same mutation. */
      duplicate?: boolean;
    }
  | { seq: number; id: string; status: 'gap'; expected: number };

export interface PushResponse {
  results: MutationResult[];
  /** The last mutation number applied for this device. */
  lastSeq: number;
}

export const pullQuery = z
  .object({
    cursor: z.string().max(600).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(DEFAULT_PULL_PAGE),
  })
  .strict();

export interface PullChange {
  e: Entity;
  id: string;
  /** upsert: the record as it is now; delete: it was deleted; remove: it left your scope (drop it, it is not deleted). */
  op: 'upsert' | 'delete' | 'remove';
  d?: Fields;
  v?: Record<string, number>;
  /** The district the record is in now (its own or the one of the enterprise it hangs off); null for records everyone sees. */
  s?: string | null;
  /** When it was last changed on the server (ISO, UTC) and by whom. */
  t?: string;
  b?: string;
}

export interface PullResponse {
  changes: PullChange[];
  /** Pass back to get what comes after. */
  cursor: string;
  /** Nothing more is waiting right now. */
  complete: boolean;
  /**
   * Your districts changed: drop every record of `removeDistricts`, then pull again from this
   * page's cursor (which starts from the beginning), keeping your unsent changes.
   */
  resync?: { removeDistricts: string[] };
}
