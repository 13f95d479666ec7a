import type { Migration } from './types';

/**
 * After the loan (贷后管理): each case's repayment method and what happened after the loan
 * (extensions, default, disposal, insurance, a compensation claim, its securitisation pool), the
 * repayments as they came in, and the legal-status events of IP items. New tables only: no row of
 * another table changes.
 */
export const m013LoanServicing: Migration = {
  version: 13,
  name: 'loan servicing',
  up(db) {
    db.exec(`
      CREATE TABLE loans (
        case_id        TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        method         TEXT NOT NULL CHECK (method IN ('equal_instalment', 'equal_principal', 'interest_only', 'custom')),
        plan           TEXT NOT NULL DEFAULT '[]',
        extensions     TEXT NOT NULL DEFAULT '[]',
        default_record TEXT,
        disposal       TEXT,
        insurance      TEXT,
        claim          TEXT,
        pool_name      TEXT NOT NULL DEFAULT '',
        updated_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX loans_pool ON loans (pool_name) WHERE pool_name <> '';

      CREATE TABLE repayments (
        id         TEXT PRIMARY KEY NOT NULL,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        paid_on    TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('instalment', 'prepayment')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        note       TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX repayments_case ON repayments (case_id, paid_on);

      CREATE TABLE ip_events (
        id          TEXT PRIMARY KEY NOT NULL,
        ip_asset_id TEXT NOT NULL REFERENCES ip_assets (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL,
        occurred_on TEXT NOT NULL,
        ended_on    TEXT,
        note        TEXT NOT NULL DEFAULT '',
        source      TEXT NOT NULL DEFAULT 'steward',
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ip_events_asset ON ip_events (ip_asset_id, occurred_on);
    `);
  },
};
