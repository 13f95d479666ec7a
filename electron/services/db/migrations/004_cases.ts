import type { Migration } from './types';

/**
 * Service cases and what hangs off them: the pledged items, the loan and pledge registration,
 * interest and fee payments, the subsidy application, visits, and an append-only audit trail
 * (who, when, before/after). Also a table for catalogue data edited in the app (it overrides
 * the copy shipped in resources/). Enterprises and IP items with a case cannot be deleted.
 */
export const m004Cases: Migration = {
  version: 4,
  name: 'cases, pledges, subsidies, visits, audit trail, catalogue overrides',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id                 TEXT PRIMARY KEY NOT NULL,
        enterprise_id      TEXT NOT NULL REFERENCES enterprises (id) ON DELETE RESTRICT,
        steward            TEXT NOT NULL DEFAULT '',
        bank_officer       TEXT NOT NULL DEFAULT '',
        stage              TEXT NOT NULL CHECK (stage IN ('guidance', 'valuation', 'registration', 'subsidy', 'closed')),
        paused             INTEGER NOT NULL DEFAULT 0,
        pause_reason       TEXT NOT NULL DEFAULT '',
        outcome            TEXT,
        outcome_reason     TEXT NOT NULL DEFAULT '',
        closed_at          TEXT,
        need_fen           INTEGER,
        need_term_months   INTEGER,
        purpose            TEXT NOT NULL DEFAULT '',
        product_id         TEXT NOT NULL DEFAULT '',
        confirmations      TEXT NOT NULL DEFAULT '{}',
        documents          TEXT NOT NULL DEFAULT '{}',
        valuation_id       TEXT REFERENCES valuations (id) ON DELETE RESTRICT,
        manual_value_fen   INTEGER,
        manual_value_basis TEXT NOT NULL DEFAULT '',
        created_by         TEXT NOT NULL,
        created_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_enterprise ON cases (enterprise_id);
      CREATE INDEX cases_stage ON cases (stage, updated_at);

      CREATE TABLE case_items (
        case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        ip_asset_id TEXT NOT NULL REFERENCES ip_assets (id) ON DELETE RESTRICT,
        PRIMARY KEY (case_id, ip_asset_id)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX case_items_asset ON case_items (ip_asset_id);

      CREATE TABLE pledges (
        case_id            TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        bank               TEXT NOT NULL DEFAULT '',
        pledgee            TEXT NOT NULL DEFAULT '',
        loan_contract_no   TEXT NOT NULL DEFAULT '',
        loan_fen           INTEGER,
        rate_percent       REAL,
        loan_start         TEXT,
        loan_end           TEXT,
        pledge_contract_no TEXT NOT NULL DEFAULT '',
        secured_fen        INTEGER,
        pledge_start       TEXT,
        pledge_end         TEXT,
        appraised          INTEGER NOT NULL DEFAULT 0,
        agent              TEXT NOT NULL DEFAULT '',
        status             TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'registered', 'refused', 'changed', 'cancelled')),
        reg_no             TEXT NOT NULL DEFAULT '',
        reg_date           TEXT,
        status_reason      TEXT NOT NULL DEFAULT '',
        updated_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pledges_status ON pledges (status, loan_end);

      CREATE TABLE payments (
        id         TEXT PRIMARY KEY NOT NULL,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        paid_on    TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('interest', 'guarantee', 'appraisal', 'insurance', 'patent_insurance', 'other')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        note       TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX payments_case ON payments (case_id, paid_on);

      CREATE TABLE subsidy_applications (
        case_id        TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        policy_id      TEXT NOT NULL,
        policy_version TEXT NOT NULL,
        repaid         INTEGER NOT NULL DEFAULT 0,
        other_subsidy  INTEGER NOT NULL DEFAULT 0,
        materials      TEXT NOT NULL DEFAULT '{}',
        calc           TEXT NOT NULL,
        amount_fen     INTEGER NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'paid', 'rejected')),
        status_note    TEXT NOT NULL DEFAULT '',
        status_on      TEXT,
        updated_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE visits (
        id           TEXT PRIMARY KEY NOT NULL,
        case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        visited_on   TEXT NOT NULL,
        place        TEXT NOT NULL DEFAULT '',
        attendees    TEXT NOT NULL DEFAULT '[]',
        notes        TEXT NOT NULL DEFAULT '',
        next_steps   TEXT NOT NULL DEFAULT '',
        follow_up_on TEXT,
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX visits_case ON visits (case_id, visited_on);
      CREATE INDEX visits_follow_up ON visits (follow_up_on) WHERE follow_up_on IS NOT NULL;

      CREATE TABLE case_events (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        summary TEXT NOT NULL,
        before  TEXT,
        after   TEXT,
        reason  TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX case_events_case ON case_events (case_id, seq);

      CREATE TABLE catalog_overrides (
        name       TEXT PRIMARY KEY NOT NULL,
        json       TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
